package city.mycity.launcher;

import city.mycity.settings.Settings;

/**
 * The PostgreSQL database the demo uses.
 *
 * @param embedded whether the demo started the database itself
 */
public record DatabaseEndpoint(String jdbcUrl, String user, String password, boolean embedded) {

    @Override
    public String toString() {
        return "DatabaseEndpoint[" + Settings.redact(jdbcUrl) + ", user " + user + ", password "
                + (password == null ? "(none)" : "*****") + (embedded ? ", embedded" : "") + "]";
    }
}
