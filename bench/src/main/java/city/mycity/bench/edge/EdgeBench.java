package city.mycity.bench.edge;

import city.mycity.bench.BenchListener;
import city.mycity.bench.exception.BenchException;
import city.mycity.bench.services.BrokerEndpoint;
import city.mycity.edge.outbox.SqliteOutbox;
import city.mycity.edge.security.DeviceKeys;
import city.mycity.edge.standalone.StandaloneAgent;
import city.mycity.reading.SenmlCodec;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.SenmlRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * The edge agent's benchmark ({@code ./mycity bench-edge}): the standalone agent in a JVM of its own, as on a gateway.
 *
 * <ol>
 *   <li><b>Accept:</b> hundreds of DTLS sensors, each with its own session and key, post as fast as the agent answers
 *       for the hold; every answer comes after the reading is fsync'd into the outbox, so this is also the outbox's
 *       write rate as the sensors see it. The broker is reachable, so the agent drains meanwhile.
 *   <li><b>Drain:</b> the agent is stopped, its outbox filled offline (in this JVM) to the buffered count, as after a
 *       long outage, and the agent started again: the rate is readings received by a subscriber at the broker, from
 *       the agent's start to the last one.
 * </ol>
 *
 * The agent's resident memory (its largest) and CPU are sampled from {@code /proc} throughout.
 */
public final class EdgeBench {

    private static final String TENANT = "edge-bench";
    private static final String GATEWAY = "gw-bench";
    private static final long POST_TIMEOUT_MILLIS = 5_000;

    /**
     * @param sensors DTLS sensors to simulate
     * @param senders threads posting for them
     * @param hold how long the sensors post
     * @param buffered readings in the outbox when the drain starts
     */
    public record Options(int sensors, int senders, Duration hold, int buffered) {}

    private final Options options;
    private final BrokerEndpoint broker;
    private final Path workDir;
    private final BenchListener listener;

    public EdgeBench(Options options, BrokerEndpoint broker, Path workDir, BenchListener listener) {
        this.options = options;
        this.broker = broker;
        this.workDir = workDir;
        this.listener = listener;
    }

    public EdgeFigures run() throws IOException, InterruptedException {
        List<String> devices = new ArrayList<>();
        List<byte[]> keys = new ArrayList<>();
        SecureRandom random = new SecureRandom();
        Map<String, byte[]> byDevice = new HashMap<>();
        for (int i = 0; i < options.sensors(); i++) {
            String device = "bin-%05d".formatted(i);
            byte[] key = new byte[16];
            random.nextBytes(key);
            devices.add(device);
            keys.add(key);
            byDevice.put(device, key);
        }
        Path outbox = workDir.resolve("outbox.db");
        Path config = Files.writeString(
                workDir.resolve("edge.properties"),
                String.join(
                        "\n",
                        "mycity.edge.tenant=" + TENANT,
                        "mycity.edge.gateway=" + GATEWAY,
                        "mycity.coap.port=0",
                        "mycity.metrics.port=-1",
                        "mycity.edge.device-keys="
                                + DeviceKeys.of(byDevice).writeTo(workDir.resolve("keys.conf"), "The bench's sensors."),
                        "mycity.edge.outbox=" + outbox,
                        "mycity.edge.outbox-max-readings=" + Math.max(2_000_000, options.buffered() * 2L)));
        Map<String, String> environment = new java.util.HashMap<>();
        environment.put("MYCITY_MQTT_URL", broker.url());
        if (broker.username() != null) {
            environment.put("MYCITY_MQTT_USERNAME", broker.username());
            environment.put("MYCITY_MQTT_PASSWORD", broker.password());
        }
        AtomicLong received = new AtomicLong();
        MqttAsyncClient subscriber = subscribe(received);
        try {
            Accepted accepted = accept(devices, keys, config, environment);
            Drained drained = drain(outbox, devices, config, environment, received);
            return new EdgeFigures(
                    options.sensors(),
                    options.senders(),
                    accepted.perSecond(),
                    accepted.usage().maxRss(),
                    accepted.usage().cpuPercent(),
                    options.buffered(),
                    drained.fillSeconds(),
                    drained.perSecond(),
                    drained.usage().maxRss(),
                    drained.usage().cpuPercent());
        } finally {
            try {
                subscriber.disconnect().waitForCompletion(5_000);
                subscriber.close();
            } catch (MqttException e) {
                listener.status("closing the subscriber: " + e.getMessage());
            }
        }
    }

    private record Accepted(double perSecond, Usage usage) {}

    private record Drained(double fillSeconds, double perSecond, Usage usage) {}

