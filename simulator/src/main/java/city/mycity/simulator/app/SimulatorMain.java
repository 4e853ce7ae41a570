package city.mycity.simulator.app;

import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.CityModels;
import city.mycity.metrics.MetricsEndpoint;
import city.mycity.metrics.MetricsSettings;
import city.mycity.settings.MqttSettings;
import city.mycity.settings.Setting;
import city.mycity.settings.Settings;
import city.mycity.simulator.Simulator;
import city.mycity.simulator.SimulatorSettings;
import city.mycity.simulator.transport.DeviceLink;
import city.mycity.simulator.transport.coap.CoapDeviceLink;
import city.mycity.simulator.transport.mqtt.MqttGatewayLink;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs the simulator on its own: a generated town or an OpenStreetMap extract, sending over MQTT (as the gateways) or
 * CoAP (as the sensors), either a fixed number of messages or until stopped.
 */
public final class SimulatorMain {

    public static final Setting<String> CITY = Setting.string(
            "mycity.simulator.city", "OpenStreetMap extract to simulate; unset: the generated town", null);
    public static final Setting<String> MQTT_URL = MqttSettings.URL;
    public static final Setting<String> MQTT_USERNAME = MqttSettings.USERNAME;
    public static final Setting<String> MQTT_PASSWORD = MqttSettings.PASSWORD;
    public static final Setting<String> COAP_URL = Setting.string(
            "mycity.simulator.coap.url", "Edge agent to post to instead of MQTT, e.g. coap://localhost:5683", null);
    public static final Setting<Integer> MESSAGES = Setting.integer(
            "mycity.simulator.messages", "Send this many messages and stop; unset: run until stopped", null, null);

    private SimulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        Settings settings = Settings.fromEnvironment();
        List<Setting<?>> all = new ArrayList<>(SimulatorSettings.ALL);
        all.addAll(List.of(CITY, MQTT_URL, MQTT_USERNAME, MQTT_PASSWORD, COAP_URL, MESSAGES));
        all.addAll(MetricsSettings.ALL);
        System.out.println(settings.describe(all));
        CityModel city = settings.find(CITY)
                .map(file -> CityModels.openStreetMap(Path.of(file)))
                .orElseGet(() -> CityModels.generated(settings.get(SimulatorSettings.SEED)));
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        try (MetricsEndpoint metrics =
                        MetricsEndpoint.forGlobalRegistry(settings).orElse(null);
                DeviceLink link = link(settings);
                Simulator simulator = Simulator.builder()
                        .city(city)
                        .settings(settings)
                        .link(link)
                        .build()) {
            if (settings.isSet(MESSAGES)) {
                System.out.println(simulator.runUntil(settings.get(MESSAGES)));
            } else {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> awaitClosing(stop, done)));
                simulator.start();
                stop.await();
            }
            System.out.println(simulator.ledger());
        } finally {
            done.countDown();
        }
    }

    /** On Ctrl-C: lets main close the simulator and the link before the JVM goes. */
    private static void awaitClosing(CountDownLatch stop, CountDownLatch done) {
        stop.countDown();
        try {
            done.await(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static DeviceLink link(Settings settings) {
        boolean packing = settings.get(SimulatorSettings.PACKING);
        if (settings.isSet(COAP_URL)) {
            if (packing) {
                throw new IllegalStateException("Gateway packs are an MQTT form: over CoAP the simulated sensors post"
                        + " alone and the edge agent packs. Unset " + SimulatorSettings.PACKING.environmentVariable()
                        + " or use " + MQTT_URL.environmentVariable() + ".");
            }
            URI uri = URI.create(settings.get(COAP_URL));
            return CoapDeviceLink.builder(uri.getHost(), uri.getPort() < 0 ? 5683 : uri.getPort())
                    .build();
        }
        if (settings.isSet(MQTT_URL)) {
            MqttGatewayLink.Builder mqtt = MqttGatewayLink.builder(settings.get(MQTT_URL))
                    .username(settings.find(MQTT_USERNAME).orElse(null))
                    .password(settings.find(MQTT_PASSWORD).orElse(null))
                    .resendFor(settings.get(SimulatorSettings.RESEND_FOR));
            if (packing) {
                mqtt.gatewayPacks(
                        settings.get(SimulatorSettings.PACK_MAX_READINGS), settings.get(SimulatorSettings.PACK_LINGER));
            }
            return mqtt.build();
        }
        throw new IllegalStateException("Set " + MQTT_URL.environmentVariable() + " (MQTT) or "
                + COAP_URL.environmentVariable() + " (CoAP) to say where the simulated devices send.");
    }
}
