package city.mycity.stream.sink;

import city.mycity.settings.Settings;
import city.mycity.storage.DatabaseSettings;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * How a task opens its own database connection: the database settings (URL, account, connect and socket timeouts),
 * shipped with the job.
 */
public final class JdbcConnector implements Serializable {

    private static final long serialVersionUID = 2L;
    private static final String APPLICATION = "mycity-stream-jobs";

    private final DatabaseSettings settings;

    public JdbcConnector(DatabaseSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("Database settings must not be null.");
        }
        this.settings = settings;
    }

    /** A connector with the default timeouts; {@code user} and {@code password} may be {@code null}. */
    public JdbcConnector(String url, String user, String password) {
        this(DatabaseSettings.of(url, user, password));
    }

    public DatabaseSettings settings() {
        return settings;
    }

    public Connection open() throws SQLException {
        return settings.open(APPLICATION);
    }

    @Override
    public String toString() {
        return Settings.redact(settings.jdbcUrl()) + (settings.user() == null ? "" : " as " + settings.user());
    }
}
