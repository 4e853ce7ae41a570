package city.mycity.reading.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.reading.DeviceDirectory;
import city.mycity.reading.DeviceInfo;
import city.mycity.reading.Identifiers;
import city.mycity.reading.Problem;
import city.mycity.reading.Quantity;
import city.mycity.reading.Reading;
import city.mycity.reading.Refusal;
import city.mycity.reading.SenmlCodec;
import city.mycity.reading.SenmlCodec.Decoded;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.SenmlRecord;
import city.mycity.reading.Uplink;
import city.mycity.reading.Validation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What every outcome on the ingress path must be: accepted with sound values, or refused with a reason. */
public final class Outcomes {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** SenML times below 2^28 s are relative (RFC 8428, section 4.5.3). */
    private static final double RELATIVE_TIME_LIMIT = 268_435_456d;

    private static final Map<String, Function<SenmlRecord, Object>> FIELDS = Map.ofEntries(
            Map.entry("bn", SenmlRecord::baseName),
            Map.entry("bt", SenmlRecord::baseTime),
            Map.entry("bu", SenmlRecord::baseUnit),
            Map.entry("bv", SenmlRecord::baseValue),
            Map.entry("bver", SenmlRecord::baseVersion),
            Map.entry("n", SenmlRecord::name),
            Map.entry("u", SenmlRecord::unit),
            Map.entry("v", SenmlRecord::value),
            Map.entry("vs", SenmlRecord::stringValue),
            Map.entry("vb", SenmlRecord::booleanValue),
            Map.entry("vd", SenmlRecord::dataValue),
            Map.entry("s", SenmlRecord::sum),
            Map.entry("t", SenmlRecord::time),
            Map.entry("seq", SenmlRecord::sequence));

    private Outcomes() {}

    /** A pack with at least one record, or the reason and a sentence why not: never both, never neither. */
    public static void assertDecodedOrRefused(Decoded decoded) {
        assertThat(decoded).isNotNull();
        Fuzz.collect(
                decoded.isOk()
                        ? "decoded"
                        : decoded.reason() == null
                                ? "no reason"
                                : decoded.reason().code());
        if (decoded.isOk()) {
            assertThat(decoded.reason()).isNull();
            assertThat(decoded.error()).isNull();
            assertThat(decoded.pack().records()).isNotEmpty();
        } else {
            assertThat(decoded.pack()).isNull();
            assertThat(decoded.reason()).isNotNull();
            assertThat(decoded.error()).isNotBlank();
        }
    }

