package city.mycity.analytics.traffic;

import city.mycity.analytics.parking.DayKind;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Watches one traffic counter: its {@code count} and {@code speed} readings gathered into {@value #WINDOW_MINUTES}-minute
 * windows (flow in vehicles an hour, the mean of the window's speed readings), each window's congestion level against the
 * segment's own typical speed for that hour and kind of day (an exponentially weighted mean of the windows seen there,
 * learnt while not congested), and congestion as a problem: {@value #CONFIRM} congested windows in a row start it,
 * {@value #CONFIRM} others in a row end it. A window is complete once a reading of a later window arrives.
 *
 * <p>Not thread-safe; serializable (a stream job keeps one per counter in its state).
 */
public final class TrafficWatch implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int WINDOW_MINUTES = 5;
    public static final double SLOW_BELOW = 0.8;
    public static final double CONGESTED_BELOW = 0.6;
    public static final int CONFIRM = 3;
    static final double LEARNING_RATE = 0.2;
    static final int LEARNT_AFTER = 3;

    private static final long WINDOW_MILLIS = Duration.ofMinutes(WINDOW_MINUTES).toMillis();

    private final ZoneId zone;
    private final double[][] typical = new double[2][24];
    private final int[][] seen = new int[2][24];
    private long windowStart = Long.MIN_VALUE;
    private double count;
    private double speedSum;
    private double speedWeight;
    private int congestedRun;
    private int clearRun;
    private boolean congested;

    public TrafficWatch(ZoneId zone) {
        this.zone = zone;
    }

    /** What a reading completed: the previous window, and a congestion that started or ended with it. */
    public record Outcome(Optional<TrafficWindow> window, Optional<Boolean> congestion) {}

    /** One reading ({@code count} or {@code speed}; others are ignored), in device-time order. */
    public Outcome reading(String quantity, double value, Instant at) {
        if (!"count".equals(quantity) && !"speed".equals(quantity)) {
            return new Outcome(Optional.empty(), Optional.empty());
        }
        long start = Math.floorDiv(at.toEpochMilli(), WINDOW_MILLIS) * WINDOW_MILLIS;
        if (start < windowStart) {
            return new Outcome(Optional.empty(), Optional.empty());
        }
        Outcome outcome = new Outcome(Optional.empty(), Optional.empty());
        if (start > windowStart && windowStart != Long.MIN_VALUE) {
            outcome = close();
        }
        if (start != windowStart) {
            windowStart = start;
            count = 0;
            speedSum = 0;
            speedWeight = 0;
        }
        if ("count".equals(quantity)) {
            count += value;
        } else {
            speedSum += value;
            speedWeight += 1;
        }
        return outcome;
    }

    public boolean isCongested() {
        return congested;
    }

    private Outcome close() {
        double flow = count * 60.0 / WINDOW_MINUTES;
        double speed = speedWeight == 0 || count == 0 ? Double.NaN : speedSum / speedWeight;
        LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(windowStart), zone);
        int kind = DayKind.of(local.toLocalDate()).ordinal();
        int hour = local.getHour();
        TrafficWindow.Level level = TrafficWindow.Level.UNKNOWN;
        if (!Double.isNaN(speed) && seen[kind][hour] >= LEARNT_AFTER) {
            double ratio = speed / typical[kind][hour];
            level = ratio < CONGESTED_BELOW
                    ? TrafficWindow.Level.CONGESTED
                    : ratio < SLOW_BELOW ? TrafficWindow.Level.SLOW : TrafficWindow.Level.FREE;
        }
        Optional<Boolean> change = Optional.empty();
        if (level == TrafficWindow.Level.CONGESTED) {
            congestedRun++;
            clearRun = 0;
            if (!congested && congestedRun >= CONFIRM) {
                congested = true;
                change = Optional.of(true);
            }
        } else if (level != TrafficWindow.Level.UNKNOWN) {
            clearRun++;
            congestedRun = 0;
            if (congested && clearRun >= CONFIRM) {
                congested = false;
                change = Optional.of(false);
            }
        }
        if (!Double.isNaN(speed) && !congested && level != TrafficWindow.Level.CONGESTED) {
            typical[kind][hour] =
                    seen[kind][hour] == 0 ? speed : typical[kind][hour] + LEARNING_RATE * (speed - typical[kind][hour]);
            seen[kind][hour]++;
        }
        return new Outcome(
                Optional.of(new TrafficWindow(Instant.ofEpochMilli(windowStart), flow, speed, level)), change);
    }

    /** The typical speed at a local hour and kind of day, or NaN while it is not learnt. */
    public double typicalSpeed(DayKind kind, int hour) {
        return seen[kind.ordinal()][hour] >= LEARNT_AFTER ? typical[kind.ordinal()][hour] : Double.NaN;
    }
}
