package city.mycity.storage.timeseries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The native PostgreSQL layout of {@code reading} as data grows: a table partitioned by {@code time} in weeks (Monday
 * 00:00 UTC to Monday), created ahead of time, dropped whole once older than the retention, and a default partition
 * that catches a reading outside every week (a late one, or one from a clock far ahead) so that no insert ever fails
 * for want of a partition. Each partition is listed in {@code time_partition}, so that maintenance never parses
 * PostgreSQL's bound expressions.
 *
 * <p>Before a week's partition is attached, the default partition's rows of that week move into it, as PostgreSQL
 * refuses to attach a range the default partition holds rows of.
 */
public final class ReadingPartitions {

    private static final Logger LOGGER = LoggerFactory.getLogger(ReadingPartitions.class);

    static final String PARENT = "reading";
    static final String DEFAULT_PARTITION = "reading_default";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String BRIN = "pages_per_range = 32, autosummarize = on";
    /** How long maintenance waits for a lock that would hold the ingest up while it waits. */
    static final String LOCK_TIMEOUT = "2s";
    /** PostgreSQL's lock_not_available. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private ReadingPartitions() {}

    /**
     * Migration: turns the plain {@code reading} table into a partitioned one. An existing table with rows becomes the
     * partition of every time before next week (its rows from next week on move to the default partition first),
     * dropped whole once next week is older than the retention; an empty one is simply replaced.
     */
    static void convert(Connection c, Instant now) throws SQLException {
        Instant cut = weekStart(now).plus(7, ChronoUnit.DAYS);
        String old = "reading_until_" + DAY.format(cut.atOffset(ZoneOffset.UTC).toLocalDate());
        try (Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE time_partition (
                        parent     text        NOT NULL,
                        name       text        PRIMARY KEY,
                        from_time  timestamptz NOT NULL,
                        to_time    timestamptz NOT NULL,
                        created_at timestamptz NOT NULL DEFAULT now()
                    )""");
            s.execute("ALTER TABLE reading RENAME TO " + old);
            s.execute("ALTER TABLE " + old + " RENAME CONSTRAINT reading_pkey TO " + old + "_pkey");
            s.execute("ALTER INDEX reading_time_brin RENAME TO " + old + "_time_brin");
            s.execute("CREATE TABLE reading (LIKE " + old + " INCLUDING DEFAULTS) PARTITION BY RANGE (time)");
            s.execute("ALTER TABLE reading ADD PRIMARY KEY (tenant_id, device_id, quantity, time, seq)");
            // BRIN indexes summarise a range of pages once it is full (autosummarize), not only at VACUUM: else
            // every page not yet vacuumed matches every query.
            s.execute("CREATE INDEX reading_time_brin ON reading USING brin (time) WITH (" + BRIN + ")");
            // The rollups find what changed since their last refresh by the time a reading was stored.
            s.execute("CREATE INDEX reading_stored_brin ON reading USING brin (stored_at) WITH (" + BRIN + ")");
            s.execute("CREATE TABLE " + DEFAULT_PARTITION + " PARTITION OF reading DEFAULT");
        }
        if (isEmpty(c, old)) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE " + old);
            }
            ensureWeeks(c, weekStart(now), weekStart(now).plus(7L * 3, ChronoUnit.DAYS));
            return;
        }
        try (PreparedStatement move = c.prepareStatement("WITH moved AS (DELETE FROM " + old
                + " WHERE time >= ? RETURNING *) INSERT INTO " + DEFAULT_PARTITION + " SELECT * FROM moved")) {
            move.setTimestamp(1, Timestamp.from(cut));
            move.executeUpdate();
        }
        try (PreparedStatement attach = c.prepareStatement(
                "ALTER TABLE reading ATTACH PARTITION " + old + " FOR VALUES FROM (MINVALUE) TO ('" + cut + "')")) {
            attach.execute();
        }
        record(c, old, Instant.parse("0001-01-01T00:00:00Z"), cut);
        ensureWeeks(c, cut, cut.plus(7L * 2, ChronoUnit.DAYS));
    }

    private static boolean isEmpty(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM " + table + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /**
     * Creates the partitions this week up to {@code weeksAhead} weeks after it needs, and those of the weeks whose
     * readings wait in the default partition (a late reading, a backfill, maintenance that did not run), back to
     * {@code oldest}; returns the names of those it created.
     */
    public static List<String> createAhead(Connection c, Instant now, int weeksAhead, Instant oldest)
            throws SQLException {
        Instant from = weekStart(now);
        Instant waiting = oldestWaiting(c, oldest);
        if (waiting != null && waiting.isBefore(from)) {
            from = weekStart(waiting);
        }
        return ensureWeeks(c, from, weekStart(now).plus(7L * (weeksAhead + 1), ChronoUnit.DAYS));
    }

    /**
     * Creates the weekly partition of every week that starts in [from, to) and overlaps no partition yet, moving the
     * default partition's rows of that week into it; returns the names of those it created. In the caller's
     * transaction, or in one of its own on an auto-commit connection. The default partition is locked for the move
     * and the attach (a writer of that week's rows waits, at most for the move), so that no row of the week slips in
     * between; a lock not had within {@value #LOCK_TIMEOUT} fails the call, and the next run tries again.
     */
    public static List<String> ensureWeeks(Connection c, Instant from, Instant to) throws SQLException {
        if (!c.getAutoCommit()) {
            return ensureWeeksInTransaction(c, from, to);
        }
        c.setAutoCommit(false);
        try {
            List<String> created = ensureWeeksInTransaction(c, from, to);
            c.commit();
            return created;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Row-level security on a new partition, as on its parent (schema V13), once the schema has it. */
    private static void keepCouncilsApart(Connection c, String partition) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1 FROM pg_proc WHERE proname = 'mycity_keep_councils_apart'")) {
            if (!rs.next()) {
                return;
            }
        }
        try (PreparedStatement st = c.prepareStatement("SELECT mycity_keep_councils_apart(?::regclass)")) {
            st.setString(1, partition);
            st.execute();
        }
    }

    private static List<String> ensureWeeksInTransaction(Connection c, Instant from, Instant to) throws SQLException {
        List<String> created = new ArrayList<>();
        for (Instant week = weekStart(from); week.isBefore(to); week = week.plus(7, ChronoUnit.DAYS)) {
            Instant end = week.plus(7, ChronoUnit.DAYS);
            if (overlapsPartition(c, week, end)) {
                continue;
            }
            String name = "reading_w" + DAY.format(week.atOffset(ZoneOffset.UTC).toLocalDate());
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + name + " (LIKE reading INCLUDING DEFAULTS)");
                s.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
                s.execute("LOCK TABLE " + DEFAULT_PARTITION + " IN ACCESS EXCLUSIVE MODE");
            }
            try (PreparedStatement move = c.prepareStatement("WITH moved AS (DELETE FROM " + DEFAULT_PARTITION
                    + " WHERE time >= ? AND time < ? RETURNING *) INSERT INTO " + name + " SELECT * FROM moved")) {
                move.setTimestamp(1, Timestamp.from(week));
                move.setTimestamp(2, Timestamp.from(end));
                move.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE reading ATTACH PARTITION " + name + " FOR VALUES FROM ('" + week + "') TO ('"
                        + end + "')");
            }
            keepCouncilsApart(c, name);
            record(c, name, week, end);
            created.add(name);
        }
        return created;
    }

    private static boolean overlapsPartition(Connection c, Instant from, Instant to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM time_partition WHERE parent = ?"
                + " AND from_time < ? AND to_time > ?)")) {
            ps.setString(1, PARENT);
            ps.setTimestamp(2, Timestamp.from(to));
            ps.setTimestamp(3, Timestamp.from(from));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** The oldest reading in the default partition not before {@code oldest}, or {@code null}. */
    private static Instant oldestWaiting(Connection c, Instant oldest) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT min(time) FROM " + DEFAULT_PARTITION + " WHERE time >= ?")) {
            ps.setTimestamp(1, Timestamp.from(oldest));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp min = rs.getTimestamp(1);
                return min == null ? null : min.toInstant();
            }
        }
    }

    /**
     * Retention: drops every partition whose whole range is before {@code cutoff}, each in a transaction of its own
     * (dropping a partition locks {@code reading} for a moment: it waits at most {@value #LOCK_TIMEOUT} for the lock,
     * else it leaves that partition to the next run), then deletes the default partition's rows before the cutoff.
     * Returns the names of the dropped partitions. On a connection with auto-commit off.
     */
    public static List<String> dropBefore(Connection c, Instant cutoff) throws SQLException {
        List<String> expired = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name FROM time_partition WHERE parent = ? AND to_time <= ? ORDER BY to_time")) {
            ps.setString(1, PARENT);
            ps.setTimestamp(2, Timestamp.from(cutoff));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    expired.add(rs.getString(1));
                }
            }
        }
        c.commit();
        List<String> dropped = new ArrayList<>();
        for (String name : expired) {
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
                s.execute("DROP TABLE " + name);
            } catch (SQLException e) {
                c.rollback();
                if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                    LOGGER.info("Retention left {} for the next run: reading was busy", name);
                    break;
                }
                throw e;
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM time_partition WHERE name = ?")) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
            c.commit();
            dropped.add(name);
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + DEFAULT_PARTITION + " WHERE time < ?")) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            ps.executeUpdate();
        }
        c.commit();
        return dropped;
    }

    /**
     * Summarises the page ranges of every BRIN index on the partitions that are not summarised yet (after a bulk load;
     * autovacuum does it in the course of things), and returns how many it summarised.
     */
    public static long summarize(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT coalesce(sum(brin_summarize_new_values(i.indexrelid)), 0)"
                        + " FROM pg_inherits p JOIN pg_index i ON i.indrelid = p.inhrelid"
                        + " JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam"
                        + " WHERE p.inhparent = 'reading'::regclass AND am.amname = 'brin'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Monday 00:00 UTC of the week holding {@code time}. */
    static Instant weekStart(Instant time) {
        LocalDate day = time.atOffset(ZoneOffset.UTC).toLocalDate();
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC);
    }

    private static void record(Connection c, String name, Instant from, Instant to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO time_partition (parent, name, from_time, to_time) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, PARENT);
            ps.setString(2, name);
            ps.setTimestamp(3, Timestamp.from(from));
            ps.setTimestamp(4, Timestamp.from(to));
            ps.executeUpdate();
        }
    }
}
