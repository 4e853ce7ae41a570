package city.mycity.storage.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.storage.history.HistoryBucket;
import city.mycity.storage.history.ReadingHistory;
import city.mycity.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The native storage layout on a real PostgreSQL: weekly partitions, rollups with late readings, retention. */
class StorageMaintenanceIT {

    private static final String TENANT = "it-town";
    private static final TimeSeriesSettings NO_SETTLE = new TimeSeriesSettings(
            Duration.ofDays(90), Duration.ofDays(90), Duration.ZERO, Duration.ZERO, Duration.ofMinutes(1));

    private TestDatabase db;
    private final Instant thisHour = Instant.now().truncatedTo(ChronoUnit.HOURS);

    @BeforeEach
    void freshDatabase() throws SQLException {
        db = TestDatabase.create().migrated();
        execute("INSERT INTO tenant (id, name) VALUES ('" + TENANT + "', 'IT town')");
        for (String device : List.of("bin-1", "bin-2", "bin-3")) {
            String zone = device.equals("bin-3") ? "z-2" : "z-1";
            execute("INSERT INTO device (tenant_id, id, gateway_id, kind, zone_id, latitude, longitude) VALUES ('"
                    + TENANT + "', '" + device + "', 'gw-1', 'bin', '" + zone + "', 50.0, 4.0)");
        }
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void readings_of_next_week_are_stored_in_next_weeks_partition() throws SQLException {
        Instant nextWeek = thisHour.plus(7, ChronoUnit.DAYS);
        insert("bin-1", nextWeek, 40);

        assertThat(count("SELECT count(*) FROM reading_w" + day(ReadingPartitions.weekStart(nextWeek))))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM reading_default")).isZero();
    }

    @Test
    void a_reading_beyond_every_partition_waits_in_the_default_one_until_its_week_is_created() throws SQLException {
        Instant farAhead = thisHour.plus(60, ChronoUnit.DAYS);
        insert("bin-1", farAhead, 40);
        assertThat(count("SELECT count(*) FROM reading_default")).isEqualTo(1);

        List<String> created;
        try (Connection c = db.dataSource().getConnection()) {
            created = ReadingPartitions.createAhead(c, farAhead, 0, Instant.EPOCH);
        }

        String week = "reading_w" + day(ReadingPartitions.weekStart(farAhead));
        assertThat(created).containsExactly(week);
        assertThat(count("SELECT count(*) FROM reading_default")).isZero();
        assertThat(count("SELECT count(*) FROM " + week)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM reading")).isEqualTo(1);
    }

    @Test
    void maintenance_gives_a_backfilled_week_its_partition_and_keeps_its_readings() throws SQLException {
        Instant weeksAgo = thisHour.minus(20, ChronoUnit.DAYS);
        insert("bin-1", weeksAgo, 40);
        assertThat(count("SELECT count(*) FROM reading_default")).isEqualTo(1);

        StorageMaintenance.Report report =
                StorageMaintenance.of(db.dataSource(), NO_SETTLE).runOnce();

        assertThat(report.created()).contains("reading_w" + day(ReadingPartitions.weekStart(weeksAgo)));
        assertThat(count("SELECT count(*) FROM reading_default")).isZero();
        assertThat(count("SELECT count(*) FROM reading")).isEqualTo(1);
        assertThat(report.minutes()).isEqualTo(1);
    }

    @Test
    void retention_drops_the_weeks_before_the_cutoff_and_keeps_the_rest() throws SQLException {
        Instant week = ReadingPartitions.weekStart(thisHour);
        Instant nextWeek = week.plus(7, ChronoUnit.DAYS);
        insert("bin-1", nextWeek.plusSeconds(3_600), 10);
        insert("bin-1", nextWeek.plus(7, ChronoUnit.DAYS).plusSeconds(3_600), 20);

        List<String> dropped;
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            dropped = ReadingPartitions.dropBefore(c, nextWeek.plus(7, ChronoUnit.DAYS));
        }

        assertThat(dropped).contains("reading_w" + day(nextWeek));
        assertThat(count("SELECT count(*) FROM reading")).isEqualTo(1);
        assertThat(count("SELECT sum(value) FROM reading")).isEqualTo(20);
        assertThat(count("SELECT count(*) FROM time_partition WHERE name = 'reading_w" + day(nextWeek) + "'"))
                .isZero();
    }

    @Test
    void retention_leaves_a_partition_for_the_next_run_while_reading_is_busy() throws SQLException {
        Instant nextWeek = ReadingPartitions.weekStart(thisHour).plus(7, ChronoUnit.DAYS);
        insert("bin-1", nextWeek.plusSeconds(3_600), 10);

        List<String> dropped;
        try (Connection reader = db.dataSource().getConnection();
                Connection c = db.dataSource().getConnection()) {
            reader.setAutoCommit(false);
            try (Statement s = reader.createStatement()) {
                s.execute("SELECT count(*) FROM reading"); // holds a lock on reading until it ends
            }
            c.setAutoCommit(false);
            dropped = ReadingPartitions.dropBefore(c, nextWeek.plus(7, ChronoUnit.DAYS));
            reader.rollback();
        }

        assertThat(dropped).isEmpty();
        assertThat(count("SELECT count(*) FROM reading")).isEqualTo(1);
    }

    @Test
    void maintenance_rolls_readings_up_per_minute_and_per_hour() throws SQLException {
        Instant t = thisHour.minus(2, ChronoUnit.HOURS);
        insert("bin-1", t.plusSeconds(10), 10);
        insert("bin-1", t.plusSeconds(20), 30);
        insert("bin-1", t.plusSeconds(70), 50);

        StorageMaintenance.Report report =
                StorageMaintenance.of(db.dataSource(), NO_SETTLE).runOnce();

        assertThat(report.minutes()).isEqualTo(2);
        assertThat(report.hours()).isEqualTo(1);
        assertThat(row("SELECT readings, sum, min, max FROM reading_1m WHERE bucket = ?", t))
                .containsExactly(2.0, 40.0, 10.0, 30.0);
        assertThat(row("SELECT readings, sum, min, max FROM reading_1h WHERE bucket = ?", t))
                .containsExactly(3.0, 90.0, 10.0, 50.0);
    }

    @Test
    void a_reading_stored_late_corrects_the_buckets_it_falls_in() throws SQLException {
        Instant t = thisHour.minus(5, ChronoUnit.HOURS);
        insert("bin-1", t.plusSeconds(10), 10);
        StorageMaintenance maintenance = StorageMaintenance.of(db.dataSource(), NO_SETTLE);
        maintenance.runOnce();

        insert("bin-1", t.plusSeconds(50), 70);
        StorageMaintenance.Report report = maintenance.runOnce();

        assertThat(report.minutes()).isEqualTo(1);
        assertThat(row("SELECT readings, sum, min, max FROM reading_1m WHERE bucket = ?", t))
                .containsExactly(2.0, 80.0, 10.0, 70.0);
        assertThat(row("SELECT readings, sum, min, max FROM reading_1h WHERE bucket = ?", t))
                .containsExactly(2.0, 80.0, 10.0, 70.0);
    }

    @Test
    void a_run_while_another_process_maintains_is_skipped() throws SQLException {
        try (Connection other = db.dataSource().getConnection();
                Statement s = other.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + 0x6d79_6369_7479_0009L + ")");

            assertThat(StorageMaintenance.of(db.dataSource(), NO_SETTLE)
                            .runOnce()
                            .skipped())
                    .isTrue();
        }
    }

