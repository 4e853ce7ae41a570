package city.mycity.embedded;

import city.mycity.embedded.internal.FreePorts;
import city.mycity.embedded.internal.TempFolders;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds and starts an {@link EmbeddedDatabase}. Every setter states its default. */
public final class EmbeddedDatabaseBuilder {

    static final String SUPERUSER = "postgres";

    private static final Logger LOGGER = LoggerFactory.getLogger(EmbeddedDatabaseBuilder.class);

    private int port = 0;
    private String database = "mycity";
    private Path parentFolder;
    private boolean durable = false;
    private boolean stopOnExit = true;
    private Duration startTimeout = Duration.ofSeconds(60);

    EmbeddedDatabaseBuilder() {}

    /**
     * The port to listen on (on 127.0.0.1). When it is taken, a free port is used instead; {@code 0} asks for a free
     * port. By default, 0.
     */
    public EmbeddedDatabaseBuilder port(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Database port must be between 0 and 65535, was " + port + ".");
        }
        this.port = port;
        return this;
    }

    /** The database to create at start. By default, {@code mycity}. */
    public EmbeddedDatabaseBuilder database(String database) {
        if (database == null || !database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException(
                    "Database name must be a lower-case SQL identifier (a-z, 0-9, _), was " + database + ".");
        }
        this.database = database;
        return this;
    }

    /** The folder under which the server's own working folder is created. By default, the system temp folder. */
    public EmbeddedDatabaseBuilder parentFolder(Path parentFolder) {
        this.parentFolder = parentFolder;
        return this;
    }

    /**
     * Whether the server flushes to disk on commit (fsync, synchronous commit, full page writes). By default, false:
     * the data is deleted on close anyway, and tests and the demo run faster.
     */
    public EmbeddedDatabaseBuilder durable(boolean durable) {
        this.durable = durable;
        return this;
    }

    /**
     * Whether the server stops by itself when the JVM exits, also if {@link EmbeddedDatabase#close()} was never called
     * (a shutdown hook of its own, which runs at the same time as the JVM's other hooks). An owner that stops it in
     * order at exit, after what still writes to it, turns this off. By default, true.
     */
    public EmbeddedDatabaseBuilder stopOnExit(boolean stopOnExit) {
        this.stopOnExit = stopOnExit;
        return this;
    }

    /** How long to wait for the server to start. By default, 60 seconds. */
    public EmbeddedDatabaseBuilder startTimeout(Duration startTimeout) {
        if (startTimeout == null || startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("Database start timeout must be positive.");
        }
        this.startTimeout = startTimeout;
        return this;
    }

    /** Starts the server, creates the database and returns once it accepts connections. */
    public EmbeddedDatabase start() {
        long started = System.nanoTime();
        Path workFolder = TempFolders.create(parentFolder, "mycity-postgres-");
        try {
            EmbeddedPostgres postgres = startPostgres(workFolder, FreePorts.requestedOrFree(port));
            createDatabase(postgres);
            int chosenPort = postgres.getPort();
            EmbeddedDatabase db =
                    new EmbeddedDatabase(postgres, workFolder, database, () -> startPostgres(workFolder, chosenPort));
            LOGGER.info(
                    "Embedded PostgreSQL 17 (zonky) on port {}, database {}, started in {} ms",
                    db.port(),
                    database,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return db;
        } catch (RuntimeException e) {
            TempFolders.deleteRecursively(workFolder);
            throw e;
        }
    }

    /** Starts the server on the data directory of the work folder: a new one, or the one a restart stopped. */
    private EmbeddedPostgres startPostgres(Path workFolder, int chosenPort) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(chosenPort)
                .setDataDirectory(workFolder.resolve("data"))
                .setCleanDataDirectory(false)
                .setPGStartupWait(startTimeout)
                .setRegisterShutdownHook(stopOnExit)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200");
        if (!durable) {
            builder.setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
        }
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    private void createDatabase(EmbeddedPostgres postgres) {
        if (SUPERUSER.equals(database)) {
            return;
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            closeQuietly(postgres);
            throw new IllegalStateException("Could not create database " + database + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            LOGGER.debug("Could not stop a PostgreSQL that failed to set up", e);
        }
    }
}
