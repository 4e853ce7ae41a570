package city.mycity.codec.trafficcounter;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.codec.DeviceProfile;
import city.mycity.codec.DeviceRef;
import city.mycity.reading.RefusalReason;
import city.mycity.reading.ResolvedRecord;
import city.mycity.reading.SenmlCodec.Decoded;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficCounterCodecTest {

    private final TrafficCounterCodec codec = new TrafficCounterCodec();
    private final DeviceRef counter = new DeviceRef("demo-town", "tc-0004");

    private Decoded decode(String hex) {
        return codec.decode(
                counter,
                DeviceProfile.of(TrafficCounterCodec.NAME),
                HexFormat.of().parseHex(hex));
    }

    @Test
    void reads_the_total_the_mean_speed_and_each_lane() {
        // version 1, 2 lanes; 2023-11-14T22:13:20Z; sequence 5; 42 km/h; lanes 17 and 23
        Decoded decoded = decode("126553f10000052a00110017");

        assertThat(decoded.pack().resolve())
                .extracting(ResolvedRecord::name, ResolvedRecord::unit, ResolvedRecord::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("urn:dev:mycity:demo-town:tc-0004:count", "count", 40.0),
                        org.assertj.core.groups.Tuple.tuple("urn:dev:mycity:demo-town:tc-0004:speed", "km/h", 42.0),
                        org.assertj.core.groups.Tuple.tuple(
                                "urn:dev:mycity:demo-town:tc-0004:lane-1-count", "count", 17.0),
                        org.assertj.core.groups.Tuple.tuple(
                                "urn:dev:mycity:demo-town:tc-0004:lane-2-count", "count", 23.0));
    }

    @Test
    void an_interval_without_vehicles_has_no_speed() {
        Decoded decoded = codec.decode(
                counter,
                DeviceProfile.of(TrafficCounterCodec.NAME),
                CounterFrame.of(1_700_000_000L, 6, CounterFrame.NO_SPEED, List.of(0))
                        .toBytes());

        assertThat(decoded.pack().resolve())
                .extracting(ResolvedRecord::name)
                .containsExactly(
                        "urn:dev:mycity:demo-town:tc-0004:count", "urn:dev:mycity:demo-town:tc-0004:lane-1-count");
    }

    @Test
    void a_frame_of_eight_lanes_survives_encoding_and_decoding() {
        CounterFrame frame = CounterFrame.of(1_700_000_000L, 1, 254, List.of(1, 2, 3, 4, 5, 6, 7, 65_535));

        Decoded decoded = codec.decode(counter, DeviceProfile.of(TrafficCounterCodec.NAME), frame.toBytes());

        assertThat(decoded.pack().resolve()).hasSize(10);
        assertThat(decoded.pack().resolve().get(0).value()).isEqualTo(65_563.0);
    }

    @Test
    void refuses_a_frame_whose_length_does_not_match_its_lanes() {
        for (String hex : List.of(
                "126553f10000052a0011", // 2 lanes named, 1 sent
                "116553f10000052a00110017", // 1 lane named, 2 sent
                "106553f10000052a0011", // no lanes
                "196553f10000052a0011", // 9 lanes
                "126553f1", // truncated header
                "12" + "00".repeat(30))) { // oversized
            Decoded decoded = decode(hex);
            assertThat(decoded.reason()).as(hex).isEqualTo(RefusalReason.MALFORMED_PAYLOAD);
            assertThat(decoded.error()).as(hex).contains("bytes");
        }
    }
}
