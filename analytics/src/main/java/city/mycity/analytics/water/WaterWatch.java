package city.mycity.analytics.water;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Watches one flow and pressure sensor for leaks and bursts. A burst also raises the flow, so a night during which a
 * burst is open is not judged for leaks: one problem, one event.
 *
 * <p>Not thread-safe; serializable (a stream job keeps one per sensor in its state).
 */
public final class WaterWatch implements Serializable {

    private static final long serialVersionUID = 1L;

    private final NightFlowLeakDetector leaks;
    private final PressureBurstDetector bursts;

    public WaterWatch() {
        this(new NightFlowLeakDetector(), new PressureBurstDetector());
    }

    public WaterWatch(NightFlowLeakDetector leaks, PressureBurstDetector bursts) {
        this.leaks = leaks;
        this.bursts = bursts;
    }

    /** A flow reading, l/min, at {@code local} on the city's clock ({@code at} the same instant). */
    public Optional<WaterEvent> flow(LocalDateTime local, Instant at, double litresPerMinute) {
        if (bursts.isBursting()) {
            leaks.disturb();
        }
        return leaks.observe(local, at, litresPerMinute);
    }

    /** A pressure reading, bar, at {@code local} on the city's clock ({@code at} the same instant). */
    public Optional<WaterEvent> pressure(LocalDateTime local, Instant at, double bar) {
        Optional<WaterEvent> event = bursts.observe(local, at, bar);
        if (bursts.isBursting()) {
            leaks.disturb();
        }
        return event;
    }
}
