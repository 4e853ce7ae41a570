package city.mycity.stream.mqtt;

import city.mycity.reading.Uplink;
import city.mycity.reading.UplinkTopic;
import city.mycity.settings.Settings;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * An unbounded source of MQTT v5 messages (FLIP-27). Each parallel reader runs one client with the stable id {@code
 * {group}-{subtask}}, a persistent session and a shared QoS 1 subscription; messages are acknowledged when the
 * checkpoint covering them completes, so none is lost on a restart (some may come twice: the sinks are idempotent).
 */
public final class MqttSource implements Source<Uplink, MqttSplit, MqttEnumerator.NoState> {

    private static final long serialVersionUID = 1L;

    private final MqttSourceSettings settings;

    private MqttSource(MqttSourceSettings settings) {
        this.settings = settings;
    }

    public static Builder builder(String serverUri) {
        return new Builder(serverUri);
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<Uplink, MqttSplit> createReader(SourceReaderContext context) {
        return new MqttSourceReader(new MqttConnections(settings, context.getIndexOfSubtask()));
    }

    @Override
    public SplitEnumerator<MqttSplit, MqttEnumerator.NoState> createEnumerator(
            SplitEnumeratorContext<MqttSplit> context) {
        return new MqttEnumerator(context);
    }

    @Override
    public SplitEnumerator<MqttSplit, MqttEnumerator.NoState> restoreEnumerator(
            SplitEnumeratorContext<MqttSplit> context, MqttEnumerator.NoState checkpoint) {
        return new MqttEnumerator(context);
    }

    @Override
    public SimpleVersionedSerializer<MqttSplit> getSplitSerializer() {
        return MqttSplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<MqttEnumerator.NoState> getEnumeratorCheckpointSerializer() {
        return new MqttEnumerator.NoStateSerializer();
    }

    MqttSourceSettings settings() {
        return settings;
    }

    /**
     * What this source relies on the broker for, to lose nothing: what a job logs when it starts, so that an operator
     * can check the broker's configuration against it.
     */
    public String brokerRequirements(int parallelism) {
        long window = (long) settings.receiveMaximum() * settings.connections() * parallelism;
        return String.join(
                System.lineSeparator(),
                "The MQTT source relies on the broker " + Settings.redact(settings.serverUri()) + " to:",
                "  - keep the sessions of clients " + settings.clientId(0) + " to " + settings.clientId(parallelism - 1)
                        + " (and their -c1..-c" + (settings.connections() - 1) + " connections) for "
                        + settings.sessionExpiry() + " after they disconnect (MQTT 5 session expiry asked; Mosquitto"
                        + " persistent_client_expiration and HiveMQ session-expiry max-interval must not be lower), and"
                        + " keep them across its own restarts (Mosquitto persistence true, HiveMQ file persistence);",
                "  - queue every message of " + String.join(" and ", settings.subscriptions())
                        + " that arrives while the job is away or slow: Mosquitto max_queued_messages and"
                        + " max_queued_bytes, HiveMQ max-queue-size, at least your message rate x the longest outage"
                        + " (100 messages/s for a day is 8,640,000); a full queue drops new QoS 1 messages;",
                "  - send each connection up to " + settings.receiveMaximum() + " unacknowledged messages (receive"
                        + " maximum; acknowledged once per checkpoint): " + window + " in flight for the job at most.");
    }

    @Override
    public String toString() {
        return settings.toString();
    }

    /** Settings of an {@link MqttSource}; only the server URI is required. */
    public static final class Builder {
        private final String serverUri;
        private String username;
        private String password;
        private String group = "stream-jobs";
        private List<String> topicFilters = UplinkTopic.everyTenant();
        private Duration sessionExpiry = Duration.ofHours(48);
        private int receiveMaximum = 1_000;
        private Duration connectionTimeout = Duration.ofSeconds(10);
        private int connections = 4;

        private Builder(String serverUri) {
            this.serverUri = serverUri;
        }

        /** The user name. By default, none (anonymous). */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        /** The password. By default, none. */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** The shared-subscription group and client id prefix. By default, {@code stream-jobs}. */
        public Builder group(String group) {
            this.group = group;
            return this;
        }

        /**
         * The topic filters, each subscribed as a shared subscription of the group. By default, every tenant's device
         * packs and gateway packs: {@code mycity/v1/+/+/+/up} and {@code mycity/v1/+/+/up}.
         */
        public Builder topicFilters(List<String> topicFilters) {
            this.topicFilters = topicFilters == null ? null : List.copyOf(topicFilters);
            return this;
        }

        /**
         * How long the broker keeps a reader's session (and the messages queued for it) while the job is away: the
         * longest outage survived without a loss. By default, 48 hours.
         */
        public Builder sessionExpiry(Duration sessionExpiry) {
            this.sessionExpiry = sessionExpiry;
            return this;
        }

        /**
         * How many unacknowledged messages the broker may send each connection (MQTT 5 Receive Maximum). Messages are
         * acknowledged once per checkpoint, so a connection takes at most this many per checkpoint interval, and a
         * reader holds at most {@code connections x receiveMaximum} messages in memory. Size it to a checkpoint
         * interval's traffic per connection: too low caps throughput, too high lets a slow job buffer the backlog in
         * memory. Brokers apply their own, often lower, in-flight cap (HiveMQ CE 50, Mosquitto {@code
         * max_inflight_messages}), and the lower of the two applies. By default, 1000.
         */
        public Builder receiveMaximum(int receiveMaximum) {
            this.receiveMaximum = receiveMaximum;
            return this;
        }

        /** How long to wait for the broker to accept a connection. By default, 10 seconds. */
        public Builder connectionTimeout(Duration connectionTimeout) {
            this.connectionTimeout = connectionTimeout;
            return this;
        }

        /**
         * How many connections each reader opens. A broker sends each connection only a few unacknowledged messages
         * (HiveMQ CE 50, Mosquitto 20 by default) and they are acknowledged once per checkpoint, so this bounds a
         * reader's throughput to about connections x window per checkpoint interval. By default, 4.
         */
        public Builder connections(int connections) {
            this.connections = connections;
            return this;
        }

        public MqttSource build() {
            if (serverUri == null || serverUri.isBlank()) {
                throw new IllegalStateException("MQTT server URI must not be empty (e.g. tcp://localhost:1883).");
            }
            if (connections < 1 || connections > 1000) {
                throw new IllegalStateException("Connections per reader must be 1-1000, but was " + connections + ".");
            }
            if (receiveMaximum < 1 || receiveMaximum > 65_535) {
                throw new IllegalStateException("Receive maximum must be 1-65535, but was " + receiveMaximum + ".");
            }
            if (sessionExpiry == null || sessionExpiry.isNegative() || connectionTimeout == null) {
                throw new IllegalStateException("Session expiry and connection timeout must be set and not negative.");
            }
            if (topicFilters == null || topicFilters.isEmpty()) {
                throw new IllegalStateException(
                        "At least one topic filter is needed (e.g. UplinkTopic.everyTenant()).");
            }
            topicFilters.forEach(filter -> UplinkTopic.shared(group, filter));
            return new MqttSource(new MqttSourceSettings(
                    serverUri,
                    username,
                    password,
                    group,
                    topicFilters,
                    sessionExpiry,
                    receiveMaximum,
                    connectionTimeout,
                    connections));
        }
    }
}
