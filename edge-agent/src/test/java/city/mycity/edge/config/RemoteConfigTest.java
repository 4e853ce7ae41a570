package city.mycity.edge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteConfigTest {

    private final RemoteConfig config = new RemoteConfig(new GatewayConfigParser(device -> Optional.empty(), Set.of()));
    private final List<Long> applied = new CopyOnWriteArrayList<>();

    {
        config.onApplied(c -> applied.add(c.version()));
    }

    private static byte[] version(long version, String interval) {
        return ("{\"version\": " + version + ", \"sensors\": {\"interval\": \"" + interval + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String text(ConfigStatus status) {
        return new String(status.toJson(), StandardCharsets.UTF_8);
    }

    @Test
    void applies_a_newer_configuration_and_tells_the_listeners() {
        ConfigStatus status = config.offer(version(1, "PT1M"));

        assertThat(text(status)).isEqualTo("{\"version\":1,\"status\":\"applied\",\"running\":1}");
        assertThat(config.current().settingsFor("any", null).interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(applied).containsExactly(1L);
    }

    @Test
    void a_bad_configuration_is_refused_with_its_reason_and_the_running_one_stays() {
        config.offer(version(1, "PT1M"));

        ConfigStatus status = config.offer(version(2, "PT1S"));

        assertThat(status.applied()).isFalse();
        assertThat(text(status))
                .startsWith("{\"version\":2,\"status\":\"refused\",\"reason\":\"sensors.interval must be from 10 s")
                .endsWith("\"running\":1}");
        assertThat(config.current().version()).isEqualTo(1);
        assertThat(applied).containsExactly(1L);
    }

    @Test
    void an_older_version_is_refused_and_the_same_one_again_changes_nothing() {
        config.offer(version(5, "PT1M"));

        assertThat(config.offer(version(4, "PT2M")).reason())
                .isEqualTo("version 4 is older than the running version 5");
        assertThat(config.offer(version(5, "PT1M")).applied())
                .as("the retained message again")
                .isTrue();
        assertThat(config.current().settingsFor("any", null).interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(applied).containsExactly(5L);
    }

    @Test
    void other_content_under_the_running_version_is_refused_not_said_to_be_applied() {
        config.offer(version(5, "PT1M"));

        ConfigStatus status = config.offer(version(5, "PT3M"));

        assertThat(status.applied()).isFalse();
        assertThat(status.reason()).startsWith("version 5 is already applied with other content");
        assertThat(config.current().settingsFor("any", null).interval()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void a_configuration_kept_in_a_file_is_running_again_after_a_restart(@TempDir Path dir) {
        Path store = dir.resolve("outbox.db.config.json");
        GatewayConfigParser parser = new GatewayConfigParser(device -> Optional.empty(), Set.of());
        new RemoteConfig(parser, store).offer(version(7, "PT2M"));

        RemoteConfig restarted = new RemoteConfig(parser, store);

        assertThat(restarted.current().version()).isEqualTo(7);
        assertThat(restarted.current().settingsFor("any", null).interval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(restarted.offer(version(7, "PT2M")).applied())
                .as("the retained one again")
                .isTrue();
    }

    @Test
    void a_damaged_file_leaves_the_defaults_running(@TempDir Path dir) throws Exception {
        Path store = java.nio.file.Files.writeString(dir.resolve("config.json"), "{\"version\": ");

        RemoteConfig restarted = new RemoteConfig(new GatewayConfigParser(device -> Optional.empty(), Set.of()), store);

        assertThat(restarted.current()).isEqualTo(GatewayConfig.INITIAL);
    }

    @Test
    void an_unreadable_configuration_is_answered_without_a_version() {
        assertThat(text(config.offer("not json".getBytes(StandardCharsets.UTF_8))))
                .startsWith("{\"version\":null,\"status\":\"refused\",\"reason\":\"not JSON");
    }
}
