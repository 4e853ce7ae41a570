package city.mycity.bench.history;

import java.time.Duration;

/**
 * The city the history bench stores: {@code devices} fill-level sensors in {@code zones} zones of equal size, each
 * reporting every {@code interval} for {@code days} days up to the start of today (UTC).
 */
public record HistoryShape(int devices, int zones, int days, Duration interval) {

    public HistoryShape {
        if (devices < 1 || zones < 1 || zones > devices || days < 31 || interval.toSeconds() < 1) {
            throw new IllegalArgumentException("The history bench needs at least one device per zone, 31 days (a"
                    + " zone's month must fit) and an interval of at least 1 s; got " + devices + " devices, " + zones
                    + " zones, " + days + " days, " + interval + ".");
        }
    }

    /** The shape that stores about {@code readings} readings: 5,000 sensors in 50 zones, every 5 minutes. */
    public static HistoryShape ofReadings(long readings) {
        int devices = 5_000;
        Duration interval = Duration.ofMinutes(5);
        long perDay = devices * (Duration.ofDays(1).toSeconds() / interval.toSeconds());
        int days = (int) Math.max(31, (readings + perDay - 1) / perDay);
        return new HistoryShape(devices, 50, days, interval);
    }

    /** Readings per device and day. */
    public long readingsPerDeviceDay() {
        return Duration.ofDays(1).toSeconds() / interval.toSeconds();
    }

    /** Readings in all. */
    public long readings() {
        return (long) devices * days * readingsPerDeviceDay();
    }

    /** The id of device {@code d}, e.g. {@code bin-00042}. */
    public static String device(int d) {
        return "bin-%05d".formatted(d);
    }

    /** The zone of device {@code d}, e.g. {@code z-07}. */
    public String zoneOf(int d) {
        return zone(d % zones);
    }

    /** The id of zone {@code z}. */
    public static String zone(int z) {
        return "z-%02d".formatted(z);
    }
}
