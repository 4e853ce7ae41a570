package city.mycity.codec;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.codec.puck.PuckFrame;
import city.mycity.codec.trafficcounter.CounterFrame;
import city.mycity.codec.ultrasonic.BinFrame;
import city.mycity.codec.waterlogger.WaterFrame;
import city.mycity.reading.DeviceAddress;
import city.mycity.reading.DeviceDirectory;
import city.mycity.reading.DeviceInfo;
import city.mycity.reading.ReadingValidator;
import city.mycity.reading.RefusalReason;
import city.mycity.reading.SenmlCodec;
import city.mycity.reading.SenmlCodec.Decoded;
import city.mycity.reading.Uplink;
import city.mycity.reading.UplinkTopic;
import city.mycity.reading.Validation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every vendor codec promises: garbage is refused, never thrown; what it decodes, the platform accepts. */
class FrameCodecsTest {

    private static final String TENANT = "demo-town";
    private static final String GATEWAY = "gw-1";
    private static final long NOW = 1_700_000_000L;
    private static final Map<String, DeviceProfile> PROFILES = Map.of(
            "parking-puck", DeviceProfile.of("parking-puck"),
            "ultrasonic-bin", DeviceProfile.parse("ultrasonic-bin depth-mm=1100"),
            "water-logger", DeviceProfile.of("water-logger"),
            "traffic-counter", DeviceProfile.of("traffic-counter"));
    private static final Map<String, byte[]> SAMPLES = Map.of(
            "parking-puck", PuckFrame.of(true, NOW, 1, 80, 21).toBytes(),
            "ultrasonic-bin", BinFrame.of(NOW, 2, 450, 55, 14).toBytes(),
            "water-logger", WaterFrame.of(NOW, 3, 312.4, 3.1, 38).toBytes(),
            "traffic-counter", CounterFrame.of(NOW, 4, 47, List.of(12, 19, 3)).toBytes());

    private final FrameCodecs codecs = FrameCodecs.defaults();

    @ParameterizedTest
    @ValueSource(strings = {"parking-puck", "ultrasonic-bin", "water-logger", "traffic-counter"})
    void random_bytes_are_refused_with_a_reason_and_never_throw(String name) {
        FrameCodec codec = codecs.find(name).orElseThrow();
        DeviceRef device = new DeviceRef(TENANT, "dev-1");
        SplittableRandom random = new SplittableRandom(name.hashCode());
        for (int i = 0; i < 20_000; i++) {
            byte[] garbage = new byte[random.nextInt(40)];
            random.nextBytes(garbage);
            Decoded decoded = codec.decode(device, PROFILES.get(name), garbage);
            if (!decoded.isOk()) {
                assertThat(decoded.reason()).isEqualTo(RefusalReason.MALFORMED_PAYLOAD);
                assertThat(decoded.error()).isNotBlank();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"parking-puck", "ultrasonic-bin", "water-logger", "traffic-counter"})
    void what_a_codec_decodes_the_platform_accepts_in_full(String name) {
        FrameCodec codec = codecs.find(name).orElseThrow();
        String device = "dev-" + codec.kind().code();
        ReadingValidator validator = ReadingValidator.builder(DeviceDirectory.of(List.of(
                        new DeviceInfo(TENANT, device, GATEWAY, codec.kind().code(), "z-1", null, 52.48, -1.89))))
                .build();

        Decoded decoded = codec.decode(new DeviceRef(TENANT, device), PROFILES.get(name), SAMPLES.get(name));
        Validation validation = validator.validate(new Uplink(
                UplinkTopic.of(new DeviceAddress(TENANT, GATEWAY, device)),
                SenmlCodec.json().encode(decoded.pack()),
                Instant.ofEpochSecond(NOW)));

        assertThat(validation.refused()).isEmpty();
        assertThat(validation.accepted()).hasSize(decoded.pack().records().size());
    }
}
