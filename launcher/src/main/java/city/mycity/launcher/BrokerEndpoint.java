package city.mycity.launcher;

import city.mycity.settings.Settings;

/**
 * The MQTT broker the demo uses.
 *
 * @param username {@code null} for anonymous access
 * @param embedded whether the demo started the broker itself
 */
public record BrokerEndpoint(String url, String username, String password, boolean embedded) {

    @Override
    public String toString() {
        return "BrokerEndpoint[" + Settings.redact(url) + ", user " + username + ", password "
                + (password == null ? "(none)" : "*****") + (embedded ? ", embedded" : "") + "]";
    }
}
