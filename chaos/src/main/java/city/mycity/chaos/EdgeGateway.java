package city.mycity.chaos;

import city.mycity.codec.DeviceProfiles;
import city.mycity.edge.security.DeviceKeys;
import city.mycity.edge.standalone.StandaloneAgent;
import city.mycity.testkit.TcpProxy;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

/**
 * One gateway as it runs on a lamp post: the standalone edge agent in a process of its own (the unit's JVM options),
 * DTLS with a random key per sensor, its outbox on disk, and its uplink to the broker through a proxy that the chaos
 * run can cut. Telemetry is off, so that the store holds exactly the sensors' readings.
 */
final class EdgeGateway implements AutoCloseable {

    private final Path folder;
    private final Path config;
    private final Map<String, String> environment;
    private final Map<String, byte[]> keys;
    private final TcpProxy uplink;
    private final int coapPort;
    private StandaloneAgent agent;
    private int starts;

    private EdgeGateway(
            Path folder,
            Path config,
            Map<String, String> environment,
            Map<String, byte[]> keys,
            TcpProxy uplink,
            int coapPort) {
        this.folder = folder;
        this.config = config;
        this.environment = environment;
        this.keys = keys;
        this.uplink = uplink;
        this.coapPort = coapPort;
    }

    static EdgeGateway start(
            Path folder,
            String tenant,
            String gateway,
            DeviceProfiles profiles,
            String brokerUrl,
            String brokerUser,
            String brokerPassword)
            throws IOException {
        Files.createDirectories(folder);
        Map<String, byte[]> keys = new HashMap<>();
        SecureRandom random = new SecureRandom();
        for (String sensor : profiles.asMap().keySet()) {
            byte[] key = new byte[16];
            random.nextBytes(key);
            keys.put(sensor, key);
        }
        Path keysPath = DeviceKeys.of(keys).writeTo(folder.resolve("device-keys.conf"), "Made for this chaos run.");
        Path profilesPath = profiles.writeTo(folder.resolve("device-profiles.conf"), "Made for this chaos run.");
        int coapPort = freeUdpPort();
        Path config = Files.writeString(
                folder.resolve("edge.properties"),
                String.join(
                        "\n",
                        "mycity.edge.tenant=" + tenant,
                        "mycity.edge.gateway=" + gateway,
                        "mycity.coap.host=127.0.0.1",
                        "mycity.coap.port=" + coapPort,
                        "mycity.edge.device-keys=" + keysPath.toAbsolutePath(),
                        "mycity.edge.profiles=" + profilesPath.toAbsolutePath(),
                        "mycity.edge.outbox=" + folder.resolve("outbox.db").toAbsolutePath(),
                        "mycity.edge.telemetry-interval=0",
                        "mycity.metrics.port=0",
                        ""),
                StandardCharsets.UTF_8);
        TcpProxy uplink = TcpProxy.to(URI.create(brokerUrl).getPort());
        Map<String, String> environment = new HashMap<>();
        environment.put("MYCITY_MQTT_URL", "tcp://127.0.0.1:" + uplink.port());
        environment.put("MYCITY_MQTT_USERNAME", brokerUser);
        environment.put("MYCITY_MQTT_PASSWORD", brokerPassword);
        EdgeGateway edge = new EdgeGateway(folder, config, environment, Map.copyOf(keys), uplink, coapPort);
        try {
            edge.startAgent();
        } catch (RuntimeException e) {
            uplink.close();
            throw e;
        }
        return edge;
    }

    private void startAgent() {
        agent = StandaloneAgent.start(
                StandaloneAgent.jar(), config, environment, folder.resolve("agent-" + (++starts) + ".log"));
        if (agent.coapPort() != coapPort) {
            throw new IllegalStateException("The edge agent took UDP port " + agent.coapPort() + ", not " + coapPort);
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    int coapPort() {
        return coapPort;
    }

    /** A sensor's key, or {@code null} for a device this gateway does not have. */
    byte[] key(String device) {
        byte[] key = keys.get(device);
        return key == null ? null : key.clone();
    }

    /** kill -9 the agent, and start it again on the same outbox and port. */
    void killAndRestart() throws InterruptedException {
        agent.kill();
        startAgent();
    }

    /** Cuts the uplink: open connections reset, new ones refused. */
    void cutUplink() {
        uplink.block();
    }

    void restoreUplink() {
        uplink.unblock();
    }

    @Override
    public void close() throws Exception {
        try {
            if (agent != null) {
                agent.stop();
            }
        } finally {
            uplink.close();
        }
    }
}
