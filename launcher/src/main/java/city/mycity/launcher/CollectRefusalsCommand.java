package city.mycity.launcher;

import city.mycity.gateway.refusals.EdgeRefusalCollector;
import city.mycity.settings.MqttSettings;
import city.mycity.settings.Settings;
import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

/** {@code mycity collect-refusals}: the edge agents' refusals into the refusal store, as a service of its own. */
@Command(
        name = "collect-refusals",
        mixinStandardHelpOptions = true,
        header = "Puts what the edge agents refused into the refusal store, until stopped.",
        description = {
            "Reads every gateway's refused topic (mycity/v1/{tenant}/{gateway}/refused) from MYCITY_MQTT_URL with",
            "MYCITY_MQTT_USERNAME and MYCITY_MQTT_PASSWORD (the ingest service's account) and writes each report to",
            "the database of MYCITY_JDBC_URL. Several may run: they share the subscription. The demo runs one."
        })
final class CollectRefusalsCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        Settings settings = Settings.fromEnvironment();
        if (!settings.isSet(MqttSettings.URL)) {
            System.err.println("Set MYCITY_MQTT_URL (and MYCITY_MQTT_USERNAME, MYCITY_MQTT_PASSWORD) to the broker.");
            return 2;
        }
        try (HikariDataSource store = CommandDatabase.pool("mycity-refusals", 2);
                EdgeRefusalCollector collector = EdgeRefusalCollector.start(
                        store,
                        settings.get(MqttSettings.URL),
                        settings.find(MqttSettings.USERNAME).orElse(null),
                        settings.find(MqttSettings.PASSWORD).orElse(null),
                        "mycity-refusals-" + java.net.InetAddress.getLocalHost().getHostName())) {
            System.out.println("Collecting the edge agents' refusals. Ctrl-C to stop.");
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
            return 0;
        }
    }
}
