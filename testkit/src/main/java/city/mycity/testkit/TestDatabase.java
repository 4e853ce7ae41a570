package city.mycity.testkit;

import city.mycity.embedded.EmbeddedDatabase;
import city.mycity.testkit.internal.Environment;
import city.mycity.testkit.internal.Extensions;
import city.mycity.testkit.internal.JdbcUrls;
import city.mycity.testkit.internal.RandomIds;
import city.mycity.testkit.internal.ServerDatabases;
import city.mycity.testkit.internal.SharedEmbedded;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * A fresh PostgreSQL database for one test class, dropped on {@link #close()}.
 *
 * <p>When {@value #JDBC_URL} is set (with {@value #USER} and {@value #PASSWORD}: an account that may create
 * databases), the database {@code mycity_it_<random>} is created on that server; otherwise on an embedded PostgreSQL
 * 17 that all tests of the JVM share. It prints one line saying which. Typical use:
 *
 * <pre>{@code
 * static TestDatabase db;
 * @BeforeAll static void start() { db = TestDatabase.create().migrated(); }
 * @AfterAll static void stop() { db.close(); }
 * }</pre>
 */
public final class TestDatabase implements AutoCloseable {

    public static final String JDBC_URL = "MYCITY_IT_JDBC_URL";
    public static final String USER = "MYCITY_IT_DB_USER";
    public static final String PASSWORD = "MYCITY_IT_DB_PASSWORD";

    /** Where Flyway finds the platform's migrations (in the storage module's jar, which must be on the class path). */
    public static final String MIGRATIONS = "classpath:db/migration";

    private final ServerDatabases server;
    private final String name;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final boolean real;
    private final String postgis;
    private HikariDataSource dataSource;
    private final java.util.List<String> roles = new java.util.ArrayList<>();

    private TestDatabase(ServerDatabases server, String adminUrl, String user, String password, boolean real) {
        this.server = server;
        this.name = "mycity_it_" + RandomIds.hex(8);
        this.jdbcUrl = JdbcUrls.withDatabase(adminUrl, name);
        this.user = user;
        this.password = password;
        this.real = real;
        server.create(name);
        this.postgis = Extensions.tryInstall(dataSource(), "postgis", "PostGIS");
    }

    /** On the server named by {@value #JDBC_URL} when it is set, else on the shared embedded PostgreSQL. */
    public static TestDatabase create() {
        return Environment.find(JDBC_URL)
                .map(url -> onServer(url, Environment.orNull(USER), Environment.orNull(PASSWORD)))
                .orElseGet(TestDatabase::embedded);
    }

    /** On the JVM's shared embedded PostgreSQL 17, whatever the environment says. */
    public static TestDatabase embedded() {
        EmbeddedDatabase embedded = SharedEmbedded.database();
        String adminUrl = embedded.jdbcUrl("postgres");
        TestDatabase db = new TestDatabase(
                new ServerDatabases(adminUrl, embedded.user(), embedded.password()),
                adminUrl,
                embedded.user(),
                embedded.password(),
                false);
        System.out.println("TestDatabase: embedded PostgreSQL 17 (zonky) on port " + embedded.port() + ", database "
                + db.name + " (" + JDBC_URL + " not set; " + db.postgis + ")");
        return db;
    }

    /** On a real server, through an account that may create databases ({@code adminUrl} names any database). */
    public static TestDatabase onServer(String adminUrl, String user, String password) {
        ServerDatabases server = new ServerDatabases(adminUrl, user, password);
        String version = server.version();
        TestDatabase db = new TestDatabase(server, adminUrl, user, password, true);
        System.out.println("TestDatabase: real PostgreSQL " + version + " at " + JdbcUrls.hostAndPort(adminUrl)
                + ", database " + db.name + " (" + JDBC_URL + "; " + db.postgis + ")");
        return db;
    }

    /** Applies the platform's Flyway migrations ({@value #MIGRATIONS}) and returns this database. */
    public TestDatabase migrated() {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource())
                .locations(MIGRATIONS)
                .failOnMissingLocations(true)
                .load()
                .migrate();
        if (result.migrationsExecuted == 0 && result.initialSchemaVersion == null) {
            throw new IllegalStateException("No migration found in " + MIGRATIONS
                    + ": add the storage module as a (test) dependency of this module.");
        }
        return this;
    }

    /** The database's name, {@code mycity_it_<8 hex digits>}. */
    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    /** The password, or {@code null} when the server needs none. */
    public String password() {
        return password;
    }

    /** Whether this database is on a real server ({@value #JDBC_URL}) rather than the embedded one. */
    public boolean isReal() {
        return real;
    }

    /** Whether PostGIS could be installed in this database. */
    public boolean hasPostgis() {
        return postgis.startsWith("PostGIS ") && !postgis.contains("not installed");
    }

    /** A small connection pool on this database (closed with it). */
    public synchronized DataSource dataSource() {
        if (dataSource == null) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl);
            config.setUsername(user);
            config.setPassword(password);
            config.setMaximumPoolSize(4);
            config.setPoolName(name);
            dataSource = new HikariDataSource(config);
        }
        return dataSource;
    }

    /** Runs SQL as the owner (set-up rows, roles); one or more statements separated by semicolons. */
    public void execute(String sql) {
        try (java.sql.Connection c = dataSource().getConnection();
                java.sql.Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Test SQL failed: " + e.getMessage() + " (" + sql + ")", e);
        }
    }

    /** The first column of every row a query returns, as text (NULL as {@code null}). */
    public java.util.List<String> column(String sql) {
        java.util.List<String> values = new java.util.ArrayList<>();
        try (java.sql.Connection c = dataSource().getConnection();
                java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Test query failed: " + e.getMessage() + " (" + sql + ")", e);
        }
        return values;
    }

    /**
     * A name for a database role of this run's own ({@code prefix_<random>}), dropped at {@link #close()} after the
     * database: roles belong to the whole server, so a test that creates one (the account needs CREATEROLE) takes its
     * name here and leaves nothing behind.
     */
    public synchronized String roleName(String prefix) {
        String role = prefix + "_" + RandomIds.hex(4);
        roles.add(role);
        return role;
    }

    /** Closes the pool, drops the database and the roles named by {@link #roleName}. */
    @Override
    public synchronized void close() {
        if (dataSource != null) {
            dataSource.close();
        }
        server.drop(name);
        for (String role : roles) {
            server.dropRole(role);
        }
    }

    @Override
    public String toString() {
        return "TestDatabase[" + jdbcUrl + (real ? ", real" : ", embedded") + "]";
    }
}
