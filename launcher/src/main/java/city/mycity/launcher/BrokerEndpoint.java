package city.mycity.launcher;

/**
 * The MQTT broker the demo uses.
 *
 * @param username {@code null} for anonymous access
 * @param embedded whether the demo started the broker itself
 */
public record BrokerEndpoint(String url, String username, String password, boolean embedded) {}
