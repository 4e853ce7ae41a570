package city.mycity.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.mycity.reading.DeviceDirectory;
import city.mycity.reading.DeviceInfo;
import city.mycity.reading.Reading;
import city.mycity.reading.ReadingValidator;
import city.mycity.reading.SensorKind;
import city.mycity.reading.Uplink;
import city.mycity.reading.UplinkTopic;
import city.mycity.reading.Validation;
import city.mycity.testkit.ReceivedMessage;
import city.mycity.testkit.TestBroker;
import city.mycity.testkit.TestSubscriber;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's health as readings, through a real broker: every interval the agent reports the gateway (a device of
 * kind {@code gateway}) and, for each sensor heard from, how long ago, in gateway packs the platform's own validator
 * accepts.
 */
class TelemetryIT {

    private static final String GATEWAY = "gw-z-a1";

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

    @Test
    void the_gateway_reports_its_health_and_when_it_last_heard_each_sensor() throws Exception {
        String tenant = broker.tenant();
        TestSubscriber packs = broker.subscriber(UplinkTopic.ofGateway(tenant, GATEWAY));
        try (EdgeAgent agent = EdgeAgent.builder()
                        .plainCoap(true)
                        .tenant(tenant)
                        .gateway(GATEWAY)
                        .coapPort(0)
                        .outbox(dir.resolve("outbox.db"))
                        .telemetryInterval(Duration.ofSeconds(1))
                        .mqttUrl(broker.url())
                        .mqttUsername(broker.username())
                        .mqttPassword(broker.password())
                        .mqttClientId(broker.clientId("edge"))
                        .build()
                        .start();
                TestCoapClient sensor = new TestCoapClient(agent.coapPort())) {
            byte[] reading = ("[{\"bn\":\"urn:dev:" + tenant
                            + ":bin-00017:\",\"bt\":1700000000,\"n\":\"fill\",\"u\":\"%\","
                            + "\"v\":40},{\"n\":\"temperature\",\"u\":\"Cel\",\"v\":11}]")
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(sensor.post("/up/bin-00017", reading, 110).getCode()).isEqualTo(ResponseCode.CHANGED);

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> quantities(accepted(tenant, packs.messages()), "bin-00017")
                            .contains("seen-ago"));
            List<Reading> readings = accepted(tenant, packs.messages());

            assertThat(quantities(readings, GATEWAY))
                    .contains("uptime", "outbox-depth", "outbox-oldest-age", "outbox-evicted", "memory");
            Map<String, Double> latest = readings.stream()
                    .filter(r -> r.device().equals(GATEWAY))
                    .collect(Collectors.toMap(Reading::quantity, Reading::value, (a, b) -> b));
            assertThat(latest.get("memory")).as("resident memory, bytes").isGreaterThan(1_000_000);
            assertThat(latest.get("uptime")).isGreaterThanOrEqualTo(0);
            assertThat(readings.stream()
                            .filter(r -> r.device().equals("bin-00017")
                                    && r.quantity().equals("seen-ago"))
                            .map(Reading::value))
                    .allSatisfy(ago -> assertThat(ago).isBetween(0.0, 30.0));
        }
    }

    /** The readings the platform's validator accepts from what arrived, the gateway registered as a device. */
    private static List<Reading> accepted(String tenant, List<ReceivedMessage> messages) {
        ReadingValidator validator = ReadingValidator.builder(DeviceDirectory.of(List.of(
                        new DeviceInfo(tenant, GATEWAY, GATEWAY, SensorKind.GATEWAY.code(), "z-a1", null, 55.95, -3.19),
                        new DeviceInfo(
                                tenant, "bin-00017", GATEWAY, SensorKind.BIN.code(), "z-a1", null, 55.95, -3.19))))
                .build();
        List<Reading> readings = new ArrayList<>();
        for (ReceivedMessage message : messages) {
            Validation validation = validator.validate(new Uplink(message.topic(), message.payload(), Instant.now()));
            assertThat(validation.refused()).as("refused by the platform").isEmpty();
            readings.addAll(validation.accepted());
        }
        return readings;
    }

    private static List<String> quantities(List<Reading> readings, String device) {
        return readings.stream()
                .filter(r -> r.device().equals(device))
                .map(Reading::quantity)
                .toList();
    }
}
