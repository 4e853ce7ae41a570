package city.mycity.analytics.water;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a leak at one flow sensor from its minimum night flow: when nobody uses water, what still flows is leakage.
 * Each night the mean flow of the readings between {@value #NIGHT_FROM_HOUR}:00 and {@value #NIGHT_TO_HOUR}:00 (local
 * time) is compared, once the first reading after the window arrives, with the sensor's own baseline: the median of
 * its last {@value #BASELINE_NIGHTS} quiet nights (at least {@value #MIN_NIGHTS}). A night above the baseline by
 * {@code relativeRise} (and at least {@code minimumRise} l/min) raises a leak; a night back within half that rise ends
 * it. Nights with a leak do not join the baseline, so a leak never becomes the norm.
 *
 * <p>State of one sensor; feed it that sensor's readings in time order. Not thread-safe; serializable.
 */
public final class NightFlowLeakDetector implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int NIGHT_FROM_HOUR = 2;
    public static final int NIGHT_TO_HOUR = 4;
    public static final int BASELINE_NIGHTS = 7;
    public static final int MIN_NIGHTS = 3;
    /** A night needs this many readings to count (a quarter of a 5-minute sensor's). */
    public static final int MIN_READINGS = 6;
    /** By default, a night 10% above the baseline is a leak. */
    public static final double DEFAULT_RELATIVE_RISE = 0.10;
    /** By default, the rise must also be at least this many l/min. */
    public static final double DEFAULT_MINIMUM_RISE = 1.0;

    private final double relativeRise;
    private final double minimumRise;
    private final List<Double> quietNights = new ArrayList<>();
    private LocalDate night;
    private double sum;
    private int readings;
    private boolean disturbed;
    private boolean leaking;

    public NightFlowLeakDetector() {
        this(DEFAULT_RELATIVE_RISE, DEFAULT_MINIMUM_RISE);
    }

    public NightFlowLeakDetector(double relativeRise, double minimumRise) {
        if (!(relativeRise > 0) || minimumRise < 0) {
            throw new IllegalArgumentException("The leak rise must be positive, but was " + relativeRise);
        }
        this.relativeRise = relativeRise;
        this.minimumRise = minimumRise;
    }

    /**
     * Takes one flow reading at {@code local} (the city's clock; {@code at} the same instant) and says whether it
     * closed a night that starts or ends a leak.
     */
    public Optional<WaterEvent> observe(LocalDateTime local, Instant at, double flow) {
        Optional<WaterEvent> event = Optional.empty();
        if (night != null && !inNight(local, night)) {
            event = closeNight(at);
        }
        int hour = local.getHour();
        if (hour >= NIGHT_FROM_HOUR && hour < NIGHT_TO_HOUR) {
            if (night == null) {
                night = local.toLocalDate();
                sum = 0;
                readings = 0;
                disturbed = false;
            }
            sum += flow;
            readings++;
        }
        return event;
    }

    /**
     * Says that something else moved the flow tonight (a burst): the night is neither judged nor learnt from. Called
     * outside a night window, it has no effect.
     */
    public void disturb() {
        disturbed = night != null;
    }

    public boolean isLeaking() {
        return leaking;
    }

    private static boolean inNight(LocalDateTime local, LocalDate night) {
        return local.toLocalDate().equals(night) && local.getHour() < NIGHT_TO_HOUR;
    }

    private Optional<WaterEvent> closeNight(Instant at) {
        LocalDate closed = night;
        night = null;
        if (readings < MIN_READINGS || disturbed) {
            return Optional.empty();
        }
        double mean = sum / readings;
        if (quietNights.size() < MIN_NIGHTS) {
            quietNights.add(mean);
            return Optional.empty();
        }
        double baseline = median(quietNights);
        double rise = mean - baseline;
        String detail = String.format(
                "night of %s: mean flow %.1f l/min, %+.1f l/min (%+.0f%%) against the sensor's baseline of %.1f",
                closed, mean, rise, 100 * rise / baseline, baseline);
        boolean high = rise > Math.max(relativeRise * baseline, minimumRise);
        boolean back = rise <= Math.max(relativeRise * baseline, minimumRise) / 2;
        if (!leaking && high) {
            leaking = true;
            return Optional.of(new WaterEvent(WaterEvent.Problem.LEAK, true, at, detail));
        }
        if (leaking && back) {
            leaking = false;
            remember(mean);
            return Optional.of(new WaterEvent(WaterEvent.Problem.LEAK, false, at, detail));
        }
        if (!leaking && !high) {
            remember(mean);
        }
        return Optional.empty();
    }

    private void remember(double mean) {
        quietNights.add(mean);
        if (quietNights.size() > BASELINE_NIGHTS) {
            quietNights.remove(0);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
