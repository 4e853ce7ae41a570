package city.mycity.launcher;

import city.mycity.gateway.refusals.RefusalFilter;
import city.mycity.gateway.refusals.RefusalReplay;
import city.mycity.gateway.refusals.RefusalStore;
import city.mycity.gateway.refusals.RefusedMessage;
import city.mycity.gateway.refusals.mqtt.MqttMessagePublisher;
import city.mycity.settings.MqttSettings;
import city.mycity.settings.Settings;
import city.mycity.storage.Database;
import city.mycity.storage.DatabaseSettings;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mycity refusals}: what the platform refused and why, and re-injection of refused messages after a fix. */
@Command(
        name = "refusals",
        mixinStandardHelpOptions = true,
        header = "Lists refused messages by reason, or re-injects them after a fix.",
        description = {
            "Lists refused messages by reason, or re-injects them after a fix (a device registered, a gateway",
            "corrected): each is published again, byte for byte, on its own topic and validated like any message.",
            "Reads MYCITY_JDBC_URL, MYCITY_DB_USER, MYCITY_DB_PASSWORD and, to re-inject, MYCITY_MQTT_URL,",
            "MYCITY_MQTT_USERNAME, MYCITY_MQTT_PASSWORD (the demo prints its database and broker when it starts)."
        },
        subcommands = {RefusalsCommand.ListCommand.class, RefusalsCommand.ReplayCommand.class})
final class RefusalsCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The conditions both subcommands take. */
    static final class FilterOptions {
        @Option(names = "--tenant", description = "Only this council's refusals.")
        String tenant;

        @Option(names = "--reason", description = "Only messages refused for this reason, e.g. unknown_device.")
        String reason;

        @Option(names = "--device", description = "Only refusals naming this device.")
        String device;

        @Option(
                names = "--since",
                description = "Only messages received since then: an instant (2026-11-29T08:00:00Z) or a duration"
                        + " back from now (2h, 30m).")
        String since;

        @Option(
                names = "--limit",
                defaultValue = "1000",
                description = "The most messages (default: ${DEFAULT-VALUE}).")
        int limit;

        RefusalFilter filter() {
            return new RefusalFilter(tenant, reason, device, sinceInstant(), limit);
        }

        private Instant sinceInstant() {
            if (since == null) {
                return null;
            }
            try {
                return Instant.parse(since);
            } catch (DateTimeParseException notAnInstant) {
                Duration back = Settings.parseDuration(since);
                return Instant.now().minus(back);
            }
        }
    }

    private static HikariDataSource database() {
        return Database.pool(DatabaseSettings.from(Settings.fromEnvironment()).withPoolSize(2), "mycity-refusals");
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Counts refusals by reason and lists the messages.")
    static final class ListCommand implements Callable<Integer> {

        @Mixin
        FilterOptions options;

        @Override
        public Integer call() throws Exception {
            try (HikariDataSource dataSource = database()) {
                RefusalStore store = new RefusalStore(dataSource);
                Map<String, Long> counts = store.countByReason(options.filter());
                System.out.println("Refused readings by reason:");
                counts.forEach((reason, count) -> System.out.printf("  %-20s %d%n", reason, count));
                List<RefusedMessage> messages = store.messages(options.filter());
                System.out.printf("%d message(s):%n", messages.size());
                for (RefusedMessage message : messages) {
                    System.out.printf(
                            "  %s  %-50s %-30s replayed %d  %s%n",
                            message.receivedAt(),
                            message.topic(),
                            String.join(",", message.reasons()),
                            message.replays(),
                            excerpt(message.payload()));
                }
            }
            return 0;
        }

        private static String excerpt(byte[] payload) {
            String text = new String(payload, 0, Math.min(payload.length, 60), StandardCharsets.UTF_8);
            return text.replaceAll("\\p{Cntrl}", "?");
        }
    }

    @Command(
            name = "replay",
            mixinStandardHelpOptions = true,
            description = "Re-injects the matching messages on their own topics, oldest first.")
    static final class ReplayCommand implements Callable<Integer> {

        @Mixin
        FilterOptions options;

        @Override
        public Integer call() throws Exception {
            Settings settings = Settings.fromEnvironment();
            if (!settings.isSet(MqttSettings.URL)) {
                System.err.println("Set MYCITY_MQTT_URL (and the account) to the broker the stream job reads.");
                return 2;
            }
            try (HikariDataSource dataSource = database();
                    MqttMessagePublisher publisher = MqttMessagePublisher.connect(
                            settings.get(MqttSettings.URL),
                            settings.find(MqttSettings.USERNAME).orElse(null),
                            settings.find(MqttSettings.PASSWORD).orElse(null))) {
                RefusalStore store = new RefusalStore(dataSource);
                int total = store.messages(options.filter()).size();
                ProgressBar bar = new ProgressBar(System.err, total, "messages");
                RefusalReplay.Outcome outcome =
                        new RefusalReplay(store, publisher).replay(options.filter(), bar::update);
                bar.done();
                System.out.printf(
                        "Re-injected %d message(s), %d failed; they are validated again like any message.%n",
                        outcome.published(), outcome.failed());
                return outcome.failed() == 0 ? 0 : 1;
            }
        }
    }
}
