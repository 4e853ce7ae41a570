package city.mycity.stream.sink;

import city.mycity.settings.Settings;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** How a task opens its own database connection: URL and account, shipped with the job. */
public record JdbcConnector(String url, String user, String password) implements Serializable {

    public JdbcConnector {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("JDBC URL must not be empty (e.g. jdbc:postgresql://localhost/mycity).");
        }
    }

    public Connection open() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "mycity-stream-jobs");
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public String toString() {
        return Settings.redact(url) + (user == null ? "" : " as " + user);
    }
}
