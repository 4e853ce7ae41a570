package city.mycity.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.mycity.settings.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadingsJobArgumentsTest {

    private final Settings environment = Settings.fromEnvironment(
            Map.of("MYCITY_JDBC_URL", "jdbc:postgresql://env/mycity", "MYCITY_STREAM_GROUP", "from-env"));

    @Test
    void arguments_win_over_the_environment() {
        Settings settings = ReadingsJob.withArguments(
                environment, "--mycity.jdbc.url=jdbc:postgresql://db:5432/mycity?ssl=true", "--mycity.db.password=");

        assertThat(settings.get(StreamSettings.JDBC_URL)).isEqualTo("jdbc:postgresql://db:5432/mycity?ssl=true");
        assertThat(settings.get(StreamSettings.GROUP)).isEqualTo("from-env");
        assertThat(settings.isSet(StreamSettings.DB_PASSWORD)).isFalse();
    }

    @Test
    void arguments_are_parsed_as_their_setting_says() {
        Settings settings = ReadingsJob.withArguments(environment, "--mycity.stream.checkpoint-interval=200ms");

        assertThat(settings.get(StreamSettings.CHECKPOINT_INTERVAL)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void rejects_an_argument_that_is_not_key_equals_value_without_quoting_it() {
        assertThatThrownBy(() -> ReadingsJob.withArguments(environment, "--mycity.db.user=u", "s3cret-password"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("argument 2")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> ReadingsJob.withArguments(environment, "--=x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
