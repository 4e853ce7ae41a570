package city.mycity.launcher;

import city.mycity.settings.Settings;

/**
 * The MQTT broker the demo uses.
 *
 * @param username the stream jobs' account, {@code null} for anonymous access
 * @param edgeUsername the edge agent's account, {@code null} for anonymous access
 * @param embedded whether the demo started the broker itself
 */
public record BrokerEndpoint(
        String url, String username, String password, String edgeUsername, String edgePassword, boolean embedded) {

    /** One account for the stream jobs and the edge agent alike. */
    public BrokerEndpoint(String url, String username, String password, boolean embedded) {
        this(url, username, password, username, password, embedded);
    }

    @Override
    public String toString() {
        return "BrokerEndpoint[" + Settings.redact(url) + ", user " + username + ", password "
                + (password == null ? "(none)" : "*****") + ", edge user " + edgeUsername
                + (embedded ? ", embedded" : "") + "]";
    }
}
