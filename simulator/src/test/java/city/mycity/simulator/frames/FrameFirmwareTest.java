package city.mycity.simulator.frames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import city.mycity.citymodel.Sensor;
import city.mycity.codec.DeviceProfile;
import city.mycity.codec.ultrasonic.UltrasonicBinCodec;
import city.mycity.reading.ResolvedRecord;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.SensorKind;
import city.mycity.simulator.TestCity;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FrameFirmwareTest {

    private static final long NINE_AM = 1_741_078_800_123L;

    @Test
    void a_puck_sends_its_bay_state_with_its_battery_and_the_road_temperature() {
        Map<String, ResolvedRecord> read = read(sensorOf(SensorKind.PARKING_BAY), 17, new double[] {1});

        assertThat(read.get("occupied").value()).isEqualTo(1);
        assertThat(read.get("battery").value()).isBetween(55.0, 100.0);
        assertThat(read.get("temperature").value()).isBetween(6.0, 18.0);
    }

    @Test
    void a_bin_sensor_measures_the_distance_that_its_profiles_depth_turns_back_into_the_fill() {
        Sensor bin = sensorOf(SensorKind.BIN);
        double depth = VendorProfiles.of(bin).number(UltrasonicBinCodec.DEPTH).orElseThrow();

        Map<String, ResolvedRecord> read = read(bin, 3, new double[] {63.4, 14.6});

        assertThat(read.get("fill").value()).isCloseTo(63.4, within(100 / depth + 0.05));
        assertThat(read.get("temperature").value()).isEqualTo(15);
        assertThat(read).containsKey("battery");
    }

    @Test
    void a_water_logger_adds_the_noise_of_the_flow() {
        Map<String, ResolvedRecord> quiet = read(sensorOf(SensorKind.WATER), 1, new double[] {0.5, 3.21});
        Map<String, ResolvedRecord> busy = read(sensorOf(SensorKind.WATER), 2, new double[] {840.3, 2.98});

        assertThat(busy.get("flow").value()).isEqualTo(840.3);
        assertThat(busy.get("pressure").value()).isEqualTo(2.98);
        assertThat(busy.get("noise").value()).isGreaterThan(quiet.get("noise").value());
    }

    @Test
    void a_counter_shares_its_count_between_its_lanes_and_rounds_the_speed() {
        Map<String, ResolvedRecord> read = read(sensorOf(SensorKind.TRAFFIC_COUNTER), 9, new double[] {101, 47.6});

        assertThat(read.get("count").value()).isEqualTo(101);
        assertThat(read.get("speed").value()).isEqualTo(48);
        double lanes = read.entrySet().stream()
                .filter(e -> e.getKey().startsWith("lane-"))
                .mapToDouble(e -> e.getValue().value())
                .sum();
        assertThat(lanes).isEqualTo(101);
        assertThat(read.keySet()).contains("lane-1-count", "lane-2-count");
    }

    @Test
    void a_frame_keeps_the_time_to_the_second_and_the_sequence_modulo_65536() {
        FrameFirmware firmware = firmwareOf(sensorOf(SensorKind.PARKING_BAY));

        SenmlPack pack = firmware.read(firmware.frame(65_537, NINE_AM, new double[] {0}));

        ResolvedRecord record = pack.resolve().get(0);
        assertThat(record.time()).isEqualTo((NINE_AM / 1000) * 1.0);
        assertThat(record.sequence()).isEqualTo(1L);
    }

    @Test
    void two_measurements_within_one_second_go_in_frames_a_second_apart() {
        FrameFirmware firmware = firmwareOf(sensorOf(SensorKind.PARKING_BAY));

        double first = firmware.read(firmware.frame(1, NINE_AM, new double[] {1}))
                .resolve()
                .get(0)
                .time();
        double second = firmware.read(firmware.frame(2, NINE_AM + 300, new double[] {0}))
                .resolve()
                .get(0)
                .time();

        assertThat(second).isEqualTo(first + 1);
    }

    @Test
    void a_profile_for_another_kind_of_sensor_is_refused() {
        Sensor bay = sensorOf(SensorKind.PARKING_BAY);

        assertThatThrownBy(() -> new FrameFirmware("test-town", bay, VendorProfiles.of(sensorOf(SensorKind.BIN)), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parking-bay");
        assertThatThrownBy(() -> new FrameFirmware("test-town", bay, DeviceProfile.of("no-such-codec"), 1))
                .hasMessageContaining("no-such-codec");
    }

    @Test
    void every_sensor_of_a_city_has_a_profile_and_bins_have_standard_depths() {
        var profiles = VendorProfiles.of(TestCity.small());

        assertThat(profiles.asMap()).hasSize(TestCity.small().sensors().size());
        TestCity.small().sensors().stream()
                .filter(s -> s.kind() == SensorKind.BIN)
                .forEach(bin -> assertThat(profiles.of(bin.id())
                                .orElseThrow()
                                .number(UltrasonicBinCodec.DEPTH)
                                .orElseThrow())
                        .isBetween(800.0, 1400.0));
    }

    private static Map<String, ResolvedRecord> read(Sensor sensor, long sequence, double[] values) {
        FrameFirmware firmware = firmwareOf(sensor);
        return firmware.read(firmware.frame(sequence, NINE_AM, values)).resolve().stream()
                .collect(Collectors.toMap(r -> r.name().substring(r.name().lastIndexOf(':') + 1), Function.identity()));
    }

    private static FrameFirmware firmwareOf(Sensor sensor) {
        return new FrameFirmware("test-town", sensor, VendorProfiles.of(sensor), 7);
    }

    private static Sensor sensorOf(SensorKind kind) {
        return TestCity.small().sensors().stream()
                .filter(s -> s.kind() == kind)
                .findFirst()
                .orElseThrow();
    }
}
