package city.mycity.stream.ingest;

import city.mycity.reading.Problem;
import city.mycity.reading.Refusal;
import city.mycity.reading.Uplink;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * A refusal as the {@code refusal} table stores it, flat so that Flink serialises it without Kryo. The digest
 * (sha-256 of topic and payload) with the record index identifies it: a redelivered message is the same refusal.
 */
public record RefusalRow(
        byte[] digest,
        int recordIndex,
        String topic,
        String tenant,
        String gateway,
        String device,
        String quantity,
        String reason,
        String[] reasons,
        String[] details,
        String excerpt,
        Instant receivedAt) {

    public static RefusalRow of(Uplink uplink, Refusal refusal) {
        return new RefusalRow(
                digest(uplink),
                refusal.recordIndex(),
                refusal.topic(),
                refusal.tenant(),
                refusal.gateway(),
                refusal.device(),
                refusal.quantity(),
                refusal.primaryReason().code(),
                refusal.problems().stream().map(p -> p.reason().code()).toArray(String[]::new),
                refusal.problems().stream().map(Problem::detail).toArray(String[]::new),
                refusal.excerpt(),
                refusal.receivedAt());
    }

    /** sha-256 of the topic's UTF-8 bytes, a zero byte, and the payload. */
    public static byte[] digest(Uplink uplink) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.valueOf(uplink.topic()).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(uplink.payload());
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
