package city.mycity.analytics.water;

import java.time.Instant;

/**
 * A water problem found or gone at a sensor: a leak (a night flow above the sensor's own baseline) or a burst (a
 * sudden pressure drop).
 *
 * @param problem what was found
 * @param raised true when the problem starts, false when it is over
 * @param at the device time of the reading that decided it
 * @param detail what was measured, for an operator
 */
public record WaterEvent(Problem problem, boolean raised, Instant at, String detail) {

    public enum Problem {
        LEAK("leak"),
        BURST("burst");

        private final String code;

        Problem(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
