package city.mycity.reading.fuzz;

import static city.mycity.reading.fuzz.Outcomes.assertDecodedOrRefused;

import city.mycity.reading.SenmlCodec;
import city.mycity.reading.SenmlCodec.Decoded;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.SensorKind;
import city.mycity.reading.fuzz.SenmlJson.Target;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SenML JSON codec, which reads every payload that reaches the platform, on bytes of every kind. */
class SenmlPacksFuzzTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final int MAX_BYTES = 64 * 1024;

    static final List<Target> TARGETS = Arrays.stream(SensorKind.values())
            .map(kind -> new Target(SenmlPack.baseNameOf("demo-town", "dev-" + kind.code()), kind))
            .toList();

    private final SenmlCodec codec = SenmlCodec.json();

    /** Packs as devices and gateways send them, some with a wrong field here and there. */
    static Gen<byte[]> packs() {
        return Gen.utf8(Gen.oneOf(
                SenmlJson.devicePacks(TARGETS, NOW, 40),
                SenmlJson.devicePacks(TARGETS, NOW, 6),
                SenmlJson.gatewayPacks(TARGETS, NOW, 40),
                SenmlJson.gatewayPacks(TARGETS, NOW, 6)));
    }

    /** Packs as they come in: right, wrong in a field, broken in their bytes, or not packs at all. */
    static Gen<byte[]> payloads() {
        return Gen.oneOf(
                packs(),
                Mutations.mutated(packs(), Mutations.JSON_TOKENS, MAX_BYTES),
                Gen.utf8(SenmlJson.notPacks()),
                Gen.bytes(600));
    }

    @Test
    void every_byte_string_is_decoded_or_refused_with_a_reason() {
        Fuzz.forAll(Gen.bytes(1_024)).check(payload -> assertDecodedOrRefused(codec.decode(payload)));
    }

    @Test
    void every_pack_broken_in_its_bytes_is_decoded_or_refused_with_a_reason() {
        Fuzz.forAll(Mutations.mutated(packs(), Mutations.JSON_TOKENS, MAX_BYTES))
                .check(payload -> assertDecodedOrRefused(codec.decode(payload)));
    }

    @Test
    void every_pack_with_odd_fields_or_odd_json_is_decoded_or_refused_with_a_reason() {
        Fuzz.forAll(Gen.oneOf(packs(), Gen.utf8(SenmlJson.notPacks())))
                .check(payload -> assertDecodedOrRefused(codec.decode(payload)));
    }

    @Test
    void an_accepted_pack_holds_exactly_what_its_json_says() {
        Fuzz.forAll(payloads()).check(payload -> {
            Decoded decoded = codec.decode(payload);
            assertDecodedOrRefused(decoded);
            if (decoded.isOk()) {
                Outcomes.assertSaysWhatItsJsonSays(payload, decoded.pack());
            }
        });
    }

    @Test
    void an_accepted_pack_reads_the_same_when_written_again_alone_or_in_a_gateway_pack() {
        Fuzz.forAll(payloads()).check(payload -> {
            Decoded decoded = codec.decode(payload);
            assertDecodedOrRefused(decoded);
            if (decoded.isOk()) {
                Outcomes.assertSurvivesEncoding(codec, decoded.pack());
            }
        });
    }
}
