package city.mycity.storage;

import city.mycity.settings.Setting;
import city.mycity.settings.Settings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Deletes the contact details people left with a problem report (Open311) once they are older than {@code keep}: the
 * report itself stays published, who made it does not stay. Run by storage maintenance.
 *
 * @param keep how long contact details are kept
 */
public record ContactRetention(Duration keep) {

    public static final Setting<Duration> KEEP = Setting.duration(
            "mycity.storage.keep-report-contacts",
            "how long the contact details of a person who reported a problem are kept (then deleted; the report stays)",
            Duration.ofDays(90));

    public static final List<Setting<?>> ALL = List.of(KEEP);

    public ContactRetention {
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("Contact details must be kept for a positive time (" + KEEP.key()
                    + "): they are personal data and may not be kept for ever.");
        }
    }

    public static ContactRetention from(Settings settings) {
        return new ContactRetention(settings.get(KEEP));
    }

    public static ContactRetention defaults() {
        return from(Settings.of(java.util.Map.of()));
    }

    /** Deletes the contact details older than the retention, in the connection's transaction; how many. */
    public long apply(Connection c, Instant now) throws SQLException {
        try (PreparedStatement delete =
                c.prepareStatement("DELETE FROM service_request_contact WHERE created_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(now.minus(keep)));
            return delete.executeUpdate();
        }
    }
}