    private Accepted accept(List<String> devices, List<byte[]> keys, Path config, Map<String, String> environment)
            throws InterruptedException {
        try (StandaloneAgent agent = StandaloneAgent.start(
                        StandaloneAgent.jar(), config, environment, config.resolveSibling("edge-agent.log"));
                DtlsSensors sensors = new DtlsSensors(devices, keys, agent.coapPort())) {
            listener.status("edge: " + devices.size() + " DTLS handshakes");
            for (int i = 0; i < sensors.size(); i++) {
                sensors.post(i, reading(sensors.device(i), 0), POST_TIMEOUT_MILLIS);
            }
            listener.status("edge: " + devices.size() + " sensors posting for "
                    + options.hold().toSeconds() + " s");
            AtomicLong answered = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService senders = Executors.newFixedThreadPool(options.senders());
            Sampler sampler = new Sampler(agent);
            long began = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int s = 0; s < options.senders(); s++) {
                int first = s;
                running.add(senders.submit(() -> {
                    for (long seq = 1; !stop.get(); seq++) {
                        for (int i = first; i < sensors.size() && !stop.get(); i += options.senders()) {
                            if (sensors.post(i, reading(sensors.device(i), seq), POST_TIMEOUT_MILLIS)) {
                                answered.incrementAndGet();
                            }
                        }
                    }
                }));
            }
            sampler.sampleFor(options.hold(), listener, "edge: accepting", answered);
            stop.set(true);
            long counted = answered.get();
            double seconds = (System.nanoTime() - began) / 1e9;
            for (Future<?> sender : running) {
                try {
                    sender.get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    throw new BenchException("A sender failed: " + e.getMessage(), e);
                }
            }
            senders.shutdown();
            Usage usage = sampler.usage();
            listener.result(String.format(
                    "Edge: %,.0f readings/s accepted over CoAP/DTLS from %d sensors; agent max RSS %d MiB, CPU %.0f %%",
                    counted / seconds, devices.size(), usage.maxRss() >> 20, usage.cpuPercent()));
            return new Accepted(counted / seconds, usage);
        }
    }

    private Drained drain(
            Path outbox, List<String> devices, Path config, Map<String, String> environment, AtomicLong received)
            throws InterruptedException {
        listener.status("edge: filling the outbox with " + options.buffered() + " readings");
        long fillBegan = System.nanoTime();
        try (SqliteOutbox store = SqliteOutbox.open(outbox, options.buffered() * 2L, 4L * 1024 * 1024 * 1024)) {
            List<CompletableFuture<Long>> window = new ArrayList<>();
            for (int i = 0; i < options.buffered(); i++) {
                String device = devices.get(i % devices.size());
                byte[] senml = reading(device, 1_000_000L + i / devices.size());
                window.add(store.append(GATEWAY, device, true, senml, 1).toCompletableFuture());
                if (window.size() == 20_000) {
                    CompletableFuture.allOf(window.toArray(CompletableFuture[]::new))
                            .join();
                    window.clear();
                    listener.status("edge: outbox filled with " + (i + 1) + " readings");
                }
            }
            CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).join();
        }
        double fillSeconds = (System.nanoTime() - fillBegan) / 1e9;
        long before = received.get();
        long target = before + options.buffered();
        listener.status("edge: draining " + options.buffered() + " readings");
        long began = System.nanoTime();
        try (StandaloneAgent agent = StandaloneAgent.start(
                StandaloneAgent.jar(), config, environment, config.resolveSibling("edge-agent.log"))) {
            Sampler sampler = new Sampler(agent);
            sampler.sampleUntil(() -> received.get() >= target, Duration.ofMinutes(15), listener, received, before);
            double seconds = (System.nanoTime() - began) / 1e9;
            long drained = received.get() - before;
            Usage usage = sampler.usage();
            listener.result(String.format(
                    "Edge: drained %,d readings in %.1f s (%,.0f readings/s); agent max RSS %d MiB, CPU %.0f %%",
                    drained, seconds, drained / seconds, usage.maxRss() >> 20, usage.cpuPercent()));
            return new Drained(fillSeconds, drained / seconds, usage);
        }
    }

    /** One self-contained SenML reading of {@code device}, as the agent stores it. */
    private static byte[] reading(String device, long seq) {
        SenmlPack pack = SenmlPack.of(
                TENANT,
                device,
                Instant.ofEpochSecond(1_700_000_000L + seq),
                seq,
                List.of(SenmlRecord.measurement("fill", seq % 100, "%")));
        return SenmlCodec.json().encode(pack.selfContained());
    }

    private MqttAsyncClient subscribe(AtomicLong received) {
        try {
            MqttAsyncClient client =
                    new MqttAsyncClient(broker.url(), "edge-bench-subscriber", new MemoryPersistence());
            MqttConnectionOptions connection = new MqttConnectionOptions();
            connection.setCleanStart(true);
            connection.setReceiveMaximum(65_535);
            if (broker.username() != null) {
                connection.setUserName(broker.username());
                connection.setPassword(broker.password().getBytes(StandardCharsets.UTF_8));
            }
            client.setCallback(new RecordCounter(received));
            IMqttToken connected = client.connect(connection);
            connected.waitForCompletion(10_000);
            client.subscribe("mycity/v1/" + TENANT + "/+/up", 1).waitForCompletion(10_000);
            return client;
        } catch (MqttException e) {
            throw new BenchException("Could not subscribe to the broker: " + e.getMessage(), e);
        }
    }
}
