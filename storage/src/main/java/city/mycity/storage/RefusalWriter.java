package city.mycity.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Writes what direct ingress, the edge agents and the SensorThings API refused into the refusal store, as the stream jobs write theirs: the message whole once
 * per digest ({@code refused_message}) and its reason ({@code refusal}), so that operators find it per device and
 * reason, and maintenance keeps the store bounded.
 */
public final class RefusalWriter {

    private static final int MAX_STORED_BYTES = 16 * 1024;

    private final DataSource dataSource;

    public RefusalWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records one refused message with its reason; the same bytes on the same topic are one refusal. */
    public void record(String tenant, String device, String topic, byte[] payload, String reason, String detail)
            throws SQLException {
        byte[] kept = payload.length <= MAX_STORED_BYTES ? payload : java.util.Arrays.copyOf(payload, MAX_STORED_BYTES);
        byte[] digest = digest(topic, kept);
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement message = c.prepareStatement("INSERT INTO refused_message (digest, topic, payload,"
                            + " received_at) VALUES (?, ?, ?, ?) ON CONFLICT (digest) DO NOTHING");
                    PreparedStatement refusal = c.prepareStatement("INSERT INTO refusal (digest, record_index, topic,"
                            + " tenant_id, device_id, reason, reasons, details, excerpt, received_at) VALUES (?, 0, ?,"
                            + " ?, ?, ?, ARRAY[?], ARRAY[?], ?, ?) ON CONFLICT (digest, record_index) DO NOTHING")) {
                message.setBytes(1, digest);
                message.setString(2, topic);
                message.setBytes(3, kept);
                message.setTimestamp(4, now);
                message.executeUpdate();
                refusal.setBytes(1, digest);
                refusal.setString(2, topic);
                refusal.setString(3, tenant);
                refusal.setString(4, device);
                refusal.setString(5, reason);
                refusal.setString(6, reason);
                refusal.setString(7, detail);
                refusal.setString(8, excerpt(kept));
                refusal.setTimestamp(9, now);
                refusal.executeUpdate();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static String excerpt(byte[] payload) {
        String text = new String(payload, 0, Math.min(payload.length, 200), StandardCharsets.UTF_8);
        return text.replace('\u0000', ' ');
    }

    private static byte[] digest(String topic, byte[] payload) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(topic.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(payload);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
