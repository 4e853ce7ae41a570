package city.mycity.storage.timeseries;

import city.mycity.storage.RefusalRetention;
import city.mycity.storage.TimeSeriesProfile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the store in shape as data grows, once per interval: natively, creates the coming weeks' partitions, brings
 * the rollups up to date and applies the retention; on TimescaleDB, sets the policies that make TimescaleDB do the
 * same (once per start). Several processes may run it against one database: an advisory lock lets one run at a time,
 * and the others skip that turn.
 */
public final class StorageMaintenance implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(StorageMaintenance.class);
    /** The advisory lock that one run holds. */
    private static final long LOCK = 0x6d79_6369_7479_0009L;
    /** How many weeks ahead partitions exist. */
    static final int WEEKS_AHEAD = 2;
    /** The most storing time one rollup refresh takes in at once. */
    static final Duration REFRESH_WINDOW = Duration.ofHours(1);

    private final DataSource dataSource;
    private final TimeSeriesSettings settings;
    private final RefusalRetention refusals;
    private final city.mycity.storage.ContactRetention contacts;
    private final ScheduledExecutorService scheduler;
    private boolean policiesSet;

    private StorageMaintenance(
            DataSource dataSource,
            TimeSeriesSettings settings,
            RefusalRetention refusals,
            city.mycity.storage.ContactRetention contacts) {
        this.contacts = contacts;
        this.dataSource = dataSource;
        this.settings = settings;
        this.refusals = refusals;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "storage-maintenance");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Maintenance that runs only when asked ({@link #runOnce()}). */
    public static StorageMaintenance of(DataSource dataSource, TimeSeriesSettings settings) {
        return of(dataSource, settings, RefusalRetention.defaults());
    }

    /** As {@link #of(DataSource, TimeSeriesSettings)}, with the refusal store's bounds. */
    public static StorageMaintenance of(DataSource dataSource, TimeSeriesSettings settings, RefusalRetention refusals) {
        return of(dataSource, settings, refusals, city.mycity.storage.ContactRetention.defaults());
    }

    /** Maintenance with these bounds of the refusal store and of the problem reporters' contact details. */
    public static StorageMaintenance of(
            DataSource dataSource,
            TimeSeriesSettings settings,
            RefusalRetention refusals,
            city.mycity.storage.ContactRetention contacts) {
        return new StorageMaintenance(dataSource, settings, refusals, contacts);
    }

    /** Maintenance that runs now and then once per interval until closed; a failed run is logged and retried. */
    public static StorageMaintenance start(DataSource dataSource, TimeSeriesSettings settings) {
        return start(dataSource, settings, RefusalRetention.defaults());
    }

    /** As {@link #start(DataSource, TimeSeriesSettings)}, with the refusal store's bounds. */
    public static StorageMaintenance start(
            DataSource dataSource, TimeSeriesSettings settings, RefusalRetention refusals) {
        return start(dataSource, settings, refusals, city.mycity.storage.ContactRetention.defaults());
    }

    /** Maintenance that runs now and then once per interval, with these bounds. */
    public static StorageMaintenance start(
            DataSource dataSource,
            TimeSeriesSettings settings,
            RefusalRetention refusals,
            city.mycity.storage.ContactRetention contacts) {
        StorageMaintenance maintenance = new StorageMaintenance(dataSource, settings, refusals, contacts);
        maintenance.scheduler.scheduleWithFixedDelay(
                maintenance::runLogged, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
        return maintenance;
    }

    private void runLogged() {
        try {
            Report report = runOnce();
            if (report.changedSomething()) {
                LOGGER.info("Storage maintenance: {}", report);
            }
        } catch (SQLException | RuntimeException e) {
            LOGGER.warn("Storage maintenance failed; trying again in {}", settings.interval(), e);
        }
    }

    /** One run; {@link Report#skipped()} when another process holds the lock. */
    public synchronized Report runOnce() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (!tryLock(c)) {
                return Report.SKIPPED;
            }
            try {
                Report report = TimeSeriesProfile.of(c) == TimeSeriesProfile.NATIVE ? runNative(c) : runTimescale(c);
                return report.withDeletions(deleteExpired(c, refusals::apply), deleteExpired(c, contacts::apply));
            } finally {
                unlock(c);
            }
        }
    }

    /** A retention: deletes what is past it, in the connection's transaction, and says how much. */
    @FunctionalInterface
    private interface Retention {
        long apply(Connection c, java.time.Instant now) throws SQLException;
    }

    /** Applies a retention in a transaction of its own, at the database's time. */
    private long deleteExpired(Connection c, Retention retention) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            long deleted = retention.apply(c, databaseNow(c));
            c.commit();
            return deleted;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private Report runNative(Connection c) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            Instant now = databaseNow(c);
            Optional<Instant> readingsCutoff = TimeSeriesSettings.cutoff(settings.keepReadings(), now);
            Instant oldest = readingsCutoff.orElse(Instant.EPOCH);
            List<String> created = createPartitions(c, now, oldest);
            Instant upTo = refreshBound(c, now.minus(settings.settle()));
            c.commit();
            long minutes = 0;
            long hours = 0;
            NativeRollups.Refresh refresh;
            do {
                refresh = NativeRollups.refresh(c, upTo, REFRESH_WINDOW, oldest);
                c.commit();
                minutes += refresh.minutes();
                hours += refresh.hours();
            } while (!refresh.caughtUp());
            List<String> dropped = new ArrayList<>();
            if (readingsCutoff.isPresent()) {
                dropped.addAll(ReadingPartitions.dropBefore(c, readingsCutoff.get()));
            }
            long deleted = 0;
            for (Rollup rollup : Rollup.values()) {
                Optional<Instant> cutoff = TimeSeriesSettings.cutoff(settings.keep(rollup), now);
                if (cutoff.isPresent()) {
                    deleted += NativeRollups.deleteBefore(c, rollup, cutoff.get());
                }
            }
            c.commit();
            return new Report(false, created, dropped, minutes, hours, deleted, 0, 0);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** The partitions ahead; a failure (a lock not had in time) is logged, and the rest of the run goes on. */
    private static List<String> createPartitions(Connection c, Instant now, Instant oldest) throws SQLException {
        try {
            List<String> created = ReadingPartitions.createAhead(c, now, WEEKS_AHEAD, oldest);
            c.commit();
            return created;
        } catch (SQLException e) {
            c.rollback();
            LOGGER.warn(
                    "Storage maintenance could not create partitions this run ({}); trying again next run",
                    e.getMessage());
            return List.of();
        }
    }

    /**
     * How far the refresh may go: {@code settled}, but not past the start of a transaction that is writing now (its
     * rows carry its start as {@code stored_at} and are not visible yet; a later run takes them).
     */
    private static Instant refreshBound(Connection c, Instant settled) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT min(xact_start) FROM pg_stat_activity"
                + " WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid() AND datname = current_database()")) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                java.sql.Timestamp writing = rs.getTimestamp(1);
                return writing == null || !writing.toInstant().isBefore(settled)
                        ? settled
                        : writing.toInstant().minusNanos(1_000);
            }
        }
    }

    private Report runTimescale(Connection c) throws SQLException {
        if (!policiesSet) {
            TimescaleRollups.applyPolicies(c, settings);
            policiesSet = true;
        }
        return new Report(false, List.of(), List.of(), 0, 0, 0, 0, 0);
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, LOCK);
            ps.execute();
        }
    }

    private static Instant databaseNow(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT now()")) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                LOGGER.warn("Storage maintenance did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * What one run did.
     *
     * @param skipped whether another process was running maintenance
     * @param created the partitions created
     * @param dropped the partitions dropped by the retention
     * @param minutes the minute buckets refreshed
     * @param hours the hour buckets refreshed
     * @param deleted the rollup buckets deleted by the retention
     * @param refusals the refused messages deleted by the refusal store's bounds
     * @param contacts the problem reporters' contact details deleted by their retention
     */
    public record Report(
            boolean skipped,
            List<String> created,
            List<String> dropped,
            long minutes,
            long hours,
            long deleted,
            long refusals,
            long contacts) {

        Report withDeletions(long deletedMessages, long deletedContacts) {
            return new Report(skipped, created, dropped, minutes, hours, deleted, deletedMessages, deletedContacts);
        }

        static final Report SKIPPED = new Report(true, List.of(), List.of(), 0, 0, 0, 0, 0);

        boolean changedSomething() {
            return !created.isEmpty() || !dropped.isEmpty() || deleted > 0 || refusals > 0 || contacts > 0;
        }

        @Override
        public String toString() {
            return skipped
                    ? "skipped (another process holds the lock)"
                    : "partitions created " + created + ", dropped " + dropped + "; rollups refreshed " + minutes
                            + " minute and " + hours + " hour buckets; " + deleted + " expired buckets deleted; "
                            + refusals + " refused messages deleted; " + contacts
                            + " reporters' contact details deleted";
        }
    }
}
