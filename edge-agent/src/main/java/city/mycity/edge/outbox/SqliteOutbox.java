package city.mycity.edge.outbox;

import city.mycity.edge.exception.OutboxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link Outbox} in one SQLite file, fit for a gateway's SD card: write-ahead log ({@code journal_mode=WAL}, which
 * writes each page once and appends) and {@code synchronous=FULL} (the log is fsync'd at every commit, so a committed
 * message survives a power cut). Appends are committed in groups: a writer thread takes every append waiting and
 * commits them in one transaction, one fsync, so that many sensors answering at once cost one flush, not one each.
 *
 * <p>Bounded by readings and by bytes: a group that takes the outbox past either bound evicts the oldest messages
 * (in the same transaction) and counts their readings. Thread-safe: one connection, behind one lock.
 */
public final class SqliteOutbox implements Outbox {

    private static final Logger LOGGER = LoggerFactory.getLogger(SqliteOutbox.class);
    private static final int MOST_APPENDS_PER_COMMIT = 1000;

    private final Path file;
    private final long maxReadings;
    private final long maxBytes;
    private final LongSupplier clock;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final BlockingQueue<Append> appends = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean open = true;
    private long nextId;
    private long messages;
    private long readings;
    private long bytes;
    private long evictedReadings;
    private long refusedReadings;

    private record Append(
            String gateway, String device, boolean packable, byte[] senml, int readings, CompletableFuture<Long> id) {}

