package city.mycity.stream.ingest;

import city.mycity.reading.Problem;
import city.mycity.reading.Refusal;
import city.mycity.reading.Uplink;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;

/**
 * A refusal as the {@code refusal} table stores it, with the message whole (up to {@link #PAYLOAD_BYTES}) for {@code
 * refused_message}, so that an operator can re-inject it after a fix; flat, so that Flink serialises it without Kryo.
 * The digest (sha-256 of topic and payload) with the record index identifies it: a redelivered message is the same
 * refusal.
 *
 * <p>Most of a refusal is what a device sent (a record name, a topic, an excerpt), so {@link #of} cleans every text
 * once: no NUL or other control character (PostgreSQL text cannot hold NUL, and a row the sink cannot store would
 * stop the pipeline), and bounded lengths.
 *
 * @param deviceTime the refused record's device time, {@code null} when unknown (not stored: for the analytics that
 *     watch refusals)
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
        Instant receivedAt,
        Instant deviceTime,
        byte[] payload) {

    /** The most characters kept of a topic, of an identifier, name or reason, of a detail, and of the excerpt. */
    static final int TOPIC_CHARS = 256;

    static final int NAME_CHARS = 128;
    static final int DETAIL_CHARS = 500;
    static final int EXCERPT_CHARS = 256;
    /** The most bytes of a refused message kept: the largest message the validator accepts (a gateway pack). */
    public static final int PAYLOAD_BYTES = 256 * 1024;

    public static RefusalRow of(Uplink uplink, Refusal refusal) {
        return of(uplink, refusal, digest(uplink));
    }

    /** As {@link #of(Uplink, Refusal)}, with the message's {@link #digest} computed once for all its refusals. */
    public static RefusalRow of(Uplink uplink, Refusal refusal, byte[] digest) {
        return new RefusalRow(
                digest,
                refusal.recordIndex(),
                orEmpty(SafeText.clean(refusal.topic(), TOPIC_CHARS)),
                SafeText.clean(refusal.tenant(), NAME_CHARS),
                SafeText.clean(refusal.gateway(), NAME_CHARS),
                SafeText.clean(refusal.device(), NAME_CHARS),
                SafeText.clean(refusal.quantity(), NAME_CHARS),
                SafeText.clean(refusal.primaryReason().code(), NAME_CHARS),
                SafeText.clean(
                        refusal.problems().stream().map(p -> p.reason().code()).toArray(String[]::new), NAME_CHARS),
                SafeText.clean(refusal.problems().stream().map(Problem::detail).toArray(String[]::new), DETAIL_CHARS),
                orEmpty(SafeText.clean(refusal.excerpt(), EXCERPT_CHARS)),
                refusal.receivedAt() == null ? Instant.now() : refusal.receivedAt(),
                refusal.time(),
                kept(uplink.payload()));
    }

    private static byte[] kept(byte[] payload) {
        if (payload == null) {
            return new byte[0];
        }
        return payload.length <= PAYLOAD_BYTES ? payload : Arrays.copyOf(payload, PAYLOAD_BYTES);
    }

    /** sha-256 of the topic's UTF-8 bytes, a zero byte, and the payload (none counts as empty). */
    public static byte[] digest(Uplink uplink) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.valueOf(uplink.topic()).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            if (uplink.payload() != null) {
                sha.update(uplink.payload());
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
