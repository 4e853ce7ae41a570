package city.mycity.stream.parking;

import city.mycity.analytics.parking.Observation;
import city.mycity.analytics.parking.OccupancyHistory;
import city.mycity.analytics.parking.ProfileForecaster;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Forecasts each car park's occupancy {@link #HORIZONS} ahead, keyed by car park, from its occupancy changes.
 *
 * <p>It samples the occupancy every {@link #SAMPLE} of device time (the value in force at each boundary, known once a
 * change at or after the boundary arrives), keeps {@value #KEEP_DAYS} days of samples in keyed state, and at the latest
 * boundary crossed issues one forecast per horizon with {@link ProfileForecaster}, on the city's local clock. Driven
 * by the changes' own times, so that a replay after a failure gives the same samples and forecasts again (the sink
 * keeps the newest per car park and horizon). After a gap it records at most a day of samples at the value last known.
 */
public class ForecastFunction extends KeyedProcessFunction<String, Occupancy, CarParkForecast> {

    private static final long serialVersionUID = 1L;

    /** How often the occupancy is sampled and forecasts issued, in device time. */
    public static final Duration SAMPLE = Duration.ofMinutes(5);
    /** The horizons forecast, in minutes. */
    public static final List<Integer> HORIZONS = List.of(15, 30, 60);
    /** How many days of samples are kept: the forecaster's window and the day being forecast. */
    public static final int KEEP_DAYS = ProfileForecaster.WINDOW_DAYS + 1;
    /** The most samples recorded at once after a gap: a day's. */
    static final int MAX_CATCH_UP = (int) (Duration.ofDays(1).toMillis() / SAMPLE.toMillis());

    private static final long SAMPLE_MILLIS = SAMPLE.toMillis();
    private static final int OCCUPIED_BITS = 24;

    private final ZoneId zone;
    private final ProfileForecaster forecaster;
    private transient ValueState<Occupancy> latest;
    private transient ValueState<Long> nextSample;
    private transient ListState<Long> samples;

    /** @param zone the city's time zone, whose local clock the car parks' daily profiles follow */
    public ForecastFunction(ZoneId zone, ProfileForecaster forecaster) {
        this.zone = zone;
        this.forecaster = forecaster;
    }

    @Override
    public void open(OpenContext openContext) {
        latest = getRuntimeContext().getState(new ValueStateDescriptor<>("latest", Types.POJO(Occupancy.class)));
        nextSample = getRuntimeContext().getState(new ValueStateDescriptor<>("next-sample", Types.LONG));
        samples = getRuntimeContext().getListState(new ListStateDescriptor<>("samples", Types.LONG));
    }

    @Override
    public void processElement(Occupancy occupancy, Context context, Collector<CarParkForecast> out) throws Exception {
        long time = occupancy.time().toEpochMilli();
        Occupancy before = latest.value();
        Long next = nextSample.value();
        if (before == null || next == null) {
            latest.update(occupancy);
            nextSample.update(Math.floorDiv(time, SAMPLE_MILLIS) * SAMPLE_MILLIS + SAMPLE_MILLIS);
            return;
        }
        if (time >= next) {
            long crossed = (time - next) / SAMPLE_MILLIS + 1;
            long last = next + (crossed - 1) * SAMPLE_MILLIS;
            for (long boundary = Math.max(next, last - (MAX_CATCH_UP - 1) * SAMPLE_MILLIS);
                    boundary <= last;
                    boundary += SAMPLE_MILLIS) {
                samples.add(pack(boundary, before.occupied()));
            }
            nextSample.update(last + SAMPLE_MILLIS);
            forecast(before, last, out);
        }
        if (time >= before.time().toEpochMilli()) {
            latest.update(occupancy);
        }
    }

    private void forecast(Occupancy known, long issuedAt, Collector<CarParkForecast> out) throws Exception {
        long keepFrom = issuedAt - Duration.ofDays(KEEP_DAYS).toMillis();
        List<Long> kept = new ArrayList<>();
        OccupancyHistory history = new OccupancyHistory();
        boolean pruned = false;
        for (Long sample : samples.get()) {
            long millis = millisOf(sample);
            if (millis < keepFrom) {
                pruned = true;
                continue;
            }
            kept.add(sample);
            history.add(new Observation(local(millis), occupiedOf(sample)));
        }
        if (pruned) {
            samples.update(kept);
        }
        LocalDateTime issued = local(issuedAt);
        for (int horizon : HORIZONS) {
            forecaster
                    .forecast(history, issued, horizon, known.bays())
                    .ifPresent(occupied -> out.collect(new CarParkForecast(
                            known.tenant(),
                            known.scopeId(),
                            horizon,
                            Instant.ofEpochMilli(issuedAt),
                            occupied,
                            known.bays())));
        }
    }

    private LocalDateTime local(long millis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), zone);
    }

    /** A sample in one long: the minute since the epoch, then the occupied bays (never negative, under 2^24). */
    static long pack(long millis, int occupied) {
        return (millis / 60_000) << OCCUPIED_BITS | Math.min(Math.max(occupied, 0), (1 << OCCUPIED_BITS) - 1);
    }

    static long millisOf(long sample) {
        return (sample >>> OCCUPIED_BITS) * 60_000;
    }

    static int occupiedOf(long sample) {
        return (int) (sample & ((1 << OCCUPIED_BITS) - 1));
    }
}
