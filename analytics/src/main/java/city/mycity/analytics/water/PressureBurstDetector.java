package city.mycity.analytics.water;

import city.mycity.analytics.parking.DayKind;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Finds a burst at one pressure sensor: a main that bursts loses pressure at once and stays low, while demand moves
 * the pressure along a daily course. The detector learns that course per {@value #SLOT_MINUTES}-minute slot of the day
 * and kind of day (an exponentially weighted mean of the pressure seen there, interpolated between slots, while no
 * burst is open) and measures each reading's shortfall below it.
 *
 * <p>A reading that falls at least half of {@code drop} below the previous one (taken at most {@value
 * #MAX_GAP_MINUTES} minutes before) and lies {@code drop} bar or more below the course is a suspect; when the next
 * reading is still that far below, the burst is raised (so within two readings of the fall). Until the course is
 * learnt at that time of day, the fall and the distance are measured from the reading before the fall, at twice
 * {@code drop}. A reading back within {@value #RECOVERED_BAR} bar of the course ends the burst.
 *
 * <p>State of one sensor; feed it that sensor's readings in time order. Not thread-safe; serializable.
 */
public final class PressureBurstDetector implements Serializable {

    private static final long serialVersionUID = 3L;

    /** By default, a sudden fall to this many bar below the daily course is a burst. */
    public static final double DEFAULT_DROP_BAR = 0.6;
    /** Two readings further apart than this are not compared. */
    public static final int MAX_GAP_MINUTES = 15;
    /** How close to its course the pressure must come back to end a burst. */
    public static final double RECOVERED_BAR = 0.2;
    /** The daily course is learnt in slots of this many minutes. */
    public static final int SLOT_MINUTES = 5;
    /** How much a new reading moves its slot's mean. */
    static final double LEARNING_RATE = 0.2;
    /** A slot counts as learnt after this many readings near it. */
    static final int LEARNT_AFTER = 3;

    private static final int SLOTS = 24 * 60 / SLOT_MINUTES;

    private final double drop;
    private final double[][] course = new double[2][SLOTS];
    private final int[][] seen = new int[2][SLOTS];
    private Instant previousAt;
    private double previous;
    private boolean suspect;
    private double beforeFall;
    private boolean bursting;

    public PressureBurstDetector() {
        this(DEFAULT_DROP_BAR);
    }

    public PressureBurstDetector(double drop) {
        if (!(drop > 0)) {
            throw new IllegalArgumentException("The burst drop must be positive, but was " + drop);
        }
        this.drop = drop;
    }

    /** Takes one pressure reading at {@code local} on the city's clock ({@code at} the same instant). */
    public Optional<WaterEvent> observe(LocalDateTime local, Instant at, double pressure) {
        if (previousAt != null && at.isBefore(previousAt)) {
            return Optional.empty();
        }
        int kind = DayKind.of(local.toLocalDate()).ordinal();
        double slot = (local.getHour() * 60 + local.getMinute() + local.getSecond() / 60.0) / SLOT_MINUTES;
        double expected = expected(kind, slot);
        boolean comparable =
                previousAt != null && at.toEpochMilli() - previousAt.toEpochMilli() <= MAX_GAP_MINUTES * 60_000L;
        Optional<WaterEvent> event = Optional.empty();
        if (bursting) {
            if (!Double.isNaN(expected) && expected - pressure <= RECOVERED_BAR) {
                bursting = false;
                event = Optional.of(new WaterEvent(
                        WaterEvent.Problem.BURST,
                        false,
                        at,
                        String.format("pressure back to %.2f bar, on its usual course (%.2f)", pressure, expected)));
            }
        } else if (suspect && comparable && low(pressure, expected, beforeFall)) {
            bursting = true;
            suspect = false;
            event = Optional.of(new WaterEvent(
                    WaterEvent.Problem.BURST,
                    true,
                    at,
                    Double.isNaN(expected)
                            ? String.format("pressure fell from %.2f to %.2f bar and stayed", beforeFall, pressure)
                            : String.format(
                                    "pressure fell from %.2f to %.2f bar and stayed, %.2f bar below its usual course",
                                    beforeFall, pressure, expected - pressure)));
        } else {
            suspect = comparable && previous - pressure >= drop / 2 && low(pressure, expected, previous);
            if (suspect) {
                beforeFall = previous;
            }
        }
        if (!bursting && !suspect) {
            learn(kind, slot, pressure);
        }
        previousAt = at;
        previous = pressure;
        return event;
    }

    public boolean isBursting() {
        return bursting;
    }

    /** Whether a reading lies far enough below the course (or, unlearnt, below the pressure before the fall). */
    private boolean low(double pressure, double expected, double beforeTheFall) {
        return Double.isNaN(expected) ? beforeTheFall - pressure >= 2 * drop : expected - pressure >= drop;
    }

    /** The learnt course at a fractional slot, interpolated; NaN until both neighbouring slots are learnt. */
    private double expected(int kind, double slot) {
        int below = (int) Math.floor(slot) % SLOTS;
        int above = (below + 1) % SLOTS;
        if (seen[kind][below] < LEARNT_AFTER || seen[kind][above] < LEARNT_AFTER) {
            return Double.NaN;
        }
        double share = slot - Math.floor(slot);
        return course[kind][below] * (1 - share) + course[kind][above] * share;
    }

    /** Moves the two slots around the reading towards it, each by its share of the reading. */
    private void learn(int kind, double slot, double pressure) {
        int below = (int) Math.floor(slot) % SLOTS;
        int above = (below + 1) % SLOTS;
        double share = slot - Math.floor(slot);
        update(kind, below, pressure, 1 - share);
        update(kind, above, pressure, share);
    }

    private void update(int kind, int slot, double pressure, double weight) {
        if (seen[kind][slot] == 0) {
            course[kind][slot] = pressure;
        } else {
            course[kind][slot] += LEARNING_RATE * weight * (pressure - course[kind][slot]);
        }
        if (weight >= 0.5 || seen[kind][slot] == 0) {
            seen[kind][slot]++;
        }
    }
}
