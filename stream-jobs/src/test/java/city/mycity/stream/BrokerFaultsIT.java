package city.mycity.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.mycity.embedded.MosquittoProcess;
import city.mycity.reading.DeviceAddress;
import city.mycity.reading.SenmlCodec;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.SenmlRecord;
import city.mycity.reading.UplinkTopic;
import city.mycity.settings.Settings;
import city.mycity.stream.mqtt.MqttSource;
import city.mycity.stream.registry.JdbcDeviceRegistry;
import city.mycity.stream.sink.JdbcConnector;
import city.mycity.testkit.TcpProxy;
import city.mycity.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job against a real Mosquitto (persistence on) whose connections are cut and which is restarted while readings
 * flow: afterwards the store holds exactly the readings sent, each once, with the same sum per device.
 */
class BrokerFaultsIT {

    private static final String GATEWAY = "gw-1";
    private static final int DEVICES = 20;
    private static final int MESSAGES = 6_000;

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @TempDir
    Path folder;

    private TestDatabase db;
    private MosquittoProcess mosquitto;
    private TcpProxy proxy;
    private JobClient job;
    private final String tenant = "it-faults";

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(MosquittoProcess.available(), "Mosquitto is not installed (apt-get install mosquitto)");
        db = TestDatabase.create().migrated();
        mosquitto = MosquittoProcess.start(folder);
        proxy = TcpProxy.to(mosquitto.port());
        sql("INSERT INTO tenant (id, name) VALUES ('" + tenant + "', 'Faults')");
        for (int d = 0; d < DEVICES; d++) {
            sql("INSERT INTO device (tenant_id, id, gateway_id, kind, zone_id, latitude, longitude) VALUES ('" + tenant
                    + "', '" + device(d) + "', '" + GATEWAY + "', 'bin', 'z-1', 50.0, 4.0)");
        }
        JdbcConnector database = new JdbcConnector(db.jdbcUrl(), db.user(), db.password());
        MqttSource source = MqttSource.builder("tcp://127.0.0.1:" + proxy.port())
                .username(mosquitto.username())
                .password(mosquitto.password())
                .group("faults")
                .topicFilters(UplinkTopic.ofTenant(tenant))
                .connections(2)
                .build();
        Settings settings = Settings.of(
                Map.of(StreamSettings.CHECKPOINT_INTERVAL.key(), "300ms", StreamSettings.PARALLELISM.key(), "2"));
        job = ReadingsJob.builder(source, new JdbcDeviceRegistry(database), Sinks.jdbc(database, 500))
                .build()
                .start(ReadingsJob.configure(StreamExecutionEnvironment.getExecutionEnvironment(), settings));
        await().atMost(Duration.ofSeconds(60)).until(() -> proxy.connections() == 4);
    }

    @AfterEach
    void stop() throws Exception {
        if (job != null) {
            job.cancel().get();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void readings_sent_while_the_jobs_connections_are_cut_and_the_broker_restarts_are_all_stored_once()
            throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1));
        Map<String, Double> sentSums = new TreeMap<>();
        try (Publisher publisher = new Publisher()) {
            for (int i = 0; i < MESSAGES; i++) {
                if (i == MESSAGES / 3) {
                    int cut = proxy.cutConnections();
                    System.out.println("BrokerFaultsIT: cut " + cut + " connections of the job after " + i);
                }
                if (i == 2 * MESSAGES / 3) {
                    mosquitto.restart();
                    publisher.reconnect();
                    System.out.println("BrokerFaultsIT: restarted Mosquitto after " + i);
                }
                int d = i % DEVICES;
                double value = (i * 7) % 101;
                publisher.publish(
                        UplinkTopic.of(new DeviceAddress(tenant, GATEWAY, device(d))),
                        fill(device(d), value, start.plusSeconds(i), i));
                sentSums.merge(device(d), value, Double::sum);
            }
        }

        try {
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .conditionEvaluationListener(condition -> {
                        if (condition.getElapsedTimeInMS() % 10_000 < 500) {
                            System.out.println("BrokerFaultsIT: " + count("SELECT count(*) FROM reading")
                                    + " readings stored, " + proxy.connections() + " job connections");
                        }
                    })
                    .until(() -> count("SELECT count(*) FROM reading") >= MESSAGES);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            mosquitto.log().ifPresent(log -> System.out.println("Mosquitto's log:\n" + log));
            System.out.println("BrokerFaultsIT: missing messages " + missing(start));
            throw e;
        }
        assertThat(count("SELECT count(*) FROM reading")).isEqualTo(MESSAGES);
        assertThat(sumsPerDevice()).isEqualTo(sentSums);
        assertThat(count("SELECT count(*) FROM refusal")).isZero();
    }

    /** The numbers of the messages sent and not stored, from the reading times (message i has start + i s). */
    private List<Long> missing(Instant start) throws SQLException {
        java.util.Set<Long> stored = new java.util.HashSet<>();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT time FROM reading");
                ResultSet rows = ps.executeQuery()) {
            while (rows.next()) {
                stored.add(Duration.between(start, rows.getTimestamp(1).toInstant())
                        .toSeconds());
            }
        }
        return java.util.stream.LongStream.range(0, MESSAGES)
                .filter(i -> !stored.contains(i))
                .boxed()
                .toList();
    }

    private static String device(int d) {
        return "bin-%03d".formatted(d);
    }

    private byte[] fill(String device, double value, Instant time, long seq) {
        return SenmlCodec.json()
                .encode(SenmlPack.of(tenant, device, time, seq, List.of(SenmlRecord.measurement("fill", value, "%"))));
    }

    /**
     * Publishes at QoS 1 straight to Mosquitto (not through the proxy), waiting for each PUBACK, as the edge agent
     * does: a PUBACK saying "no matching subscribers" (0x10) means the message went nowhere (Mosquitto forgets shared
     * subscriptions when it restarts, until the job subscribes again), so it is sent again.
     */
    private final class Publisher implements AutoCloseable {
        private static final int NO_MATCHING_SUBSCRIBERS = 0x10;
        private MqttAsyncClient client;
        int resent;

        Publisher() throws MqttException {
            reconnect();
        }

        void reconnect() throws MqttException {
            if (client != null) {
                client.close(true);
            }
            client = new MqttAsyncClient(mosquitto.url(), "faults-publisher", new MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setUserName(mosquitto.username());
            options.setPassword(mosquitto.password().getBytes(StandardCharsets.UTF_8));
            options.setCleanStart(true);
            client.connect(options).waitForCompletion();
        }

        void publish(String topic, byte[] payload) {
            MqttMessage message = new MqttMessage(payload);
            message.setQos(1);
            await().atMost(Duration.ofMinutes(1)).pollDelay(Duration.ZERO).until(() -> {
                IMqttToken token = client.publish(topic, message);
                token.waitForCompletion();
                int[] codes = token.getReasonCodes();
                boolean delivered = codes == null || codes.length == 0 || codes[0] != NO_MATCHING_SUBSCRIBERS;
                resent += delivered ? 0 : 1;
                return delivered;
            });
        }

        @Override
        public void close() throws MqttException {
            System.out.println("BrokerFaultsIT: " + resent + " messages sent again after 'no matching subscribers'");
            client.disconnect().waitForCompletion();
            client.close();
        }
    }

    private Map<String, Double> sumsPerDevice() throws SQLException {
        Map<String, Double> sums = new TreeMap<>();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT device_id, sum(value) FROM reading GROUP BY device_id");
                ResultSet rows = ps.executeQuery()) {
            while (rows.next()) {
                sums.put(rows.getString(1), rows.getDouble(2));
            }
        }
        return sums;
    }

    private long count(String sql) {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rows = ps.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sql(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }
}
