package city.mycity.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.bench.services.BrokerEndpoint;
import city.mycity.settings.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobSizingTest {

    @Test
    void opens_enough_connections_that_the_brokers_window_does_not_cap_the_peak() {
        JobSizing hivemq = JobSizing.of(Settings.of(Map.of()), BrokerEndpoint.Kind.EMBEDDED_HIVEMQ, 10_000);

        assertThat(hivemq.parallelism()).isEqualTo(2);
        assertThat(hivemq.checkpointInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(hivemq.window()).isEqualTo(50);
        assertThat(hivemq.connections()).isEqualTo(30); // 10,000/s x 0.2 s x 1.5 / (50 x 2)
        assertThat(hivemq.messageCap()).isGreaterThanOrEqualTo(15_000);
    }

    @Test
    void keeps_between_four_and_sixty_four_connections_per_reader() {
        assertThat(JobSizing.connectionsFor(10, Duration.ofMillis(200), 1000, 2))
                .isEqualTo(4);
        assertThat(JobSizing.connectionsFor(1e6, Duration.ofSeconds(1), 20, 2)).isEqualTo(64);
    }

    @Test
    void takes_the_stream_settings_of_the_environment_where_set() {
        Settings settings = Settings.of(Map.of(
                "mycity.stream.parallelism", "1",
                "mycity.stream.checkpoint-interval", "1s",
                "mycity.stream.connections", "9",
                "mycity.stream.receive-maximum", "500",
                "mycity.stream.batch-size", "2000"));

        JobSizing sizing = JobSizing.of(settings, BrokerEndpoint.Kind.MOSQUITTO, 1e6);

        assertThat(sizing).isEqualTo(new JobSizing(1, Duration.ofSeconds(1), 9, 500, 500, 2000));
        assertThat(sizing.describe())
                .isEqualTo("parallelism 1, checkpoints every 1000 ms, 1 x 9 MQTT connections (window 500), batches of"
                        + " 2000");
    }
}
