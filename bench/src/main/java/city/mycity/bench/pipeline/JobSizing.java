package city.mycity.bench.pipeline;

import city.mycity.bench.services.BrokerEndpoint;
import city.mycity.settings.Settings;
import city.mycity.stream.StreamSettings;
import java.time.Duration;

/**
 * How the bench runs the job: the stream settings of the environment where set ({@code MYCITY_STREAM_PARALLELISM},
 * {@code _CHECKPOINT_INTERVAL}, {@code _CONNECTIONS}, {@code _RECEIVE_MAXIMUM}, {@code _BATCH_SIZE}), else sized for the
 * bench: parallelism 2, checkpoints every 200 ms, and enough MQTT connections per reader that the broker's in-flight
 * window does not cap the rate. Messages are acknowledged once per checkpoint, so a reader moves at most <i>connections
 * × window</i> messages per interval.
 *
 * @param window unacknowledged messages per connection: the lower of the receive maximum and the broker's cap
 */
public record JobSizing(
        int parallelism, Duration checkpointInterval, int connections, int receiveMaximum, int window, int batchSize) {

    static final int BENCH_PARALLELISM = 2;
    static final Duration BENCH_CHECKPOINT_INTERVAL = Duration.ofMillis(200);
    static final int MIN_CONNECTIONS = 4;
    static final int MAX_CONNECTIONS = 64;
    /** Head room over the peak rate, for the uneven spread of messages over connections. */
    static final double HEAD_ROOM = 1.5;

    /**
     * @param peakMessagesPerSecond the highest message rate the bench may ask for in this form
     */
    public static JobSizing of(Settings settings, BrokerEndpoint.Kind broker, double peakMessagesPerSecond) {
        int parallelism = settings.isSet(StreamSettings.PARALLELISM)
                ? settings.get(StreamSettings.PARALLELISM)
                : BENCH_PARALLELISM;
        Duration interval = settings.isSet(StreamSettings.CHECKPOINT_INTERVAL)
                ? settings.get(StreamSettings.CHECKPOINT_INTERVAL)
                : BENCH_CHECKPOINT_INTERVAL;
        int receiveMaximum = settings.get(StreamSettings.RECEIVE_MAXIMUM);
        int window = Math.min(receiveMaximum, broker.inFlightCap());
        int connections = settings.isSet(StreamSettings.CONNECTIONS)
                ? settings.get(StreamSettings.CONNECTIONS)
                : connectionsFor(peakMessagesPerSecond, interval, window, parallelism);
        return new JobSizing(
                parallelism, interval, connections, receiveMaximum, window, settings.get(StreamSettings.BATCH_SIZE));
    }

    /** Connections per reader so that all readers together move the peak rate, with head room, within limits. */
    static int connectionsFor(double peakMessagesPerSecond, Duration interval, int window, int parallelism) {
        double perInterval = peakMessagesPerSecond * interval.toMillis() / 1000.0 * HEAD_ROOM;
        int needed = (int) Math.ceil(perInterval / ((double) window * parallelism));
        return Math.max(MIN_CONNECTIONS, Math.min(MAX_CONNECTIONS, needed));
    }

    /** The most messages per second the readers can take before the window caps them. */
    public double messageCap() {
        return (double) connections * parallelism * window / (checkpointInterval.toMillis() / 1000.0);
    }

    /** "parallelism 2, checkpoints 200 ms, 2 x 16 MQTT connections (window 50), batches of 1000". */
    public String describe() {
        return "parallelism " + parallelism + ", checkpoints every " + checkpointInterval.toMillis() + " ms, "
                + parallelism + " x " + connections + " MQTT connections (window " + window + "), batches of "
                + batchSize;
    }
}
