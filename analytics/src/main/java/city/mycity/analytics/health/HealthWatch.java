package city.mycity.analytics.health;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Watches one device's health from its readings:
 *
 * <ul>
 *   <li><b>offline</b>: no reading for {@code offlineAfter} times its longest usual silence (the longest of its last
 *       {@value #GAPS} gaps between readings, at least {@link #MIN_INTERVAL}: a bay sensor that reports changes and a
 *       heartbeat every half hour is allowed its half hour); the caller asks {@link #deadline()} and calls {@link
 *       #missed} when device time passes it; the next reading ends it. A device that has shown fewer than {@value
 *       #KNOWN_AFTER} gaps is allowed {@link #NEW_DEVICE_SILENCE} at least;
 *   <li><b>battery low</b>: a battery reading under {@code batteryLow} percent; back at {@code batteryOk} or more ends
 *       it;
 *   <li><b>stuck</b>: a quantity that always moves ({@link #MOVING}) reporting the same value {@code stuckAfter} times
 *       in a row; a different value ends it;
 *   <li><b>backlog</b>, for a gateway: the oldest reading in its outbox older than {@link #BACKLOG_AFTER} (its uplink
 *       is down or too slow); back under {@link #BACKLOG_CLEARED} ends it;
 *   <li><b>out of range</b>: at least {@link #OUT_OF_RANGE_RAISED} of its latest {@value #OUTCOMES} readings refused as
 *       out of range ({@link #refused}), and at least {@value #OUT_OF_RANGE_AT_LEAST} of them; under {@link
 *       #OUT_OF_RANGE_CLEARED} ends it. A device that sends only such readings is reporting: it is out of range, not
 *       offline.
 * </ul>
 *
 * Not thread-safe; serializable (a stream job keeps one per device in its state).
 */
public final class HealthWatch implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String OFFLINE = "offline";
    public static final String BATTERY_LOW = "battery-low";
    public static final String STUCK = "stuck";
    public static final String BACKLOG = "backlog";
    public static final String OUT_OF_RANGE = "out-of-range";
    /** A gateway whose outbox holds a reading this old has a backlog. */
    public static final Duration BACKLOG_AFTER = Duration.ofMinutes(10);
    /** ...until its oldest is under this. */
    public static final Duration BACKLOG_CLEARED = Duration.ofMinutes(1);
    /** Quantities that never hold still on a working sensor: noise alone moves them. */
    public static final Set<String> MOVING = Set.of("flow", "pressure", "speed");
    /** How many recent gaps the longest usual silence is taken from. */
    static final int GAPS = 48;
    /** The longest usual silence is taken as at least this. */
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);
    /** Until a device has shown this many gaps, its silence is not known yet... */
    static final int KNOWN_AFTER = 3;
    /** ...and it is allowed at least this. */
    public static final Duration NEW_DEVICE_SILENCE = Duration.ofMinutes(30);
    /** How many of a device's latest readings its out-of-range rate is taken over. */
    static final int OUTCOMES = 100;
    /** No fewer refused readings than this make a problem, however few the device has sent. */
    static final int OUT_OF_RANGE_AT_LEAST = 10;
    /** A device with this share of its latest readings out of range has a problem... */
    public static final double OUT_OF_RANGE_RAISED = 0.10;
    /** ...until the share is under this. */
    public static final double OUT_OF_RANGE_CLEARED = 0.02;

    private final int offlineAfter;
    private final double batteryLow;
    private final double batteryOk;
    private final int stuckAfter;
    private final LinkedList<Long> gaps = new LinkedList<>();
    private final Map<String, Double> lastValue = new HashMap<>();
    private final Map<String, Integer> repeats = new HashMap<>();
    private final Map<String, Boolean> stuck = new HashMap<>();
    private long lastSeen = Long.MIN_VALUE;
    private boolean offline;
    private boolean lowBattery;
    private boolean backlog;
    /**
     * The latest {@value #OUTCOMES} readings, as a ring: bit i set when reading i was refused as out of range. Not
     * final: a watch kept in a job's state before the out-of-range rate existed is read back without it.
     */
    private BitSet outcomes = new BitSet(OUTCOMES);

    private long outcomeCount;
    private boolean outOfRange;

    /** By default: offline after 3 missed intervals, battery low under 15% until 20%, stuck after 12 repeats. */
    public HealthWatch() {
        this(3, 15, 20, 12);
    }

    public HealthWatch(int offlineAfter, double batteryLow, double batteryOk, int stuckAfter) {
        if (offlineAfter < 2 || batteryOk < batteryLow || stuckAfter < 2) {
            throw new IllegalArgumentException("Offline after at least 2 intervals, stuck after at least 2 repeats,"
                    + " and a battery is OK again at or above where it is low.");
        }
        this.offlineAfter = offlineAfter;
        this.batteryLow = batteryLow;
        this.batteryOk = batteryOk;
        this.stuckAfter = stuckAfter;
    }

    /** One reading of the device, in device-time order. */
    public List<HealthEvent> reading(String quantity, double value, Instant at) {
        List<HealthEvent> events = new ArrayList<>();
        seen(at, events);
        outcome(false, at, "", events);
        if ("battery".equals(quantity)) {
            if (!lowBattery && value < batteryLow) {
                lowBattery = true;
                events.add(new HealthEvent(BATTERY_LOW, true, at, String.format("battery at %.0f%%", value)));
            } else if (lowBattery && value >= batteryOk) {
                lowBattery = false;
                events.add(new HealthEvent(BATTERY_LOW, false, at, String.format("battery at %.0f%%", value)));
            }
        }
        if ("outbox-oldest-age".equals(quantity)) {
            if (!backlog && value >= BACKLOG_AFTER.toSeconds()) {
                backlog = true;
                events.add(new HealthEvent(
                        BACKLOG, true, at, String.format("the oldest reading in the outbox is %.0f s old", value)));
            } else if (backlog && value < BACKLOG_CLEARED.toSeconds()) {
                backlog = false;
                events.add(new HealthEvent(BACKLOG, false, at, "the outbox has caught up"));
            }
        }
        if (MOVING.contains(quantity)) {
            Double previous = lastValue.put(quantity, value);
            int same = previous != null && previous == value ? repeats.getOrDefault(quantity, 1) + 1 : 1;
            repeats.put(quantity, same);
            boolean wasStuck = stuck.getOrDefault(quantity, false);
            if (!wasStuck && same >= stuckAfter) {
                stuck.put(quantity, true);
                events.add(new HealthEvent(
                        STUCK, true, at, String.format("%s has read %s %d times in a row", quantity, value, same)));
            } else if (wasStuck && same == 1) {
                stuck.put(quantity, false);
                events.add(new HealthEvent(STUCK, false, at, quantity + " moves again"));
            }
        }
        return events;
    }

    /**
     * A reading of the device refused as out of range, at about device time {@code at}; {@code detail} says what was
     * wrong with it.
     */
    public List<HealthEvent> refused(Instant at, String detail) {
        List<HealthEvent> events = new ArrayList<>();
        seen(at, events);
        outcome(true, at, detail, events);
        return events;
    }

    private void seen(Instant at, List<HealthEvent> events) {
        long time = at.toEpochMilli();
        if (time <= lastSeen) {
            return;
        }
        if (lastSeen != Long.MIN_VALUE) {
            gaps.add(time - lastSeen);
            if (gaps.size() > GAPS) {
                gaps.removeFirst();
            }
        }
        if (offline) {
            offline = false;
            events.add(new HealthEvent(OFFLINE, false, at, "reporting again"));
        }
        lastSeen = time;
    }

    private void outcome(boolean refused, Instant at, String detail, List<HealthEvent> events) {
        if (outcomes == null) {
            outcomes = new BitSet(OUTCOMES);
        }
        outcomes.set((int) (outcomeCount % OUTCOMES), refused);
        outcomeCount++;
        int latest = (int) Math.min(outcomeCount, OUTCOMES);
        int bad = outcomes.cardinality();
        double share = bad / (double) latest;
        if (!outOfRange && bad >= OUT_OF_RANGE_AT_LEAST && share >= OUT_OF_RANGE_RAISED) {
            outOfRange = true;
            events.add(new HealthEvent(
                    OUT_OF_RANGE,
                    true,
                    at,
                    String.format(
                            "%d of its latest %d readings were out of range; the last: %s", bad, latest, detail)));
        } else if (outOfRange && share < OUT_OF_RANGE_CLEARED) {
            outOfRange = false;
            events.add(new HealthEvent(
                    OUT_OF_RANGE,
                    false,
                    at,
                    String.format("%d of its latest %d readings were out of range", bad, latest)));
        }
    }

    /** When the device is due to be called offline if nothing comes; empty before its first reading or once offline. */
    public Optional<Instant> deadline() {
        if (lastSeen == Long.MIN_VALUE || offline) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(lastSeen + offlineAfter * usualInterval()));
    }

    /** Device time reached {@code now} with nothing from the device: offline, if {@code now} is past the deadline. */
    public Optional<HealthEvent> missed(Instant now) {
        Optional<Instant> deadline = deadline();
        if (deadline.isEmpty() || now.isBefore(deadline.get())) {
            return Optional.empty();
        }
        offline = true;
        return Optional.of(new HealthEvent(
                OFFLINE,
                true,
                deadline.get(),
                String.format(
                        "nothing since %s (its longest usual silence is %s)",
                        Instant.ofEpochMilli(lastSeen), Duration.ofMillis(usualInterval()))));
    }

    private long usualInterval() {
        long longest = gaps.stream().mapToLong(Long::longValue).max().orElse(0);
        Duration floor = gaps.size() < KNOWN_AFTER ? NEW_DEVICE_SILENCE : MIN_INTERVAL;
        return Math.max(floor.toMillis(), longest);
    }
}
