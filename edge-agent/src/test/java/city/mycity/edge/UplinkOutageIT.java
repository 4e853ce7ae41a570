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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chaos with real processes: the standalone agent's uplink to a real broker is cut for two minutes (a proxy that
 * refuses connections) while 20 DTLS sensors keep posting, 200 readings a second. Every reading answered 2.04 reaches
 * the broker once the uplink is back (a pack sent again after a lost PUBACK may arrive twice: the platform's key drops
 * the copy; the run prints how many).
 */
class UplinkOutageIT {

    private static final int DEVICES = 20;
    private static final Duration OUTAGE = Duration.ofMinutes(2);

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
        return "ws-%04d".formatted(n);
    }

    private static byte[] key(int n) {
        return ("the key of water logger " + n).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void every_reading_answered_during_a_two_minute_uplink_cut_reaches_the_broker() throws Exception {
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
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicLong round = new AtomicLong();
        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
        try (TcpProxy uplink = TcpProxy.to(URI.create(broker.url()).getPort());
                StandaloneAgent agent = StandaloneAgent.start(
                        config,
                        Map.of(
                                "MYCITY_MQTT_URL", "tcp://127.0.0.1:" + uplink.port(),
                                "MYCITY_MQTT_USERNAME", broker.username(),
                                "MYCITY_MQTT_PASSWORD", broker.password()))) {
            List<TestCoapClient> sensors = new ArrayList<>();
            for (int n = 0; n < DEVICES; n++) {
                sensors.add(
                        TestCoapClient.dtls(agent.coapPort(), device(n), key(n)).timeout(Duration.ofSeconds(5)));
            }
            // One round of a reading per sensor every 100 ms: 200 readings a second.
            sender.scheduleAtFixedRate(
                    () -> postRound(tenant, sensors, round.incrementAndGet(), acknowledged),
                    0,
                    100,
                    TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 500);

            int cut = uplink.block();
            long began = System.nanoTime();
            int beforeCut = acknowledged.size();
            // The outage lasts its time, the sensors answered from the outbox all along.
            await().atMost(OUTAGE.plusSeconds(10))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        return System.nanoTime() - began >= OUTAGE.toNanos();
                    });
            int duringCut = acknowledged.size() - beforeCut;
            uplink.unblock();
            double outageSeconds = (System.nanoTime() - began) / 1e9;
            await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= beforeCut + duringCut + 500);
            sender.shutdown();
            assertThat(sender.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            sensors.forEach(TestCoapClient::close);

            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> BrokerReadings.of(packs.messages()).containsAll(acknowledged));
            Set<String> received = BrokerReadings.of(packs.messages());
            System.out.printf(
                    "UplinkOutageIT: uplink cut for %.0f s (%d connections cut); %d readings answered 2.04 during the"
                            + " cut, %d in all; %d at the broker, %d sent twice (dropped by the platform's key)%n",
                    outageSeconds,
                    cut,
                    duringCut,
                    acknowledged.size(),
                    received.size(),
                    BrokerReadings.duplicates(packs.messages()));
            assertThat(duringCut)
                    .as("sensors answered while the uplink was cut")
                    .isGreaterThan(10_000);
            assertThat(received).containsAll(acknowledged);
        } finally {
            sender.shutdownNow();
        }
    }

    private static void postRound(String tenant, List<TestCoapClient> sensors, long seq, Set<String> acknowledged) {
        for (int n = 0; n < DEVICES; n++) {
            String device = device(n);
            byte[] senml = ("[{\"bn\":\"" + SenmlPack.baseNameOf(tenant, device) + "\",\"bt\":1700000000,\"seq\":" + seq
                            + ",\"n\":\"flow\",\"u\":\"l/min\",\"v\":" + (seq % 500) + "}]")
                    .getBytes(StandardCharsets.UTF_8);
            try {
                CoapResponse response = sensors.get(n).post("/up/" + device, senml, 110);
                if (response != null && response.getCode() == ResponseCode.CHANGED) {
                    acknowledged.add(SenmlPack.baseNameOf(tenant, device) + "flow#" + seq);
                }
            } catch (RuntimeException e) {
                // No answer: the sensor keeps its reading; it is not acknowledged. (Any exception caught, or the
                // fixed-rate schedule would stop without a word.)
            }
        }
    }
}
