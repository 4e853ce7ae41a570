package city.mycity.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.mycity.edge.security.DeviceKeys;
import city.mycity.edge.standalone.StandaloneAgent;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.UplinkTopic;
import city.mycity.testkit.TcpProxy;
import city.mycity.testkit.TestBroker;
import city.mycity.testkit.TestSubscriber;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chaos with real processes: the standalone agent, with its outbox and its uplink down, is killed with SIGKILL while
 * sensors post over DTLS, and started again on the same outbox with the uplink back. Every reading a sensor had been
 * answered 2.04 for must reach the real broker: the answer promised it was on the gateway's disk.
 */
class AgentKilledIT {

    private static final int DEVICES = 20;

    private static TestBroker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void broker() {
        broker = TestBroker.create();
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
    }

    private static String device(int n) {
        return "bin-%05d".formatted(n);
    }

    private static byte[] key(int n) {
        return ("the key of bin number " + n).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] reading(String tenant, String device, long seq) {
        return ("[{\"bn\":\"" + SenmlPack.baseNameOf(tenant, device) + "\",\"bt\":1700000000,\"seq\":" + seq
                        + ",\"n\":\"fill\",\"u\":\"%\",\"v\":" + (seq % 100) + "}]")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** One DTLS client per sensor, to the agent's current port. */
    private static List<TestCoapClient> sensors(StandaloneAgent agent) {
        List<TestCoapClient> sensors = new ArrayList<>();
        for (int n = 0; n < DEVICES; n++) {
            sensors.add(TestCoapClient.dtls(agent.coapPort(), device(n), key(n)).timeout(Duration.ofSeconds(2)));
        }
        return sensors;
    }

    /** Posts rounds of one reading per sensor until told to stop; adds each reading answered 2.04. */
    private static void send(
            String tenant, List<TestCoapClient> sensors, long firstSeq, AtomicBoolean stop, Set<String> acknowledged) {
        for (long seq = firstSeq; !stop.get(); seq++) {
            for (int n = 0; n < DEVICES && !stop.get(); n++) {
                String device = device(n);
                try {
                    CoapResponse response = sensors.get(n).post("/up/" + device, reading(tenant, device, seq), 110);
                    if (response != null && response.getCode() == ResponseCode.CHANGED) {
                        acknowledged.add(SenmlPack.baseNameOf(tenant, device) + "fill#" + seq);
                    }
                } catch (IllegalStateException e) {
                    // No answer (the agent is dead): the sensor keeps its reading; it is not acknowledged.
                }
            }
        }
    }

    @Test
    void every_reading_answered_before_a_kill_9_reaches_the_broker_once_the_agent_is_back() throws Exception {
        String tenant = broker.tenant();
        TestSubscriber packs = broker.subscriber(UplinkTopic.ROOT + "/" + tenant + "/+/" + UplinkTopic.UP);
        Map<String, byte[]> keys = new HashMap<>();
        for (int n = 0; n < DEVICES; n++) {
            keys.put(device(n), key(n));
        }
        Path config = Files.writeString(
                dir.resolve("edge.properties"),
                String.join(
                        "\n",
                        "mycity.edge.tenant=" + tenant,
                        "mycity.edge.gateway=gw-z-a1",
                        "mycity.coap.port=0",
                        "mycity.metrics.port=0",
                        // Only the sensors' readings: the gateway's own health is TelemetryIT's.
                        "mycity.edge.telemetry-interval=0",
                        "mycity.edge.device-keys="
                                + DeviceKeys.of(keys).writeTo(dir.resolve("keys.conf"), "The sensors."),
                        "mycity.edge.outbox=" + dir.resolve("outbox.db")));
        // The uplink is down while the first agent runs: everything it answers waits in its outbox when it is killed.
        TcpProxy uplink = TcpProxy.to(URI.create(broker.url()).getPort());
        uplink.block();
        Map<String, String> environment = Map.of(
                "MYCITY_MQTT_URL", "tcp://127.0.0.1:" + uplink.port(),
                "MYCITY_MQTT_USERNAME", broker.username(),
                "MYCITY_MQTT_PASSWORD", broker.password());
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        ExecutorService sender = Executors.newSingleThreadExecutor();
        try {
            int beforeKill;
            try (StandaloneAgent first = StandaloneAgent.start(config, environment)) {
                List<TestCoapClient> sensors = sensors(first);
                AtomicBoolean stop = new AtomicBoolean();
                Future<?> sending = sender.submit(() -> send(tenant, sensors, 1, stop, acknowledged));
                await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 300);

                first.kill();
                beforeKill = acknowledged.size();
                stop.set(true);
                sending.get(30, TimeUnit.SECONDS);
                sensors.forEach(TestCoapClient::close);
            }

            assertThat(packs.messages()).isEmpty();
            uplink.unblock();
            try (StandaloneAgent second = StandaloneAgent.start(config, environment)) {
                List<TestCoapClient> again = sensors(second);
                AtomicBoolean enough = new AtomicBoolean();
                Future<?> more = sender.submit(() -> send(tenant, again, 1_000_000, enough, acknowledged));
                await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= beforeKill + 100);
                enough.set(true);
                more.get(30, TimeUnit.SECONDS);
                again.forEach(TestCoapClient::close);

                await().atMost(Duration.ofSeconds(60))
                        .until(() -> BrokerReadings.of(packs.messages()).containsAll(acknowledged));
                Set<String> received = BrokerReadings.of(packs.messages());
                System.out.printf(
                        "AgentKilledIT: %d readings answered 2.04 (%d before the kill -9), %d at the broker,"
                                + " %d sent twice (dropped by the platform's key)%n",
                        acknowledged.size(), beforeKill, received.size(), BrokerReadings.duplicates(packs.messages()));
                assertThat(received).containsAll(acknowledged);
            }
        } finally {
            sender.shutdownNow();
            uplink.close();
        }
    }
}
