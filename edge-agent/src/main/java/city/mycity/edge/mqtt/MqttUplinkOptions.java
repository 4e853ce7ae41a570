package city.mycity.edge.mqtt;

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
 */
public record MqttUplinkOptions(
        String url,
        String username,
        char[] password,
        String clientId,
        int maxInFlight,
        Duration connectTimeout,
        Duration maxReconnectDelay) {

    @Override
    public String toString() {
        return "MqttUplinkOptions[url=" + url + ", username=" + username + ", password="
                + (password == null ? "(none)" : "*****") + ", clientId=" + clientId + ", maxInFlight=" + maxInFlight
                + "]";
    }
}
