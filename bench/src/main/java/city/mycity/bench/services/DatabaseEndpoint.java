package city.mycity.bench.services;

import city.mycity.settings.Settings;
import city.mycity.storage.DatabaseSettings;

/**
 * The PostgreSQL database a bench writes to: always one of its own (embedded, or created for the run on the server
 * that {@code MYCITY_JDBC_URL} names), so that emptying its tables between stages harms nobody.
 *
 * @param description what it is, for the report: product, version, where
 */
public record DatabaseEndpoint(String jdbcUrl, String user, String password, String description) {

    public DatabaseSettings settings() {
        return DatabaseSettings.of(jdbcUrl, user, password);
    }

    @Override
    public String toString() {
        return "DatabaseEndpoint[" + Settings.redact(jdbcUrl) + ", user " + user + ", password "
                + (password == null ? "(none)" : "*****") + "]";
    }
}
