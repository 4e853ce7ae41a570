package city.mycity.launcher;

import city.mycity.settings.Settings;
import city.mycity.storage.Database;
import city.mycity.storage.DatabaseSettings;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

/** The platform's database for a command that works on it: a small pool, or one clear line about what is missing. */
final class CommandDatabase {

    /** What a command says when it cannot reach the database: printed as it is, exit code 2. */
    static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    private CommandDatabase() {}

    static HikariDataSource pool(String name, int size) {
        Settings settings = Settings.fromEnvironment();
        if (!settings.isSet(DatabaseSettings.JDBC_URL)) {
            throw new Unavailable("Set MYCITY_JDBC_URL (and MYCITY_DB_USER, MYCITY_DB_PASSWORD) to the platform's"
                    + " database (the demo prints its own when it starts).");
        }
        try {
            return Database.pool(DatabaseSettings.from(settings).withPoolSize(size), name);
        } catch (HikariPool.PoolInitializationException e) {
            throw new Unavailable("Could not reach the database: "
                    + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
        }
    }
}
