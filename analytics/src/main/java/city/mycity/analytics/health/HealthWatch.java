package city.mycity.analytics.health;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 *       is down or too slow); back under {@link #BACKLOG_CLEARED} ends it.
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
        long time = at.toEpochMilli();
        if (time > lastSeen) {
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
