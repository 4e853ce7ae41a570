package city.mycity.simulator.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.mycity.firmware.ota.Campaign;
import city.mycity.firmware.ota.CampaignReport;
import city.mycity.firmware.ota.CampaignState;
import city.mycity.firmware.ota.FirmwareImage;
import city.mycity.firmware.ota.FirmwareSigner;
import city.mycity.firmware.ota.coap.FirmwareServer;
import city.mycity.firmware.ota.mqtt.MqttCampaignReporter;
import city.mycity.simulator.transport.coap.SensorDtls;
import city.mycity.testkit.TestBroker;
import city.mycity.testkit.TestSubscriber;
import city.mycity.testkit.UdpProxy;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Firmware over the air with real parts: the firmware server serves a signed image block-wise over CoAP (loopback
 * UDP, through a relay the test can cut), a simulated sensor fetches, checks and applies it, and every change of its
 * campaign state reaches the platform over a real broker.
 */
class FirmwareUpdateIT {

    private static final String MODEL = "ultrasonic-bin-v2";
    private static final String DEVICE = "bin-00017";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private static TestBroker broker;

    private final KeyPair council = FirmwareSigner.generateKeys();
    private final FirmwareImage image = new FirmwareImage(MODEL, "2.4.1", randomBytes(20_000));
    private final List<String> states = new CopyOnWriteArrayList<>();
    private FirmwareServer server;
    private UdpProxy network;
    private MqttAsyncClient reporter;
    private String tenant;

    @BeforeAll
    static void broker() {
        broker = TestBroker.create();
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
    }

    @BeforeEach
    void start() throws Exception {
        server = FirmwareServer.start("127.0.0.1", 0);
        network = UdpProxy.to(server.port());
        tenant = broker.tenant();
        reporter = new MqttAsyncClient(broker.url(), broker.clientId("fw"), new MemoryPersistence());
        reporter.connect(broker.connectionOptions()).waitForCompletion(10_000);
    }

    @AfterEach
    void stop() throws Exception {
        network.close();
        server.close();
        reporter.disconnect().waitForCompletion(5_000);
        reporter.close();
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(17).nextBytes(bytes);
        return bytes;
    }

    private Campaign campaign(String id, FirmwareImage served, KeyPair signer) {
        Campaign campaign = new Campaign(id, served, FirmwareSigner.sign(image, signer.getPrivate()), List.of(DEVICE));
        campaign.addListener(
                (c, device, state, detail) -> states.add(state.code() + (detail == null ? "" : ": " + detail)));
        campaign.addListener(new MqttCampaignReporter(reporter, tenant));
        server.serve(campaign);
        return campaign;
    }

    private SimulatedFirmware sensor() {
        return new SimulatedFirmware(DEVICE, MODEL, council.getPublic(), "2.3.0", TIMEOUT);
    }

    private String url(Campaign campaign) {
        return "coap://127.0.0.1:" + network.port() + "/fw/" + campaign.id();
    }

    @Test
    void a_sensor_fetches_the_signed_image_block_wise_checks_it_and_applies_it() throws Exception {
        TestSubscriber platform = broker.subscriber(CampaignReport.topic(tenant, "fw-7", "+"));
        Campaign campaign = campaign("fw-7", image, council);

        try (SimulatedFirmware sensor = sensor()) {
            SimulatedFirmware.Outcome outcome = sensor.update(url(campaign), 3, Duration.ofMillis(100));

            assertThat(outcome.applied()).isTrue();
            assertThat(sensor.version()).isEqualTo("2.4.1");
        }
        assertThat(states).containsExactly("downloading", "verified", "applied");
        assertThat(server.blocksServed()).as("blocks of 512 bytes").isGreaterThanOrEqualTo(20_000 / 512);
        assertThat(campaign.progress(DEVICE).orElseThrow().state()).isEqualTo(CampaignState.APPLIED);
        await().atMost(Duration.ofSeconds(10)).until(() -> platform.messages().size() == 3);
        assertThat(platform.texts())
                .allSatisfy(
                        report -> assertThat(report).contains("\"device\":\"" + DEVICE + "\"", "\"version\":\"2.4.1\""))
                .last()
                .satisfies(report -> assertThat(report).contains("\"state\":\"applied\""));
    }

