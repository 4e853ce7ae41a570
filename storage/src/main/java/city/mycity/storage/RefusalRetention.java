package city.mycity.storage;

import city.mycity.settings.Setting;
import city.mycity.settings.Settings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Keeps the refusal store bounded: refusals and refused messages older than {@code keep} are deleted, then the oldest
 * beyond {@code maxMessages} messages (with their refusals), so that a flood of bad input can neither fill the disk
 * nor slow the operators' queries. Run by storage maintenance.
 *
 * @param keep how long refusals are kept; zero for ever
 * @param maxMessages the most refused messages kept
 */
public record RefusalRetention(Duration keep, long maxMessages) {

    public static final Setting<Duration> KEEP = Setting.duration(
            "mycity.storage.keep-refusals",
            "how long refused messages and their reasons are kept; 0 keeps them until the store is full",
            Duration.ofDays(30));
    public static final Setting<Long> MAX_MESSAGES = Setting.longValue(
            "mycity.storage.max-refused-messages",
            "the most refused messages kept: beyond it the oldest are deleted with their reasons",
            1_000_000L,
            "messages");

    public static final List<Setting<?>> ALL = List.of(KEEP, MAX_MESSAGES);

    public RefusalRetention {
        if (keep.isNegative()) {
            throw new IllegalArgumentException("Refusals must be kept 0 or more (" + KEEP.key() + ").");
        }
        if (maxMessages < 1) {
            throw new IllegalArgumentException(
                    "At least 1 refused message must be kept (" + MAX_MESSAGES.key() + "), was " + maxMessages + ".");
        }
    }

    public static RefusalRetention from(Settings settings) {
        return new RefusalRetention(settings.get(KEEP), settings.get(MAX_MESSAGES));
    }

    public static RefusalRetention defaults() {
        return from(Settings.of(java.util.Map.of()));
    }

    /** Deletes what is past the bounds, in the connection's transaction; the messages deleted. */
    public long apply(Connection c, Instant now) throws SQLException {
        Instant cutoff = keep.isZero() ? null : now.minus(keep);
        Instant oldestKept = oldestKept(c);
        if (oldestKept != null && (cutoff == null || oldestKept.isAfter(cutoff))) {
            cutoff = oldestKept;
        }
        if (cutoff == null) {
            return 0;
        }
        try (PreparedStatement refusals = c.prepareStatement("DELETE FROM refusal WHERE received_at < ?");
                PreparedStatement messages = c.prepareStatement("DELETE FROM refused_message WHERE received_at < ?")) {
            refusals.setTimestamp(1, Timestamp.from(cutoff));
            refusals.executeUpdate();
            messages.setTimestamp(1, Timestamp.from(cutoff));
            return messages.executeUpdate();
        }
    }

    /** The receiving time of the oldest message within the cap, or {@code null} when there are fewer. */
    private Instant oldestKept(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT received_at FROM refused_message ORDER BY received_at DESC OFFSET ? LIMIT 1")) {
            st.setLong(1, maxMessages - 1);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getTimestamp(1).toInstant() : null;
            }
        }
    }
}
