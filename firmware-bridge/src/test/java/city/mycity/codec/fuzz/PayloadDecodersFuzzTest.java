package city.mycity.codec.fuzz;

import static city.mycity.reading.fuzz.Outcomes.assertDecodedOrRefused;
import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.codec.ContentFormats;
import city.mycity.codec.DeviceProfile;
import city.mycity.codec.DeviceProfiles;
import city.mycity.codec.DeviceRef;
import city.mycity.codec.PayloadDecoders;
import city.mycity.reading.RefusalReason;
import city.mycity.reading.SenmlCodec;
import city.mycity.reading.SenmlCodec.Decoded;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.SensorKind;
import city.mycity.reading.fuzz.Fuzz;
import city.mycity.reading.fuzz.Gen;
import city.mycity.reading.fuzz.Mutations;
import city.mycity.reading.fuzz.SenmlJson;
import city.mycity.reading.fuzz.SenmlJson.Target;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dispatching decoder, which reads every payload a gateway receives, on payloads of every format. */
class PayloadDecodersFuzzTest {

    private static final String TENANT = "demo-town";

    private static final Map<String, DeviceProfile> PROFILES = Map.of(
            "puck-0001", DeviceProfile.of("parking-puck"),
            "bin-0001", Frames.binProfile("1100"),
            "bin-0002", Frames.binProfile("NaN"),
            "water-0001", DeviceProfile.of("water-logger"),
            "tc-0001", DeviceProfile.of("traffic-counter"));

    private static final PayloadDecoders DECODERS = PayloadDecoders.withProfiles(DeviceProfiles.of(PROFILES));

    /** What {@link PayloadDecoders} says when a decoder threw, which no decoder may do. */
    private static final Pattern SAFETY_NET = Pattern.compile("^\\w+ failed: ");

    private record Input(String device, int contentFormat, byte[] payload) {
        @Override
        public String toString() {
            return device + ", format " + contentFormat + ": " + (payload == null ? "null" : Fuzz.show(payload));
        }
    }

    private static Gen<Input> inputs() {
        List<String> devices = List.of("puck-0001", "bin-0001", "bin-0002", "water-0001", "tc-0001", "unknown-0001");
        List<Target> targets = devices.stream()
                .map(d -> new Target(SenmlPack.baseNameOf(TENANT, d), SensorKind.BIN))
                .toList();
        Gen<byte[]> frames = Gen.oneOf(
                Frames.bay().map(Frames.Sent::bytes),
                Frames.puck().map(Frames.Sent::bytes),
                Frames.bin().map(Frames.Sent::bytes),
                Frames.water().map(Frames.Sent::bytes),
                Frames.counter().map(Frames.Sent::bytes));
        Gen<byte[]> payloads = Gen.oneOf(
                Mutations.maybeMutated(frames, List.of(), 64),
                Mutations.maybeMutated(
                        Gen.utf8(SenmlJson.devicePacks(targets, Frames.NOW, 20)), Mutations.JSON_TOKENS, 16_384),
                Gen.bytes(300),
                Gen.constant(null));
        Gen<Integer> formats = Gen.oneOf(
                Gen.pick(
                        ContentFormats.OCTET_STREAM,
                        ContentFormats.JSON,
                        ContentFormats.SENML_JSON,
                        ContentFormats.BAY_FRAME),
                Gen.ints(Integer.MIN_VALUE, Integer.MAX_VALUE));
        return random ->
                new Input(devices.get(random.nextInt(devices.size())), formats.next(random), payloads.next(random));
    }

    @Test
    void every_payload_of_every_content_format_is_decoded_or_refused_by_its_decoder_not_by_the_safety_net() {
        SenmlCodec senml = SenmlCodec.json();
        Fuzz.forAll(inputs()).check(input -> {
            Decoded decoded =
                    DECODERS.decode(new DeviceRef(TENANT, input.device()), input.contentFormat(), input.payload());

            assertDecodedOrRefused(decoded);
            if (!decoded.isOk()) {
                assertThat(decoded.error()).doesNotContainPattern(SAFETY_NET);
            }
            if (!DECODERS.supports(input.contentFormat())) {
                assertThat(decoded.reason()).isEqualTo(RefusalReason.MALFORMED_PAYLOAD);
            } else if (ContentFormats.isSenmlJson(input.contentFormat())) {
                assertThat(decoded).isEqualTo(senml.decode(input.payload()));
            } else if (input.contentFormat() == ContentFormats.OCTET_STREAM && !PROFILES.containsKey(input.device())) {
                assertThat(decoded.reason()).isEqualTo(RefusalReason.UNKNOWN_DEVICE);
            }
        });
    }
}
