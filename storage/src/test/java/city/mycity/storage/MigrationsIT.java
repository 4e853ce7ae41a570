package city.mycity.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.mycity.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MigrationsIT {

    private TestDatabase db;

    @BeforeEach
    void freshDatabase() {
        db = TestDatabase.create();
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void apply_every_migration_on_a_fresh_database() throws SQLException {
        MigrateResult result = Migrations.apply(db.dataSource());

        assertThat(result.migrationsExecuted).isEqualTo(20);
        assertThat(result.targetSchemaVersion).isEqualTo("20");
        assertThat(tables())
                .contains(
                        "tenant",
                        "zone",
                        "gateway",
                        "car_park",
                        "car_park_forecast",
                        "alert",
                        "account",
                        "account_session",
                        "audit_log",
                        "credential",
                        "bin_status",
                        "traffic_flow",
                        "occupancy_minute",
                        "device",
                        "reading",
                        "sensor_state",
                        "car_park_occupancy",
                        "zone_occupancy",
                        "refusal",
                        "refused_message",
                        "storage_profile",
                        "time_partition",
                        "reading_default",
                        "reading_1m",
                        "reading_1h",
                        "rollup_progress",
                        "crew_round",
                        "crew_stop",
                        "crew_report");
    }

    @Test
    void keep_the_readings_of_an_existing_store_when_partitioning_it() throws SQLException {
        org.flywaydb.core.Flyway.configure()
                .dataSource(db.dataSource())
                .locations(Migrations.LOCATION)
                .target("8")
                .load()
                .migrate();
        Instant past = Instant.parse("2026-03-01T08:00:00Z");
        insertReading(past, 1.0);
        insertReading(Instant.now().plus(java.time.Duration.ofDays(30)), 0.0);

        Migrations.apply(db.dataSource());

        assertThat(count("SELECT count(*) FROM reading")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM reading_default"))
                .as("the reading beyond next week")
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM time_partition WHERE name LIKE 'reading_until_%'"))
                .isEqualTo(1);
        assertThat(insertReading(past, 1.0)).as("a repeat is still a no-op").isZero();
    }

    @Test
    void a_read_only_role_granted_before_the_problem_reports_cannot_read_who_reported_them() throws SQLException {
        org.flywaydb.core.Flyway.configure()
                .dataSource(db.dataSource())
                .locations(Migrations.LOCATION)
                .target("18")
                .load()
                .migrate();
        String reader = db.roleName("mycity_reader_before");
        String password = java.util.HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(16));
        DatabaseRoles.create(db.dataSource(), DatabaseRoles.Kind.READER, reader, password);

        Migrations.apply(db.dataSource());

        assertThat(db.column("SELECT privilege_type FROM information_schema.role_table_grants WHERE grantee = '"
                        + reader + "' AND table_name = 'service_request_contact'"))
                .as("what the read-only role may do with the reporters' contact details")
                .isEmpty();
        assertThat(db.column("SELECT privilege_type FROM information_schema.role_table_grants WHERE grantee = '"
                        + reader + "' AND table_name = 'service_request'"))
                .as("the published reports")
                .contains("SELECT");
    }

    @Test
    void a_read_only_role_granted_before_the_crews_rounds_cannot_read_them_and_the_registrys_role_can()
            throws SQLException {
        org.flywaydb.core.Flyway.configure()
                .dataSource(db.dataSource())
                .locations(Migrations.LOCATION)
                .target("19")
                .load()
                .migrate();
        String reader = db.roleName("mycity_reader_crews");
        String registry = db.roleName("mycity_registry_crews");
        String password = java.util.HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(16));
        DatabaseRoles.create(db.dataSource(), DatabaseRoles.Kind.READER, reader, password);
        DatabaseRoles.create(db.dataSource(), DatabaseRoles.Kind.REGISTRY, registry, password);

        Migrations.apply(db.dataSource());

        assertThat(db.column("SELECT DISTINCT table_name FROM information_schema.role_table_grants WHERE grantee = '"
                        + reader + "' AND table_name LIKE 'crew\\_%'"))
                .as("who works which round")
                .isEmpty();
        assertThat(db.column("SELECT DISTINCT table_name FROM information_schema.role_table_grants WHERE grantee = '"
                        + registry + "' AND privilege_type = 'SELECT' AND table_name LIKE 'crew\\_%'"))
                .containsExactlyInAnyOrder("crew_round", "crew_stop", "crew_report");
    }

    @Test
    void a_read_service_refuses_a_schema_that_is_not_up_to_date_and_changes_nothing() throws SQLException {
        DatabaseSettings settings =
                DatabaseSettings.of(db.jdbcUrl(), db.user(), db.password()).withPoolSize(1);

        assertThatThrownBy(() -> Database.connect(settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("20 migration(s) pending, from V1")
                .hasMessageContaining("Run ./mycity migrate");
        assertThat(tables()).as("nothing created").doesNotContain("tenant", "reading");

        Migrations.apply(db.dataSource());
        try (Database connected = Database.connect(settings)) {
            assertThat(connected.timeSeriesProfile()).isNotNull();
        }
    }

    @Test
    void change_nothing_when_applied_again() {
        Migrations.apply(db.dataSource());

        assertThat(Migrations.apply(db.dataSource()).migrationsExecuted).isZero();
    }

    @Test
    void choose_the_native_time_series_profile_without_timescaledb() throws SQLException {
        try (Database opened = Database.open(DatabaseSettings.of(db.jdbcUrl(), db.user(), db.password()));
                Connection c = opened.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT indexdef FROM pg_indexes WHERE tablename = 'reading' AND indexname = 'reading_time_brin'")) {
            assertThat(opened.timeSeriesProfile()).isEqualTo(TimeSeriesProfile.NATIVE);
            assertThat(rs.next()).as("BRIN index on reading(time)").isTrue();
            assertThat(rs.getString(1)).contains("USING brin");
        }
    }

    @Test
    void make_a_repeated_reading_a_no_op() throws SQLException {
        Migrations.apply(db.dataSource());
        Instant time = Instant.parse("2026-03-01T08:00:00Z");

        assertThat(insertReading(time, 1.0)).isEqualTo(1);
        assertThat(insertReading(time, 1.0)).isZero();
        assertThat(insertReading(time.plusSeconds(60), 0.0)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM reading")).isEqualTo(2);
    }

    @Test
    void keep_two_readings_of_the_same_second_apart_by_their_sequence_numbers() throws SQLException {
        Migrations.apply(db.dataSource());
        Instant time = Instant.parse("2026-03-01T08:00:00Z");

        assertThat(insertReading(time, 1.0, 7)).isEqualTo(1);
        assertThat(insertReading(time, 0.0, 8)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM reading")).isEqualTo(2);
    }

    @Test
    void refuse_a_plain_duplicate_reading_through_the_primary_key() throws SQLException {
        Migrations.apply(db.dataSource());
        Instant time = Instant.parse("2026-03-01T08:00:00Z");
        insertReading(time, 1.0);

        assertThatThrownBy(() -> execute("INSERT INTO reading (tenant_id, device_id, quantity, time, value, unit,"
                        + " seq, received_at) VALUES ('demo-town', 'bay-00001', 'occupied', '" + time
                        + "', 0, '/', 7, now())"))
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"));
    }

    private int insertReading(Instant time, double value) throws SQLException {
        return insertReading(time, value, 7);
    }

    private int insertReading(Instant time, double value, long seq) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO reading (tenant_id, device_id, quantity, time,"
                        + " value, unit, seq, received_at) VALUES ('demo-town', 'bay-00001', 'occupied', ?, ?, '/', ?,"
                        + " now()) ON CONFLICT DO NOTHING")) {
            ps.setObject(1, java.sql.Timestamp.from(time));
            ps.setDouble(2, value);
            ps.setLong(3, seq);
            return ps.executeUpdate();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> tables() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
