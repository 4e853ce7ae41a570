package city.mycity.launcher;

import city.mycity.gateway.credentials.IssuedCredential;
import city.mycity.settings.Settings;

/**
 * The MQTT broker the demo uses.
 *
 * @param username the stream jobs' account, {@code null} for anonymous access
 * @param edgeUsername the edge agent's account, {@code null} for anonymous access
 * @param direct direct ingress's account on the broker, {@code null} for none
 * @param embedded whether the demo started the broker itself
 */
public record BrokerEndpoint(
        String url,
        String username,
        String password,
        String edgeUsername,
        String edgePassword,
        IssuedCredential direct,
        boolean embedded) {

    /** One account for the stream jobs and the edge agent alike, and no direct ingress. */
    public BrokerEndpoint(String url, String username, String password, boolean embedded) {
        this(url, username, password, username, password, null, embedded);
    }

    @Override
    public String toString() {
        return "BrokerEndpoint[" + Settings.redact(url) + ", user " + username + ", password "
                + (password == null ? "(none)" : "*****") + ", edge user " + edgeUsername
                + (embedded ? ", embedded" : "") + "]";
    }
}
