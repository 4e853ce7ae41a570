package city.mycity.edge.mqtt;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the MQTT publisher connects.
 *
 * @param url the broker, e.g. {@code tcp://broker:1883} or {@code ssl://broker:8883}
 * @param username the account, or {@code null} for none
 * @param password the password, or {@code null}; never logged
 * @param clientId the MQTT client identifier
 * @param maxInFlight the most messages waiting for their PUBACK at once; more are refused at once
 * @param connectTimeout how long one connection attempt may take
 * @param maxReconnectDelay the longest pause between two connection attempts
 * @param caFile for an {@code ssl://} broker, a PEM file of the CAs trusted for its certificate; {@code null}: the
 *     JVM's default trust store
 */
public record MqttUplinkOptions(
        String url,
        String username,
        char[] password,
        String clientId,
        int maxInFlight,
        Duration connectTimeout,
        Duration maxReconnectDelay,
        Path caFile) {

    /** Whether the connection is TLS: an {@code ssl://} or {@code wss://} URL. */
    public boolean tls() {
        return url.regionMatches(true, 0, "ssl://", 0, 6) || url.regionMatches(true, 0, "wss://", 0, 6);
    }

    @Override
    public String toString() {
        return "MqttUplinkOptions[url=" + url + ", username=" + username + ", password="
                + (password == null ? "(none)" : "*****") + ", clientId=" + clientId + ", maxInFlight=" + maxInFlight
                + ", caFile=" + caFile + "]";
    }
}
