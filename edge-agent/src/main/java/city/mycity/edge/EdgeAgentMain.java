package city.mycity.edge;

import city.mycity.codec.DeviceProfiles;
import city.mycity.codec.PayloadDecoders;
import city.mycity.edge.security.DeviceKeys;
import city.mycity.metrics.MetricsEndpoint;
import city.mycity.settings.Settings;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one edge agent from {@link EdgeSettings} until the process is stopped. */
public final class EdgeAgentMain {

    private static final Logger LOGGER = LoggerFactory.getLogger(EdgeAgentMain.class);

    private EdgeAgentMain() {}

    public static void main(String[] args) throws InterruptedException {
        Settings settings = Settings.fromEnvironment();
        LOGGER.info("Edge agent settings:{}{}", System.lineSeparator(), settings.describe(EdgeSettings.all()));
        MetricsEndpoint metrics = MetricsEndpoint.forGlobalRegistry(settings).orElse(null);
        EdgeAgent agent = fromSettings(settings).build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            agent.close();
                            if (metrics != null) {
                                metrics.close();
                            }
                            stopped.countDown();
                        },
                        "mycity-edge-shutdown"));
        System.out.println("Edge agent listening on " + (settings.get(EdgeSettings.PLAIN_COAP) ? "coap" : "coaps")
                + "://" + settings.get(EdgeSettings.COAP_HOST) + ":"
                + agent.coapPort() + "/up/{device}");
        stopped.await();
    }

    /** A builder filled from the settings; required ones that are missing say which variable to set. */
    public static EdgeAgent.Builder fromSettings(Settings settings) {
        EdgeAgent.Builder builder = EdgeAgent.builder()
                .tenant(settings.get(EdgeSettings.TENANT))
                .gateway(settings.get(EdgeSettings.GATEWAY))
                .coapHost(settings.get(EdgeSettings.COAP_HOST))
                .coapPort(settings.get(EdgeSettings.COAP_PORT))
                .mqttUrl(settings.get(EdgeSettings.MQTT_URL))
                .maxPayloadBytes(settings.get(EdgeSettings.MAX_PAYLOAD))
                .maxInFlight(settings.get(EdgeSettings.MAX_IN_FLIGHT))
                .publishTimeout(settings.get(EdgeSettings.PUBLISH_TIMEOUT))
                .packing(settings.get(EdgeSettings.PACKING))
                .packMaxReadings(settings.get(EdgeSettings.PACK_MAX_READINGS))
                .packMaxBytes(settings.get(EdgeSettings.PACK_MAX_BYTES))
                .packLinger(settings.get(EdgeSettings.PACK_LINGER));
        settings.find(EdgeSettings.DEVICE_KEYS)
                .map(Path::of)
                .map(DeviceKeys::load)
                .ifPresent(builder::deviceKeys);
        builder.plainCoap(settings.get(EdgeSettings.PLAIN_COAP));
        settings.find(EdgeSettings.OUTBOX).map(Path::of).ifPresent(builder::outbox);
        builder.outboxMaxReadings(settings.get(EdgeSettings.OUTBOX_MAX_READINGS))
                .outboxMaxBytes(settings.get(EdgeSettings.OUTBOX_MAX_BYTES));
        settings.find(EdgeSettings.PROFILES)
                .map(Path::of)
                .map(DeviceProfiles::load)
                .map(PayloadDecoders::withProfiles)
                .ifPresent(builder::decoders);
        settings.find(EdgeSettings.MQTT_USERNAME).ifPresent(builder::mqttUsername);
        settings.find(EdgeSettings.MQTT_PASSWORD).ifPresent(builder::mqttPassword);
        return builder;
    }
}
