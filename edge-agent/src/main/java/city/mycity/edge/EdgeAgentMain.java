package city.mycity.edge;

import city.mycity.codec.DeviceProfiles;
import city.mycity.codec.FrameCodec;
import city.mycity.codec.FrameCodecs;
import city.mycity.codec.PayloadDecoders;
import city.mycity.metrics.MetricsEndpoint;
import city.mycity.settings.Settings;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one edge agent from {@link EdgeSettings} until the process is stopped. */
public final class EdgeAgentMain {

    static {
        // Our own logging configuration by name, before the first logger: without one, Logback logs everything at
        // DEBUG. deploy/logback-json.xml (-Dlogback.configurationFile=...) gives structured logs instead.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "mycity-edge-logback.xml");
        }
    }

    private static final Logger LOGGER = LoggerFactory.getLogger(EdgeAgentMain.class);

    private EdgeAgentMain() {}

    /** The environment variable naming the settings file, when {@code --config=FILE} is not given. */
    static final String CONFIG_VARIABLE = "MYCITY_EDGE_CONFIG";

    public static void main(String[] args) throws InterruptedException {
        Settings settings = settings(args, System.getenv());
        LOGGER.info("Edge agent settings:{}{}", System.lineSeparator(), settings.describe(EdgeSettings.all()));
        EdgeAgent agent = fromSettings(settings).build().start();
        MetricsEndpoint metrics =
                MetricsEndpoint.forGlobalRegistry(settings, agent::health).orElse(null);
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

    /**
     * The agent's settings: the environment (and system properties) over the settings file named by {@code
     * --config=FILE} or {@value #CONFIG_VARIABLE}, a Java properties file keyed by setting key ({@code
     * mycity.edge.tenant=demo-town}); without one, the environment alone.
     */
    static Settings settings(String[] args, Map<String, String> environment) {
        String file = environment.get(CONFIG_VARIABLE);
        for (String arg : args) {
            if (arg.startsWith("--config=")) {
                file = arg.substring("--config=".length());
            } else {
                throw new IllegalArgumentException("Unknown argument '" + arg
                        + "': the agent takes --config=FILE, and settings from the" + " environment (see the README).");
            }
        }
        Settings settings = Settings.fromEnvironment(environment);
        if (file == null || file.isBlank()) {
            return settings;
        }
        Properties values = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            values.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the settings file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> fileValues = new HashMap<>();
        values.stringPropertyNames().forEach(key -> fileValues.put(key, values.getProperty(key)));
        return settings.withFile(fileValues);
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
        // Read again when it changes: keys exported from the registry take effect without a restart.
        settings.find(EdgeSettings.DEVICE_KEYS).map(Path::of).ifPresent(builder::deviceKeysFile);
        builder.plainCoap(settings.get(EdgeSettings.PLAIN_COAP));
        settings.find(EdgeSettings.OUTBOX).map(Path::of).ifPresent(builder::outbox);
        builder.telemetryInterval(settings.get(EdgeSettings.TELEMETRY_INTERVAL));
        builder.outboxMaxReadings(settings.get(EdgeSettings.OUTBOX_MAX_READINGS))
                .outboxMaxBytes(settings.get(EdgeSettings.OUTBOX_MAX_BYTES));
        settings.find(EdgeSettings.PROFILES)
                .map(Path::of)
                .map(DeviceProfiles::load)
                .ifPresent(profiles -> {
                    builder.decoders(PayloadDecoders.withProfiles(profiles));
                    FrameCodecs codecs = FrameCodecs.defaults();
                    builder.deviceKinds(device -> profiles.of(device)
                            .flatMap(profile -> codecs.find(profile.codec()))
                            .map(FrameCodec::kind));
                });
        settings.find(EdgeSettings.MQTT_USERNAME).ifPresent(builder::mqttUsername);
        settings.find(EdgeSettings.MQTT_PASSWORD).ifPresent(builder::mqttPassword);
        settings.find(EdgeSettings.MQTT_CA_FILE).map(Path::of).ifPresent(builder::mqttCaFile);
        builder.plainMqtt(settings.get(EdgeSettings.PLAIN_MQTT));
        return builder;
    }
}