    /**
     * An accepted pack holds exactly what its JSON says: each field of each record, numbers finite and whole numbers
     * not cut to fit (as Jackson reads the same bytes on its own).
     */
    public static void assertSaysWhatItsJsonSays(byte[] payload, SenmlPack pack) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(root.size()).isEqualTo(pack.records().size());
        for (int i = 0; i < root.size(); i++) {
            SenmlRecord record = pack.records().get(i);
            JsonNode node = root.get(i);
            for (Map.Entry<String, Function<SenmlRecord, Object>> field : FIELDS.entrySet()) {
                JsonNode sent = node.get(field.getKey());
                Object read = field.getValue().apply(record);
                String what = "record " + i + " field " + field.getKey();
                if (sent == null) {
                    assertThat(read).as(what).isNull();
                } else if (read instanceof Double d) {
                    assertThat(d).as(what).isEqualTo(sent.doubleValue());
                } else if (read instanceof Long || read instanceof Integer) {
                    assertThat(BigInteger.valueOf(((Number) read).longValue()))
                            .as(what + " is the whole number sent, not cut to fit")
                            .isEqualTo(sent.bigIntegerValue());
                } else if (read instanceof Boolean b) {
                    assertThat(b).as(what).isEqualTo(sent.booleanValue());
                } else {
                    assertThat(read).as(what).isEqualTo(sent.textValue());
                }
            }
        }
    }

    /**
     * An accepted pack, written again (as a gateway writes what it forwards), reads back as the same pack; so does its
     * self-contained form (as an edge agent joins it into a gateway pack). A number that is not finite (JSON has none)
     * reads back as one that is not finite either, which the validator refuses for the same reason.
     */
    public static void assertSurvivesEncoding(SenmlCodec codec, SenmlPack pack) {
        Decoded again = codec.decode(codec.encode(pack));
        assertThat(again.isOk())
                .as("written again, the pack is read: %s", again.error())
                .isTrue();
        assertSameNumbers(pack.records(), again.pack().records());
        SenmlPack selfContained = pack.selfContained();
        Decoded joined = codec.decode(codec.encode(selfContained));
        assertThat(joined.isOk())
                .as("self-contained, the pack is read: %s", joined.error())
                .isTrue();
        assertSameNumbers(selfContained.records(), joined.pack().records());
    }

    private static void assertSameNumbers(List<SenmlRecord> expected, List<SenmlRecord> actual) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            SenmlRecord e = expected.get(i);
            SenmlRecord a = actual.get(i);
            assertThat(a.baseName()).isEqualTo(e.baseName());
            assertThat(a.name()).isEqualTo(e.name());
            assertThat(a.unit()).isEqualTo(e.unit());
            assertThat(a.sequence()).isEqualTo(e.sequence());
            for (Function<SenmlRecord, Double> number : List.<Function<SenmlRecord, Double>>of(
                    SenmlRecord::baseTime,
                    SenmlRecord::baseValue,
                    SenmlRecord::value,
                    SenmlRecord::sum,
                    SenmlRecord::time)) {
                Double x = number.apply(e);
                Double y = number.apply(a);
                assertThat(y == null ? x == null : x != null && sameNumber(x, y))
                        .as("record %d: %s read back as %s", i, x, y)
                        .isTrue();
            }
        }
    }

    /** Equal, -0 and 0 alike; or both not finite (NaN can only be written as a number past the largest double). */
    private static boolean sameNumber(double x, double y) {
        return x == y
                || !Double.isFinite(x) && !Double.isFinite(y) && (Double.isNaN(x) || Math.signum(x) == Math.signum(y));
    }

    /**
     * Every reading of the message is accepted, with a value its quantity accepts, in its unit, from a device
     * registered behind the topic's gateway, dated no later than the skew allows; or refused, with at least one reason
     * and a sentence for each, and an excerpt of the payload safe to show.
     */
    public static void assertAcceptedOrRefusedWithReasons(
            Validation validation, Uplink uplink, DeviceDirectory directory, Duration maxFutureSkew) {
        assertThat(validation).isNotNull();
        assertThat(validation.readingCount())
                .as("a message counts for a reading at least")
                .isPositive();
        validation.accepted().forEach(r -> Fuzz.collect("accepted"));
        validation.refused().forEach(r -> Fuzz.collect(r.primaryReason().code()));
        for (Reading r : validation.accepted()) {
            assertThat(Identifiers.isValid(r.tenant())
                            && Identifiers.isValid(r.gateway())
                            && Identifiers.isValid(r.device()))
                    .as("identifiers of %s", r)
                    .isTrue();
            DeviceInfo device = directory.find(r.tenant(), r.device()).orElseThrow();
            assertThat(device.gateway()).isEqualTo(r.gateway());
            assertThat(r.kind().code()).isEqualTo(device.kind());
            Quantity quantity = r.kind().quantity(r.quantity()).orElseThrow();
            assertThat(Double.isFinite(r.value()) && quantity.accepts(r.value()))
                    .as("value of %s", r)
                    .isTrue();
            assertThat(r.unit()).isEqualTo(quantity.unit());
            assertThat(r.time()).isNotNull();
            assertThat(r.time().getEpochSecond()).isGreaterThanOrEqualTo((long) RELATIVE_TIME_LIMIT);
            assertThat(r.time()).isBeforeOrEqualTo(uplink.receivedAt().plus(maxFutureSkew));
            assertThat(r.receivedAt()).isEqualTo(uplink.receivedAt());
        }
        for (Refusal refusal : validation.refused()) {
            assertThat(refusal.problems()).isNotEmpty();
            for (Problem problem : refusal.problems()) {
                assertThat(problem.reason()).isNotNull();
                assertThat(problem.detail()).isNotBlank();
            }
            assertThat(refusal.primaryReason()).isNotNull();
            assertThat(refusal.recordIndex()).isGreaterThanOrEqualTo(-1);
            assertThat(refusal.topic()).isEqualTo(uplink.topic());
            assertThat(refusal.excerpt()).isNotNull();
            assertThat(refusal.excerpt().codePoints().count()).isLessThanOrEqualTo(200);
            assertThat(refusal.excerpt().codePoints().noneMatch(Character::isISOControl))
                    .as("the excerpt has no control characters")
                    .isTrue();
        }
    }
}
