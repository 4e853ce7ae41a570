package city.mycity.simulator;

/**
 * What a device's stored readings must add up to: how many, the sum of their device times (epoch milliseconds) and
 * the sum of their values in thousandths (rounded). Two stores agree on a device when their tallies are equal; a lost,
 * doubled or altered reading changes the count or a sum. The same figures come out of SQL: {@code count(*),
 * sum((extract(epoch FROM time) * 1000)::bigint), sum(round(value * 1000)::bigint)}.
 */
public record DeviceTally(long readings, long timeMillisSum, long valueMilliSum) {

    public static final DeviceTally NONE = new DeviceTally(0, 0, 0);

    public DeviceTally plus(long timeMillis, double value) {
        return new DeviceTally(readings + 1, timeMillisSum + timeMillis, valueMilliSum + Math.round(value * 1000));
    }

    public DeviceTally plus(DeviceTally other) {
        return new DeviceTally(
                readings + other.readings, timeMillisSum + other.timeMillisSum, valueMilliSum + other.valueMilliSum);
    }
}