    @Test
    void an_image_that_does_not_match_its_signature_is_refused_every_time_and_never_applied() throws Exception {
        byte[] tampered = image.bytes();
        tampered[4_000] ^= 0x55;
        Campaign campaign = campaign("fw-8", new FirmwareImage(MODEL, "2.4.1", tampered), council);

        try (SimulatedFirmware sensor = sensor()) {
            SimulatedFirmware.Outcome outcome = sensor.update(url(campaign), 2, Duration.ofMillis(100));

            assertThat(outcome.applied()).isFalse();
            assertThat(outcome.reason()).isEqualTo("SHA-256 does not match the manifest");
            assertThat(sensor.version()).isEqualTo("2.3.0");
        }
        assertThat(states)
                .containsExactly(
                        "downloading",
                        "failed: SHA-256 does not match the manifest",
                        "downloading",
                        "failed: SHA-256 does not match the manifest");
        assertThat(campaign.progress(DEVICE).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void a_manifest_signed_with_another_key_is_refused() throws Exception {
        Campaign campaign = campaign("fw-9", image, FirmwareSigner.generateKeys());

        try (SimulatedFirmware sensor = sensor()) {
            Optional<String> refused = sensor.updateOnce(url(campaign));

            assertThat(refused).hasValueSatisfying(reason -> assertThat(reason).startsWith("bad signature"));
            assertThat(sensor.version()).isEqualTo("2.3.0");
        }
        assertThat(states).last().asString().startsWith("failed: bad signature");
    }

    @Test
    void an_older_image_with_a_valid_signature_does_not_roll_the_sensor_back() throws Exception {
        Campaign campaign = campaign("fw-11", image, council);

        try (SimulatedFirmware sensor = new SimulatedFirmware(DEVICE, MODEL, council.getPublic(), "3.0.0", TIMEOUT)) {
            Optional<String> refused = sensor.updateOnce(url(campaign));

            assertThat(refused).contains("version 2.4.1 is not newer than the running 3.0.0");
            assertThat(sensor.version()).isEqualTo("3.0.0");
        }
        assertThat(server.blocksServed()).as("nothing downloaded").isZero();
    }

    @Test
    void a_download_cut_in_the_middle_is_not_applied_and_the_next_try_completes() throws Exception {
        Campaign campaign = campaign("fw-10", image, council);
        try (SimulatedFirmware sensor = sensor()) {
            // The manifest and a few blocks get through, then the network is gone.
            network.cutAfter(6);

            Optional<String> interrupted = sensor.updateOnce(url(campaign));

            assertThat(interrupted)
                    .hasValueSatisfying(reason -> assertThat(reason).startsWith("download interrupted"));
            assertThat(sensor.version()).isEqualTo("2.3.0");
            assertThat(campaign.progress(DEVICE).orElseThrow().state()).isEqualTo(CampaignState.DOWNLOADING);

            network.restore();
            SimulatedFirmware.Outcome outcome = sensor.update(url(campaign), 3, Duration.ofMillis(100));

            assertThat(outcome.applied()).isTrue();
            assertThat(sensor.version()).isEqualTo("2.4.1");
        }
        assertThat(states).containsExactly("downloading", "verified", "applied");
    }

    @Test
    void over_dtls_a_sensor_updates_with_its_own_key_and_reports_only_as_itself() throws Exception {
        byte[] key = "the key of bin-00017".getBytes(StandardCharsets.US_ASCII);
        byte[] neighboursKey = "the key of bin-00099".getBytes(StandardCharsets.US_ASCII);
        try (FirmwareServer secure =
                FirmwareServer.startDtls("127.0.0.1", 0, Map.of(DEVICE, key, "bin-00099", neighboursKey))) {
            Campaign campaign = new Campaign(
                    "fw-12", image, FirmwareSigner.sign(image, council.getPrivate()), List.of(DEVICE, "bin-00099"));
            secure.serve(campaign);
            String url = "coaps://127.0.0.1:" + secure.port() + "/fw/" + campaign.id();

            try (SimulatedFirmware sensor =
                    new SimulatedFirmware(DEVICE, key, MODEL, council.getPublic(), "2.3.0", TIMEOUT)) {
                assertThat(sensor.update(url, 2, Duration.ofMillis(100)).applied())
                        .isTrue();
            }
            assertThat(campaign.progress(DEVICE).orElseThrow().state()).isEqualTo(CampaignState.APPLIED);

            CoapEndpoint neighbour =
                    SensorDtls.endpoint("bin-00099", neighboursKey, Configuration.createStandardWithoutFile());
            neighbour.start();
            CoapClient forger = new CoapClient(url + "/state/" + DEVICE);
            forger.setEndpoint(neighbour);
            try {
                CoapResponse forged =
                        forger.post("failed: forged by a neighbour".getBytes(StandardCharsets.US_ASCII), 0);
                assertThat(forged.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
            } finally {
                forger.shutdown();
                neighbour.destroy();
            }
            assertThat(campaign.progress(DEVICE).orElseThrow().state()).isEqualTo(CampaignState.APPLIED);

            byte[] wrongKey = "not the key of bin-00017".getBytes(StandardCharsets.US_ASCII);
            try (SimulatedFirmware stranger =
                    new SimulatedFirmware(DEVICE, wrongKey, MODEL, council.getPublic(), "2.3.0", TIMEOUT)) {
                assertThat(stranger.updateOnce(url))
                        .hasValueSatisfying(reason -> assertThat(reason).contains("no answer"));
            }
        }
    }
}
