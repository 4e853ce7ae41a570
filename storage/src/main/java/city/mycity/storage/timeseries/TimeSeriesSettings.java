package city.mycity.storage.timeseries;

import city.mycity.settings.Setting;
import city.mycity.settings.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How long the store keeps readings and their rollups, and how the maintenance that enforces it runs.
 *
 * @param keepReadings how long raw readings are kept (zero: for ever)
 * @param keepMinutes how long the 1-minute rollup is kept (zero: for ever)
 * @param keepHours how long the 1-hour rollup is kept (zero: for ever)
 * @param settle how far short of now a rollup refresh stops, above the longest write transaction
 * @param interval how often maintenance runs
 */
public record TimeSeriesSettings(
        Duration keepReadings, Duration keepMinutes, Duration keepHours, Duration settle, Duration interval) {

    public static final Setting<Duration> KEEP_READINGS = Setting.duration(
            "mycity.storage.keep-readings",
            "how long raw readings are kept; older ones are dropped (a week's partition at a time natively); 0 keeps"
                    + " them for ever",
            Duration.ofDays(90));
    public static final Setting<Duration> KEEP_MINUTES = Setting.duration(
            "mycity.storage.keep-minute-rollups",
            "how long the 1-minute rollup (reading_1m) is kept; 0 keeps it for ever",
            Duration.ofDays(90));
    public static final Setting<Duration> KEEP_HOURS = Setting.duration(
            "mycity.storage.keep-hour-rollups",
            "how long the 1-hour rollup (reading_1h) is kept; 0 keeps it for ever",
            Duration.ZERO);
    public static final Setting<Duration> SETTLE = Setting.duration(
            "mycity.storage.rollup-settle",
            "how long after a reading is stored the rollups take it in: above the longest write transaction",
            Duration.ofMinutes(2));
    public static final Setting<Duration> INTERVAL = Setting.duration(
            "mycity.storage.maintenance-interval",
            "how often storage maintenance runs (partitions ahead, rollup refresh, retention)",
            Duration.ofMinutes(1));

    /** Every setting, for {@link Settings#describe(List)} and the docs. */
    public static final List<Setting<?>> ALL = List.of(KEEP_READINGS, KEEP_MINUTES, KEEP_HOURS, SETTLE, INTERVAL);

    public TimeSeriesSettings {
        if (interval.isZero()) {
            throw new IllegalArgumentException(
                    "Storage maintenance interval must be above 0 (" + INTERVAL.environmentVariable() + ").");
        }
        if (!keepReadings.isZero() && keepReadings.compareTo(Duration.ofDays(7)) < 0) {
            throw new IllegalArgumentException("Readings must be kept at least 7 days (a week's partition), or 0 for"
                    + " ever, but " + KEEP_READINGS.key() + " was " + keepReadings + ".");
        }
    }

    /** How long {@code rollup} is kept (zero: for ever). */
    public Duration keep(Rollup rollup) {
        return rollup == Rollup.MINUTE ? keepMinutes : keepHours;
    }

    /** What a retention of {@code keep} drops at {@code now}: what is older than the instant, or nothing (zero). */
    static java.util.Optional<Instant> cutoff(Duration keep, Instant now) {
        return keep.isZero() ? java.util.Optional.empty() : java.util.Optional.of(now.minus(keep));
    }

    /** The defaults. */
    public static TimeSeriesSettings defaults() {
        return from(Settings.of(java.util.Map.of()));
    }

    public static TimeSeriesSettings from(Settings settings) {
        return new TimeSeriesSettings(
                settings.get(KEEP_READINGS),
                settings.get(KEEP_MINUTES),
                settings.get(KEEP_HOURS),
                settings.get(SETTLE),
                settings.get(INTERVAL));
    }
}
