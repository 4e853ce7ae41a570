package city.mycity.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static final Setting<String> URL = Setting.string("mycity.test.mqtt-url", "The broker URL.", null);
    private static final Setting<Integer> PORT = Setting.integer("mycity.test.port", "The port.", 5683, "port");
    private static final Setting<String> PASSWORD = Setting.secret("mycity.test.password", "The password.");
    private static final Setting<Duration> TIMEOUT =
            Setting.duration("mycity.test.timeout", "How long to wait.", Duration.ofSeconds(2));

    @Test
    void maps_a_key_to_an_environment_variable_in_upper_case_with_underscores() {
        assertThat(URL.environmentVariable()).isEqualTo("MYCITY_TEST_MQTT_URL");
        assertThat(Setting.string("mycity.coap.port", "", null).environmentVariable())
                .isEqualTo("MYCITY_COAP_PORT");
    }

    @Test
    void reads_a_value_from_the_environment_variable() {
        Settings settings = Settings.fromEnvironment(
                Map.of("MYCITY_TEST_MQTT_URL", "tcp://broker:1883", "MYCITY_TEST_PORT", "15683"));

        assertThat(settings.find(URL)).contains("tcp://broker:1883");
        assertThat(settings.get(PORT)).isEqualTo(15683);
        assertThat(settings.isSet(URL)).isTrue();
    }

    @Test
    void a_system_property_wins_over_the_environment_and_a_value_in_code_over_both() {
        String key = "mycity.test.precedence";
        Setting<String> setting = Setting.string(key, "Precedence.", "default");
        Settings settings = Settings.fromEnvironment(Map.of("MYCITY_TEST_PRECEDENCE", "env"));
        System.setProperty(key, "property");
        try {
            assertThat(settings.get(setting)).isEqualTo("property");
            assertThat(settings.with(key, "code").get(setting)).isEqualTo("code");
        } finally {
            System.clearProperty(key);
        }
        assertThat(settings.get(setting)).isEqualTo("env");
    }

    @Test
    void settings_given_in_code_ignore_system_properties() {
        String key = "mycity.test.isolated";
        Setting<String> setting = Setting.string(key, "Isolated.", "default");
        System.setProperty(key, "property");
        try {
            assertThat(Settings.of(Map.of()).get(setting)).isEqualTo("default");
        } finally {
            System.clearProperty(key);
        }
    }

    @Test
    void falls_back_to_the_default_when_unset_or_blank() {
        Settings settings = Settings.of(Map.of("mycity.test.port", "  "));

        assertThat(settings.get(PORT)).isEqualTo(5683);
        assertThat(settings.get(TIMEOUT)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.find(URL)).isEmpty();
        assertThat(settings.isSet(PORT)).isFalse();
    }

    @Test
    void a_required_setting_without_value_names_the_variable_to_set() {
        assertThatThrownBy(() -> Settings.of(Map.of()).get(URL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MYCITY_TEST_MQTT_URL")
                .hasMessageContaining("The broker URL.");
    }

    @Test
    void an_invalid_value_names_the_setting_and_the_value() {
        assertThatThrownBy(() -> Settings.of(Map.of("mycity.test.port", "five")).get(PORT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mycity.test.port")
                .hasMessageContaining("MYCITY_TEST_PORT")
                .hasMessageContaining("'five'");
    }

    @Test
    void never_prints_a_secret() {
        Settings settings = Settings.of(Map.of("mycity.test.password", "hunter2", "mycity.test.mqtt-url", "tcp://b"));

        String described = settings.describe(List.of(URL, PASSWORD, PORT));

        assertThat(described)
                .contains("mycity.test.mqtt-url = tcp://b")
                .contains("mycity.test.password = *****")
                .contains("mycity.test.port = 5683")
                .doesNotContain("hunter2");
        assertThat(settings.get(PASSWORD)).isEqualTo("hunter2");
        assertThat(Settings.of(Map.of()).describe(List.of(PASSWORD))).isEqualTo("mycity.test.password = (not set)");
    }

    @Test
    void an_invalid_secret_is_reported_without_its_value() {
        Setting<Integer> pin = new Setting<>("mycity.test.pin", "A PIN.", null, null, true, Integer::valueOf);

        assertThatThrownBy(
                        () -> Settings.of(Map.of("mycity.test.pin", "s3cret")).get(pin))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mycity.test.pin")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void parses_durations_in_short_and_iso_forms() {
        assertThat(Settings.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Settings.parseDuration("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(Settings.parseDuration("2S")).isEqualTo(Duration.ofSeconds(2));
        assertThat(Settings.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Settings.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Settings.parseDuration("90d")).isEqualTo(Duration.ofDays(90));
        assertThat(Settings.parseDuration(" PT2S ")).isEqualTo(Duration.ofSeconds(2));
        assertThat(Settings.parseDuration("pt1m30s")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void refuses_durations_it_cannot_read() {
        for (String text : List.of("", "s", "5", "5w", "five s", "-2s", "2 s")) {
            assertThatThrownBy(() -> Settings.parseDuration(text))
                    .as(text)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(
                        () -> Settings.of(Map.of("mycity.test.timeout", "soon")).get(TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("500ms");
    }

    @Test
    void redacts_credentials_carried_in_urls() {
        assertThat(Settings.redact("jdbc:postgresql://db:5432/city?user=ops&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/city?user=ops&password=*****&ssl=true");
        assertThat(Settings.redact("tcp://ops:s3cret@broker:1883")).isEqualTo("tcp://ops:*****@broker:1883");
        assertThat(Settings.redact("tcp://broker:1883")).isEqualTo("tcp://broker:1883");
    }

    @Test
    void describes_a_url_setting_without_the_password_it_carries() {
        Settings settings = Settings.of(Map.of(URL.key(), "tcp://ops:s3cret@broker:1883"));

        assertThat(settings.describe(List.of(URL))).doesNotContain("s3cret");
    }

    @Test
    void a_settings_file_fills_in_what_the_environment_does_not_give() {
        Settings settings = Settings.fromEnvironment(Map.of("MYCITY_TEST_MQTT_URL", "tcp://from-env:1883"))
                .withFile(Map.of("mycity.test.mqtt-url", "tcp://from-file:1883", "mycity.test.port", "6000"));

        assertThat(settings.get(URL)).isEqualTo("tcp://from-env:1883");
        assertThat(settings.get(PORT)).isEqualTo(6000);
        assertThat(settings.with("mycity.test.port", "7000").get(PORT)).isEqualTo(7000);
    }
}