    private SqliteOutbox(Path file, long maxReadings, long maxBytes, LongSupplier clock) throws SQLException {
        this.file = file;
        this.maxReadings = maxReadings;
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA synchronous=FULL");
            statement.execute("PRAGMA busy_timeout=5000");
            statement.execute("CREATE TABLE IF NOT EXISTS message (id INTEGER PRIMARY KEY, gateway TEXT NOT NULL,"
                    + " device TEXT NOT NULL, packable INTEGER NOT NULL, readings INTEGER NOT NULL,"
                    + " stored_at INTEGER NOT NULL, senml BLOB NOT NULL)");
            statement.execute(
                    "CREATE TABLE IF NOT EXISTS refused_message (id INTEGER PRIMARY KEY, gateway TEXT NOT NULL,"
                            + " device TEXT NOT NULL, packable INTEGER NOT NULL, readings INTEGER NOT NULL,"
                            + " stored_at INTEGER NOT NULL, senml BLOB NOT NULL, refused_at INTEGER NOT NULL,"
                            + " reason TEXT NOT NULL)");
            try (ResultSet totals = statement.executeQuery("SELECT count(*), coalesce(sum(readings), 0),"
                    + " coalesce(sum(length(senml)), 0), coalesce(max(id), 0) FROM message")) {
                totals.next();
                messages = totals.getLong(1);
                readings = totals.getLong(2);
                bytes = totals.getLong(3);
                nextId = totals.getLong(4) + 1;
            }
        }
        connection.setAutoCommit(false);
        this.writer = new Thread(this::writeAppends, "mycity-edge-outbox-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Opens (or creates) the outbox in {@code file}, holding at most {@code maxReadings} readings and {@code maxBytes}
     * bytes of SenML. Messages already in the file are kept: they are what the gateway had not sent when it stopped.
     */
    public static SqliteOutbox open(Path file, long maxReadings, long maxBytes) {
        return open(file, maxReadings, maxBytes, System::currentTimeMillis);
    }

    static SqliteOutbox open(Path file, long maxReadings, long maxBytes, LongSupplier clock) {
        if (maxReadings < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("An outbox must hold at least one reading and one byte, but was given "
                    + maxReadings + " readings and " + maxBytes + " bytes.");
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            SqliteOutbox outbox = new SqliteOutbox(file, maxReadings, maxBytes, clock);
            LOGGER.info(
                    "Outbox {} opened with {} messages ({} readings) not yet sent",
                    file,
                    outbox.messages,
                    outbox.readings);
            return outbox;
        } catch (SQLException | java.io.IOException e) {
            throw new OutboxException(
                    "Could not open the outbox " + file + ": " + e.getMessage()
                            + ". Check that the directory is writable and the file is not held by another agent.",
                    e);
        }
    }

    @Override
    public CompletionStage<Long> append(String gateway, String device, boolean packable, byte[] senml, int count) {
        CompletableFuture<Long> id = new CompletableFuture<>();
        if (!open) {
            id.completeExceptionally(new OutboxException("The outbox " + file + " is closed."));
            return id;
        }
        appends.add(new Append(gateway, device, packable, senml, count, id));
        return id;
    }

    private void writeAppends() {
        List<Append> group = new ArrayList<>();
        while (open || !appends.isEmpty()) {
            try {
                Append first = appends.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                appends.drainTo(group, MOST_APPENDS_PER_COMMIT - 1);
                commit(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                group.clear();
            }
        }
    }

    private void commit(List<Append> group) {
        long first;
        long lastEvicted;
        lock.lock();
        try {
            first = nextId;
            long storedAt = clock.getAsLong();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO message (id, gateway, device,"
                    + " packable, readings, stored_at, senml) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                long id = first;
                for (Append append : group) {
                    insert.setLong(1, id++);
                    insert.setString(2, append.gateway());
                    insert.setString(3, append.device());
                    insert.setInt(4, append.packable() ? 1 : 0);
                    insert.setInt(5, append.readings());
                    insert.setLong(6, storedAt);
                    insert.setBytes(7, append.senml());
                    insert.addBatch();
                }
                insert.executeBatch();
                long addedReadings = 0;
                long addedBytes = 0;
                for (Append append : group) {
                    addedReadings += append.readings();
                    addedBytes += append.senml().length;
                }
                Eviction eviction = evictFor(readings + addedReadings, bytes + addedBytes);
                connection.commit();
                lastEvicted = eviction.lastId();
                nextId = id;
                messages += group.size() - eviction.messages();
                readings += addedReadings - eviction.readings();
                bytes += addedBytes - eviction.bytes();
                evictedReadings += eviction.readings();
                if (eviction.readings() > 0) {
                    LOGGER.warn(
                            "Outbox {} full: evicted the oldest {} messages ({} readings) to store {} new ones",
                            file,
                            eviction.messages(),
                            eviction.readings(),
                            group.size());
                }
            }
        } catch (SQLException e) {
            rollback();
            OutboxException failure = new OutboxException(
                    "Could not store " + group.size() + " messages in the" + " outbox " + file + ": " + e.getMessage(),
                    e);
            group.forEach(append -> append.id().completeExceptionally(failure));
            return;
        } finally {
            lock.unlock();
        }
        for (int i = 0; i < group.size(); i++) {
            long id = first + i;
            if (id <= lastEvicted) {
                // Evicted in the very commit that stored it (a message larger than the outbox): never acknowledged.
                group.get(i)
                        .id()
                        .completeExceptionally(new OutboxException("The outbox " + file + " cannot hold this"
                                + " message beside what it keeps: it is larger than the outbox's bounds allow."));
            } else {
                group.get(i).id().complete(id);
            }
        }
    }

    /** What an eviction deleted: every message up to {@code lastId}. */
    private record Eviction(long messages, long readings, long bytes, long lastId) {}

    /** Deletes the oldest messages until the totals fit the bounds; the caller commits. */
    private Eviction evictFor(long totalReadings, long totalBytes) throws SQLException {
        if (totalReadings <= maxReadings && totalBytes <= maxBytes) {
            return new Eviction(0, 0, 0, -1);
        }
        long evictMessages = 0;
        long evictReadings = 0;
        long evictBytes = 0;
        long lastId = -1;
        try (PreparedStatement oldest =
                connection.prepareStatement("SELECT id, readings, length(senml) FROM message ORDER BY id")) {
            oldest.setFetchSize(1000);
            try (ResultSet rows = oldest.executeQuery()) {
                while ((totalReadings - evictReadings > maxReadings || totalBytes - evictBytes > maxBytes)
                        && rows.next()) {
                    lastId = rows.getLong(1);
                    evictMessages++;
                    evictReadings += rows.getLong(2);
                    evictBytes += rows.getLong(3);
                }
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM message WHERE id <= ?")) {
            delete.setLong(1, lastId);
            delete.executeUpdate();
        }
        return new Eviction(evictMessages, evictReadings, evictBytes, lastId);
    }

    @Override
    public List<OutboxEntry> after(long afterId, int maxReadingsOut, int maxBytesOut) {
        List<OutboxEntry> entries = new ArrayList<>();
        lock.lock();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, gateway, device, packable, senml,"
                + " readings, stored_at FROM message WHERE id > ? ORDER BY id LIMIT ?")) {
            select.setLong(1, afterId);
            select.setInt(2, Math.max(1, maxReadingsOut));
            int takenReadings = 0;
            int takenBytes = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    OutboxEntry entry = new OutboxEntry(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getInt(4) == 1,
                            rows.getBytes(5),
                            rows.getInt(6),
                            rows.getLong(7));
                    boolean fits = takenReadings + entry.readings() <= maxReadingsOut
                            && takenBytes + entry.senml().length <= maxBytesOut;
                    if (!entries.isEmpty() && !fits) {
                        break;
                    }
                    entries.add(entry);
                    takenReadings += entry.readings();
                    takenBytes += entry.senml().length;
                }
            }
            connection.commit();
            return entries;
        } catch (SQLException e) {
            rollback();
            throw new OutboxException("Could not read the outbox " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void remove(List<OutboxEntry> published) {
        if (published.isEmpty()) {
            return;
        }
        lock.lock();
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM message WHERE id = ?")) {
            for (OutboxEntry entry : published) {
                delete.setLong(1, entry.id());
                delete.addBatch();
            }
            int[] deleted = delete.executeBatch();
            connection.commit();
            for (int i = 0; i < deleted.length; i++) {
                if (deleted[i] > 0) {
                    messages--;
                    readings -= published.get(i).readings();
                    bytes -= published.get(i).senml().length;
                }
            }
        } catch (SQLException e) {
            rollback();
            throw new OutboxException(
                    "Could not remove published messages from the outbox " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void refuse(List<OutboxEntry> refused, String reason) {
        if (refused.isEmpty()) {
            return;
        }
        lock.lock();
        try (PreparedStatement keep = connection.prepareStatement("INSERT OR IGNORE INTO refused_message (id,"
                        + " gateway, device, packable, readings, stored_at, senml, refused_at, reason)"
                        + " SELECT id, gateway, device, packable, readings, stored_at, senml, ?, ? FROM message"
                        + " WHERE id = ?");
                PreparedStatement delete = connection.prepareStatement("DELETE FROM message WHERE id = ?")) {
            long now = clock.getAsLong();
            for (OutboxEntry entry : refused) {
                keep.setLong(1, now);
                keep.setString(2, reason);
                keep.setLong(3, entry.id());
                keep.addBatch();
                delete.setLong(1, entry.id());
                delete.addBatch();
            }
            keep.executeBatch();
            int[] deleted = delete.executeBatch();
            connection.commit();
            for (int i = 0; i < deleted.length; i++) {
                if (deleted[i] > 0) {
                    messages--;
                    readings -= refused.get(i).readings();
                    bytes -= refused.get(i).senml().length;
                    refusedReadings += refused.get(i).readings();
                }
            }
        } catch (SQLException e) {
            rollback();
            throw new OutboxException(
                    "Could not set refused messages aside in the outbox " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public OutboxState state() {
        lock.lock();
        try (Statement statement = connection.createStatement();
                ResultSet oldest = statement.executeQuery("SELECT stored_at FROM message ORDER BY id LIMIT 1")) {
            long oldestAt = oldest.next() ? oldest.getLong(1) : 0;
            connection.commit();
            return new OutboxState(messages, readings, bytes, oldestAt, evictedReadings, refusedReadings);
        } catch (SQLException e) {
            rollback();
            throw new OutboxException("Could not read the state of the outbox " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOGGER.debug("Rolling back the outbox {} failed", file, e);
        }
    }

    /** Stores what is waiting to be appended, then closes the file. */
    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // An append that raced with close: not stored, so never acknowledged; its sensor is told to send again.
        for (Append late = appends.poll(); late != null; late = appends.poll()) {
            late.id().completeExceptionally(new OutboxException("The outbox " + file + " is closed."));
        }
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            LOGGER.warn("Closing the outbox {} failed: {}", file, e.getMessage());
        } finally {
            lock.unlock();
        }
    }
}
