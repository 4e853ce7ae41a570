package city.mycity.bench.services;

import city.mycity.settings.Settings;

/**
 * The MQTT broker a bench runs against.
 *
 * @param username {@code null} for anonymous access
 * @param kind how it was started, which tells its in-flight cap
 * @param description what it is, for the report: product, version, where
 */
public record BrokerEndpoint(String url, String username, String password, Kind kind, String description) {

    /** Where the broker came from. */
    public enum Kind {
        /** HiveMQ CE in the bench's JVM: at most 50 unacknowledged messages per connection, whatever is asked. */
        EMBEDDED_HIVEMQ(50),
        /** The bench's own Mosquitto, {@code max_inflight_messages 0}: the client's receive maximum bounds it. */
        MOSQUITTO(Integer.MAX_VALUE),
        /** A broker named by {@code MYCITY_MQTT_URL}; its cap is unknown, so Mosquitto's default (20) is assumed. */
        EXTERNAL(20);

        private final int inFlightCap;

        Kind(int inFlightCap) {
            this.inFlightCap = inFlightCap;
        }

        /** The most unacknowledged messages the broker sends one connection. */
        public int inFlightCap() {
            return inFlightCap;
        }
    }

    @Override
    public String toString() {
        return "BrokerEndpoint[" + Settings.redact(url) + ", user " + username + ", password "
                + (password == null ? "(none)" : "*****") + ", " + kind + "]";
    }
}
