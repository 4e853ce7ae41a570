package city.mycity.edge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.mycity.reading.SensorKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GatewayConfigParserTest {

    private final GatewayConfigParser parser = new GatewayConfigParser(
            device -> device.startsWith("bin-") ? Optional.of(SensorKind.BIN) : Optional.empty(),
            Set.of("bin-00017", "bin-00018", "bay-00001"));

    private GatewayConfig parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private void assertRefused(String json, String reason) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(ConfigRefusedException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void the_most_specific_entry_wins_for_each_sensor() {
        GatewayConfig config = parse("""
                {"version": 3,
                 "sensors": {"interval": "PT10M"},
                 "kinds": {"bin": {"interval": "PT15M", "thresholds": {"fill": 80}}},
                 "devices": {"bin-00017": {"interval": "PT1M", "thresholds": {"temperature": 60}}}}
                """);

        assertThat(config.version()).isEqualTo(3);
        assertThat(config.settingsFor("bin-00017", "bin"))
                .isEqualTo(new SensorSettings(Duration.ofMinutes(1), Map.of("fill", 80.0, "temperature", 60.0)));
        assertThat(config.settingsFor("bin-00018", "bin"))
                .isEqualTo(new SensorSettings(Duration.ofMinutes(15), Map.of("fill", 80.0)));
        assertThat(config.settingsFor("bay-00001", null))
                .isEqualTo(new SensorSettings(Duration.ofMinutes(10), Map.of()));
    }

    @Test
    void without_entries_every_sensor_keeps_the_defaults() {
        assertThat(parse("{\"version\": 1}").settingsFor("bay-00001", "parking-bay"))
                .isEqualTo(SensorSettings.DEFAULT);
    }

    @Test
    void refuses_what_is_not_a_versioned_json_object() {
        assertRefused("{\"version\": ", "not JSON");
        assertRefused("[1, 2]", "a JSON object");
        assertRefused("{\"sensors\": {}}", "'version' must be a whole number");
        assertRefused("{\"version\": 0}", "'version' must be a whole number from 1");
        assertRefused("{\"version\": 1.5}", "'version' must be a whole number");
    }

    @Test
    void refuses_unknown_fields_so_that_a_typo_is_not_ignored() {
        assertRefused("{\"version\": 2, \"sensor\": {}}", "unknown field 'sensor'");
        assertRefused("{\"version\": 2, \"sensors\": {\"intervall\": \"PT1M\"}}", "unknown field 'intervall'");
    }

    @Test
    void refuses_intervals_that_are_not_durations_from_ten_seconds_to_a_day() {
        assertRefused("{\"version\": 2, \"sensors\": {\"interval\": 60}}", "ISO-8601 duration");
        assertRefused("{\"version\": 2, \"sensors\": {\"interval\": \"1 minute\"}}", "ISO-8601 duration");
        assertRefused("{\"version\": 2, \"sensors\": {\"interval\": \"PT5S\"}}", "from 10 s to a day");
        assertRefused("{\"version\": 2, \"sensors\": {\"interval\": \"P2D\"}}", "from 10 s to a day");
    }

    @Test
    void refuses_thresholds_of_quantities_the_sensor_does_not_have_or_out_of_their_range() {
        assertRefused(
                "{\"version\": 2, \"kinds\": {\"bin\": {\"thresholds\": {\"occupied\": 1}}}}",
                "kinds.bin.thresholds.occupied: 'occupied' is not a quantity of a bin sensor");
        assertRefused(
                "{\"version\": 2, \"kinds\": {\"bin\": {\"thresholds\": {\"fill\": 140}}}}",
                "kinds.bin.thresholds.fill must be a number from 0.0 to 100.0 %");
        assertRefused(
                "{\"version\": 2, \"devices\": {\"bin-00017\": {\"thresholds\": {\"flow\": 10}}}}",
                "not a quantity of a bin sensor");
        assertRefused(
                "{\"version\": 2, \"sensors\": {\"thresholds\": {\"sparkle\": 1}}}",
                "not a quantity of any sensor kind");
    }

    @Test
    void refuses_kinds_and_devices_the_gateway_does_not_have() {
        assertRefused("{\"version\": 2, \"kinds\": {\"lamp\": {}}}", "'lamp' is not a sensor kind");
        assertRefused("{\"version\": 2, \"devices\": {\"bin-99999\": {}}}", "not one of this gateway's sensors");
        assertRefused("{\"version\": 2, \"devices\": {\"no spaces\": {}}}", "not a valid device id");
    }
}