    @Test
    void history_gives_a_sensors_hours_and_a_zones_hours_over_its_devices() throws SQLException {
        Instant t = thisHour.minus(3, ChronoUnit.HOURS);
        insert("bin-1", t.plusSeconds(60), 10);
        insert("bin-1", t.plus(1, ChronoUnit.HOURS).plusSeconds(60), 20);
        insert("bin-2", t.plusSeconds(120), 30);
        insert("bin-3", t.plusSeconds(180), 90);
        StorageMaintenance.of(db.dataSource(), NO_SETTLE).runOnce();
        ReadingHistory history = new ReadingHistory(db.dataSource());

        List<HistoryBucket> sensor = history.sensor(TENANT, "bin-1", "fill", t, thisHour, Rollup.HOUR);
        List<HistoryBucket> zone = history.zone(TENANT, "z-1", "fill", t, thisHour, Rollup.HOUR);

        assertThat(sensor).extracting(HistoryBucket::start).containsExactly(t, t.plus(1, ChronoUnit.HOURS));
        assertThat(sensor).extracting(HistoryBucket::mean).containsExactly(10.0, 20.0);
        assertThat(zone.get(0)).isEqualTo(new HistoryBucket(t, 2, 2, 20.0, 10.0, 30.0));
        assertThat(zone).hasSize(2);
    }

    private static String day(Instant time) {
        return java.time.format.DateTimeFormatter.BASIC_ISO_DATE.format(
                time.atOffset(java.time.ZoneOffset.UTC).toLocalDate());
    }

    private void insert(String device, Instant time, double value) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO reading (tenant_id, device_id, quantity, time,"
                        + " value, unit, seq, received_at) VALUES (?, ?, 'fill', ?, ?, '%', -1, now())")) {
            ps.setString(1, TENANT);
            ps.setString(2, device);
            ps.setTimestamp(3, Timestamp.from(time));
            ps.setDouble(4, value);
            ps.executeUpdate();
        }
    }

    private List<Double> row(String sql, Instant bucket) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(bucket));
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a bucket at %s", bucket).isTrue();
                return List.of(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4));
            }
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

    private void execute(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
