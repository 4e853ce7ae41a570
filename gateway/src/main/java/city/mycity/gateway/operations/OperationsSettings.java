package city.mycity.gateway.operations;

import java.time.Duration;

/**
 * The thresholds of the operations centre's states, fixed when built.
 *
 * <pre>{@code
 * OperationsSettings settings = OperationsSettings.builder().offlineAfter(Duration.ofMinutes(30)).build();
 * }</pre>
 *
 * @param offlineAfter a sensor heard from longer ago than this is offline
 * @param batteryLow a sensor whose battery reads under this (percent) has a low battery
 * @param gatewayOfflineAfter a gateway whose health was last reported longer ago than this is offline
 * @param backlogAfter a gateway whose outbox holds a reading older than this has a backlog
 * @param lookback how far before a poll's {@code since} changes are looked for again, so that a writer's transaction
 *     that committed late is reported late rather than never
 */
public record OperationsSettings(
        Duration offlineAfter,
        double batteryLow,
        Duration gatewayOfflineAfter,
        Duration backlogAfter,
        Duration lookback) {

    /** By default, a sensor is offline after an hour without a reading. */
    public static final Duration DEFAULT_OFFLINE_AFTER = Duration.ofHours(1);
    /**
     * By default, a battery under 20 % is low: where the stream's battery-low alert (raised under 15 %) ends, so that
     * the map never calls a sensor fine while it still has that alert.
     */
    public static final double DEFAULT_BATTERY_LOW = 20;
    /** By default, a gateway is offline after 5 minutes without its health: five of its agent's 1-minute reports. */
    public static final Duration DEFAULT_GATEWAY_OFFLINE_AFTER = Duration.ofMinutes(5);
    /** By default, an outbox reading older than 10 minutes is a backlog, as for the stream's backlog alert. */
    public static final Duration DEFAULT_BACKLOG_AFTER = Duration.ofMinutes(10);
    /** By default, polls look 10 seconds back before their {@code since}, as the live feed does. */
    public static final Duration DEFAULT_LOOKBACK = Duration.ofSeconds(10);

    /** The settings with every default. */
    public static OperationsSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link OperationsSettings}; every setter states its default. */
    public static final class Builder {

        private Duration offlineAfter = DEFAULT_OFFLINE_AFTER;
        private double batteryLow = DEFAULT_BATTERY_LOW;
        private Duration gatewayOfflineAfter = DEFAULT_GATEWAY_OFFLINE_AFTER;
        private Duration backlogAfter = DEFAULT_BACKLOG_AFTER;
        private Duration lookback = DEFAULT_LOOKBACK;

        private Builder() {}

        /** A sensor with no reading for longer than this is offline. By default, {@link #DEFAULT_OFFLINE_AFTER}. */
        public Builder offlineAfter(Duration offlineAfter) {
            this.offlineAfter = offlineAfter;
            return this;
        }

        /** A battery reading under this many percent is low. By default, {@value #DEFAULT_BATTERY_LOW}. */
        public Builder batteryLow(double percent) {
            this.batteryLow = percent;
            return this;
        }

        /**
         * A gateway whose health was last reported longer ago than this is offline. By default, {@link
         * #DEFAULT_GATEWAY_OFFLINE_AFTER}.
         */
        public Builder gatewayOfflineAfter(Duration gatewayOfflineAfter) {
            this.gatewayOfflineAfter = gatewayOfflineAfter;
            return this;
        }

        /**
         * A gateway whose outbox's oldest reading is older than this has a backlog. By default, {@link
         * #DEFAULT_BACKLOG_AFTER}.
         */
        public Builder backlogAfter(Duration backlogAfter) {
            this.backlogAfter = backlogAfter;
            return this;
        }

        /** How far before {@code since} a poll looks again. By default, {@link #DEFAULT_LOOKBACK}. */
        public Builder lookback(Duration lookback) {
            this.lookback = lookback;
            return this;
        }

        /** The settings, once they are consistent. */
        public OperationsSettings build() {
            positive(offlineAfter, "Offline-after");
            positive(gatewayOfflineAfter, "Gateway offline-after");
            positive(backlogAfter, "Backlog-after");
            if (lookback == null || lookback.isNegative()) {
                throw new IllegalStateException("Lookback must not be null or negative.");
            }
            if (!(batteryLow >= 0 && batteryLow <= 100)) {
                throw new IllegalStateException("Battery low must be 0 to 100 percent, but was " + batteryLow + ".");
            }
            return new OperationsSettings(offlineAfter, batteryLow, gatewayOfflineAfter, backlogAfter, lookback);
        }

        private static void positive(Duration duration, String name) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalStateException(name + " must be a positive duration, but was " + duration + ".");
            }
        }
    }
}
