package city.mycity.edge;

import city.mycity.codec.PayloadDecoders;
import city.mycity.edge.coap.CoapUplinkServer;
import city.mycity.edge.config.GatewayConfig;
import city.mycity.edge.config.GatewayConfigParser;
import city.mycity.edge.config.RemoteConfig;
import city.mycity.edge.mqtt.MqttUplinkOptions;
import city.mycity.edge.mqtt.MqttUplinkPublisher;
import city.mycity.edge.outbox.Outbox;
import city.mycity.edge.outbox.OutboxState;
import city.mycity.edge.outbox.SqliteOutbox;
import city.mycity.edge.security.DeviceKeys;
import city.mycity.edge.security.KeysFile;
import city.mycity.edge.telemetry.GatewayHealth;
import city.mycity.edge.telemetry.Sightings;
import city.mycity.edge.telemetry.TelemetryReporter;
import city.mycity.metrics.Health;
import city.mycity.reading.GatewayTopics;
import city.mycity.reading.SensorKind;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway-side agent: sensors {@code POST coap://agent:5683/up/{device}}, the agent gathers the readings of each
 * gateway's sensors into gateway packs published with QoS 1 on {@code mycity/v1/{tenant}/{gateway}/up} (or, with
 * packing off, publishes each message on {@code mycity/v1/{tenant}/{gateway}/{device}/up}) and answers each sensor 2.04
 * once the broker has acknowledged the message that carries its reading.
 *
 * <pre>{@code
 * try (EdgeAgent agent = EdgeAgent.builder().tenant("demo-town").gateway("gw-z-a1")
 *         .mqttUrl("tcp://broker:1883").build().start()) { ... agent.coapPort() ... }
 * }</pre>
 */
public final class EdgeAgent implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(EdgeAgent.class);

    private final Builder settings;
    private final UplinkPublisher publisher;
    private final UplinkForwarder forwarder;
    private final OutboxUplink outbox;
    private final RemoteConfig remoteConfig;
    private final Sightings sightings = new Sightings();
    private final TelemetryReporter telemetry;
    private final long startedAt = System.nanoTime();
    private CoapUplinkServer coap;
    private java.util.concurrent.ScheduledExecutorService keysWatch;

    /** @param packing the gateway pack limits, or {@code null} for one MQTT message per device message */
    private EdgeAgent(Builder settings, UplinkPublisher publisher, PackLimits packing) {
        this.settings = settings;
        this.publisher = publisher;
        EdgeMetrics metrics = new EdgeMetrics(settings.meterRegistry);
        Delivery delivery = new Delivery(publisher, settings.publishTimeout, metrics);
        this.outbox = settings.outbox == null ? null : outboxUplink(settings, publisher, packing, metrics);
        GatewayPacker packer = packing == null || outbox != null
                ? null
                : new GatewayPacker(settings.tenant, packing, delivery, LingerTimer.daemon());
        // One gateway's agent takes its configuration from the platform; an agent forwarding for several (the demo's)
        // serves the defaults.
        // Kept beside the outbox, when there is one, so that a restart without the broker keeps the settings.
        this.remoteConfig = new RemoteConfig(
                new GatewayConfigParser(
                        settings.deviceKinds, settings.deviceKeys == null ? Set.of() : settings.deviceKeys.devices()),
                settings.outbox == null || !settings.singleGateway
                        ? null
                        : settings.outbox.resolveSibling(settings.outbox.getFileName() + ".config.json"));
        this.forwarder = new UplinkForwarder(
                settings.tenant,
                settings.gatewayOf,
                settings.decoders,
                settings.maxPayloadBytes,
                delivery,
                packer,
                outbox,
                metrics,
                sightings);
        forwarder.reportRefusalsTo(report -> reportRefusal(settings, publisher, report));
        this.telemetry = settings.singleGateway && !settings.telemetryInterval.isZero()
                ? new TelemetryReporter(
                        settings.tenant, settings.gateway, this::ownHealth, sightings, forwarder::forwardOwn)
                : null;
    }

    /**
     * Sends a refusal to the platform's refusal store on the gateway's refused topic (the device's gateway, or the
     * agent's own for a device it does not know), without waiting; counted as {@code mycity.edge.refusal-reports}
     * with {@code result} sent or dropped (the broker away: the sensor was answered all the same).
     */
    private static void reportRefusal(Builder settings, UplinkPublisher publisher, RefusalReport report) {
        String gateway = null;
        try {
            gateway = city.mycity.reading.Identifiers.isValid(report.device())
                    ? settings.gatewayOf.apply(report.device())
                    : null;
        } catch (RuntimeException unknown) {
            // reported under the agent's own gateway
        }
        if (gateway == null) {
            gateway = settings.gateway;
        }
        if (gateway == null) {
            settings.meterRegistry.counter(REFUSAL_REPORTS, "result", "dropped").increment();
            return;
        }
        publisher
                .publishRefusal(settings.tenant, gateway, report.toJson())
                .whenComplete((ok, error) -> settings.meterRegistry
                        .counter(REFUSAL_REPORTS, "result", error == null ? "sent" : "dropped")
                        .increment());
    }

    /** Counter: refusal reports, tagged {@code result} sent or dropped. */
    public static final String REFUSAL_REPORTS = "mycity.edge.refusal-reports";

    /** The agent's own health, for its telemetry. */
    private GatewayHealth ownHealth() {
        if (outbox == null) {
            return TelemetryReporter.processHealth(startedAt, 0, 0, 0);
        }
        OutboxState state = outbox.state();
        return TelemetryReporter.processHealth(
                startedAt,
                state.readings(),
                state.oldestAgeMillis(System.currentTimeMillis()) / 1000.0,
                state.evictedReadings());
    }

    private static OutboxUplink outboxUplink(
            Builder settings, UplinkPublisher publisher, PackLimits packing, EdgeMetrics metrics) {
        Outbox store = SqliteOutbox.open(settings.outbox, settings.outboxMaxReadings, settings.outboxMaxBytes);
        metrics.watch(store);
        // Without packing, the drain still takes its batches within these limits, one message a batch.
        PackLimits drainLimits =
                packing != null ? packing : new PackLimits(1, PackLimits.VALIDATOR_MAX_BYTES, Duration.ofMillis(50));
        OutboxDrain drain = new OutboxDrain(
                store,
                publisher,
                settings.tenant,
                drainLimits,
                settings.outboxWindow,
                settings.publishTimeout,
                metrics);
        return new OutboxUplink(settings.tenant, packing, store, drain, metrics);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts connecting to the broker (in the background) and binds CoAP. Until the broker is connected, uplinks are
     * answered 5.03.
     *
     * @throws UncheckedIOException when the CoAP port cannot be bound (and no fallback applies)
     */
    public synchronized EdgeAgent start() {
        if (coap != null) {
            throw new IllegalStateException("Edge agent is already started.");
        }
        if (settings.singleGateway && publisher instanceof ControlChannel control) {
            control.serveConfig(
                    GatewayTopics.config(settings.tenant, settings.gateway),
                    GatewayTopics.configStatus(settings.tenant, settings.gateway),
                    offered -> remoteConfig.offer(offered).toJson());
        }
        publisher.start();
        if (outbox != null) {
            outbox.start();
        }
        try {
            coap = bind(settings.coapPort);
        } catch (IOException e) {
            if (!settings.fallBackToFreePort || settings.coapPort == 0) {
                publisher.close();
                throw new UncheckedIOException(e);
            }
            LOGGER.warn("CoAP port {} is taken; falling back to a free port", settings.coapPort);
            try {
                coap = bind(0);
            } catch (IOException again) {
                publisher.close();
                throw new UncheckedIOException(again);
            }
        }
        if (telemetry != null) {
            telemetry.start(settings.telemetryInterval);
        }
        if (settings.keysFile != null && !settings.plainCoap) {
            keysWatch = keysWatch(coap, settings.keysFile, settings.keysReload);
        }
        LOGGER.info("Edge agent for tenant {} listening on CoAP port {}", settings.tenant, coap.port());
        return this;
    }

    /** Looks at the keys file now and then, and hands the server its keys when they changed. */
    private static java.util.concurrent.ScheduledExecutorService keysWatch(
            CoapUplinkServer server, KeysFile file, Duration interval) {
        java.util.concurrent.ScheduledExecutorService timer =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "edge-keys-watch");
                    t.setDaemon(true);
                    return t;
                });
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        file.changed().ifPresent(server::replaceKeys);
                    } catch (RuntimeException e) {
                        LOGGER.warn("Keeping the sensor keys in use: {}", e.getMessage());
                    }
                },
                interval.toMillis(),
                interval.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
        return timer;
    }

    private CoapUplinkServer bind(int port) throws IOException {
        return CoapUplinkServer.start(
                settings.coapHost,
                port,
                forwarder,
                settings.plainCoap ? null : settings.deviceKeys,
                remoteConfig,
                settings.deviceKinds);
    }

    /** The UDP port CoAP is bound to (the real one when 0 was asked for). */
    public synchronized int coapPort() {
        if (coap == null) {
            throw new IllegalStateException("Edge agent is not started.");
        }
        return coap.port();
    }

    /** The address and UDP port CoAP is bound to (the real port when 0 was asked for). */
    public synchronized InetSocketAddress coapAddress() {
        if (coap == null) {
            throw new IllegalStateException("Edge agent is not started.");
        }
        return coap.address();
    }

    /**
     * What the agent says at {@code GET /health}: {@code up} while the broker is connected; {@code degraded} while it
     * is not but the outbox keeps what the sensors send; {@code down} when sensors would get 5.03 (no broker and no
     * outbox) or CoAP is not bound. With the facts an operator looks at first.
     */
    public synchronized Health health() {
        boolean connected = publisher.isConnected();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("tenant", settings.tenant);
        details.put("coapPort", coap == null ? -1 : coap.port());
        details.put("dtls", !settings.plainCoap);
        details.put("brokerConnected", connected);
        details.put("uptimeSeconds", (System.nanoTime() - startedAt) / 1_000_000_000L);
        details.put("configVersion", remoteConfig.current().version());
        if (outbox != null) {
            OutboxState state = outbox.state();
            details.put("outboxReadings", state.readings());
            details.put("outboxOldestAgeSeconds", state.oldestAgeMillis(System.currentTimeMillis()) / 1000);
            details.put("outboxEvictedReadings", state.evictedReadings());
            details.put("outboxRefusedReadings", state.refusedReadings());
        }
        String status =
                coap == null ? Health.DOWN : connected ? Health.UP : outbox != null ? Health.DEGRADED : Health.DOWN;
        return new Health(status, details);
    }

    /**
     * The configuration the agent runs: the last valid one the platform published on the gateway's config topic
     * ({@code mycity/v1/{tenant}/{gateway}/config}), or {@link GatewayConfig#INITIAL}.
     */
    public GatewayConfig configuration() {
        return remoteConfig.current();
    }

    /** Whether uplinks can be forwarded now (the broker is connected). */
    public boolean isConnected() {
        return publisher.isConnected();
    }

    /** The transport-free core, for embedding the agent behind another transport. */
    public UplinkForwarder forwarder() {
        return forwarder;
    }

    @Override
    public synchronized void close() {
        if (keysWatch != null) {
            keysWatch.shutdownNow();
            keysWatch = null;
        }
        if (telemetry != null) {
            telemetry.close();
        }
        // Sensors whose readings wait in open packs are told 5.03 while CoAP can still answer them.
        forwarder.close();
        if (coap != null) {
            coap.close();
            coap = null;
        }
        if (outbox != null) {
            // What is stored and not yet sent stays in the outbox file for the next start.
            outbox.close();
        }
        publisher.close();
    }

    /** Settings of an {@link EdgeAgent}. Tenant, gateway (or {@link #gatewayOf}) and MQTT URL (or publisher) are required. */
    public static final class Builder {
        private String tenant;
        private String gateway;
        private Function<String, String> gatewayOf;
        private boolean singleGateway;
        private Function<String, Optional<SensorKind>> deviceKinds = device -> Optional.empty();
        private Duration telemetryInterval = Duration.ofMinutes(1);
        private String coapHost = "127.0.0.1";
        private int coapPort = 5683;
        private boolean fallBackToFreePort = true;
        private String mqttUrl;
        private String mqttUsername;
        private char[] mqttPassword;
        private String mqttClientId;
        private Path mqttCaFile;
        private boolean plainMqtt;
        private int maxPayloadBytes = 16 * 1024;
        private int maxInFlight = 256;
        private Duration publishTimeout = Duration.ofSeconds(5);
        private boolean packing = true;
        private int packMaxReadings = 200;
        private int packMaxBytes = 64 * 1024;
        private Duration packLinger = Duration.ofMillis(50);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration maxReconnectDelay = Duration.ofSeconds(30);
        private PayloadDecoders decoders = PayloadDecoders.defaults();
        private DeviceKeys deviceKeys;
        private KeysFile keysFile;
        private Duration keysReload = Duration.ofSeconds(10);
        private boolean plainCoap;
        private Path outbox;
        private long outboxMaxReadings = 2_000_000;
        private long outboxMaxBytes = 512L * 1024 * 1024;
        private int outboxWindow = 8;
        private UplinkPublisher publisher;
        private MeterRegistry meterRegistry = Metrics.globalRegistry;

        private Builder() {}

        /** The council the agent forwards for. Required. */
        public Builder tenant(String tenant) {
            this.tenant = tenant;
            return this;
        }

        /** The gateway every device is behind. Required unless {@link #gatewayOf} is given. */
        public Builder gateway(String gateway) {
            this.gateway = gateway;
            return this;
        }

        /**
         * Which gateway a device is behind, for an agent that forwards for several gateways of one tenant (the demo
         * runs one agent for the whole city). Returning {@code null} answers the device 4.04. By default, {@link
         * #gateway} for every device.
         */
        public Builder gatewayOf(Function<String, String> gatewayOf) {
            this.gatewayOf = gatewayOf;
            return this;
        }

        /**
         * The address CoAP binds to. By default, {@code 127.0.0.1} (loopback only). With DTLS ({@link #deviceKeys}),
         * sensors authenticate and any address may be bound, e.g. {@code 0.0.0.0}; with {@link #plainCoap} whoever
         * reaches the port can post for any device, so bind loopback or an isolated lab network only.
         */
        public Builder coapHost(String coapHost) {
            this.coapHost = coapHost;
            return this;
        }

        /**
         * The sensors' pre-shared keys: CoAP over DTLS 1.2, each sensor authenticated by its key under its device id
         * (PSK identity) and allowed to post only as itself (4.03 otherwise); a sensor without a key cannot complete
         * the handshake. Required unless {@link #plainCoap} says otherwise.
         */
        /**
         * The sensors' keys from a file (the format of {@link DeviceKeys}), read again when it changes, every {@link
         * #keysReload} (by default, 10 s): a key issued, rotated or revoked in the registry and exported to the file
         * takes effect without a restart. Instead of {@link #deviceKeys}.
         */
        public Builder deviceKeysFile(Path file) {
            this.keysFile = KeysFile.open(file);
            this.deviceKeys = keysFile.load();
            return this;
        }

        /** How often {@link #deviceKeysFile} is looked at. By default, 10 seconds. */
        public Builder keysReload(Duration interval) {
            Checks.positive("Keys reload interval", interval);
            this.keysReload = interval;
            return this;
        }

        public Builder deviceKeys(DeviceKeys deviceKeys) {
            this.deviceKeys = deviceKeys;
            return this;
        }

        /**
         * Plain CoAP without DTLS, for a lab or the simulated city on one host: devices do not authenticate. By
         * default, false: the agent does not start without {@link #deviceKeys}.
         */
        public Builder plainCoap(boolean plainCoap) {
            this.plainCoap = plainCoap;
            return this;
        }

        /** The UDP port for CoAP, 0 for a free one. By default, 5683. */
        public Builder coapPort(int coapPort) {
            this.coapPort = coapPort;
            return this;
        }

        /** Whether to bind a free port when the CoAP port is taken (the real one is logged). By default, true. */
        public Builder fallBackToFreePort(boolean fallBackToFreePort) {
            this.fallBackToFreePort = fallBackToFreePort;
            return this;
        }

        /** The MQTT broker, e.g. {@code tcp://broker:1883}. Required unless a {@link #publisher} is given. */
        public Builder mqttUrl(String mqttUrl) {
            this.mqttUrl = mqttUrl;
            return this;
        }

        /** The MQTT account. By default, none (anonymous). */
        public Builder mqttUsername(String mqttUsername) {
            this.mqttUsername = mqttUsername;
            return this;
        }

        /** The MQTT password, never logged. By default, none. */
        public Builder mqttPassword(String mqttPassword) {
            this.mqttPassword = mqttPassword == null ? null : mqttPassword.toCharArray();
            return this;
        }

        /**
         * For an {@code ssl://} broker URL, a PEM file of the certificate authorities trusted for the broker's
         * certificate (whose name must match the URL's host). By default, none: the JVM's default trust store.
         */
        public Builder mqttCaFile(Path mqttCaFile) {
            this.mqttCaFile = mqttCaFile;
            return this;
        }

        /**
         * Lab only: allow a plain {@code tcp://} broker URL to a host that is not this machine, which sends the
         * gateway's password and its readings in clear. By default, off: such a URL is refused, use {@code ssl://}.
         */
        public Builder plainMqtt(boolean plainMqtt) {
            this.plainMqtt = plainMqtt;
            return this;
        }

        /** The MQTT client identifier. By default, {@code mycity-edge-{tenant}-} and a random suffix. */
        public Builder mqttClientId(String mqttClientId) {
            this.mqttClientId = mqttClientId;
            return this;
        }

        /** The largest payload a device may send, in bytes; larger ones get 4.13. By default, 16384. */
        public Builder maxPayloadBytes(int maxPayloadBytes) {
            this.maxPayloadBytes = maxPayloadBytes;
            return this;
        }

        /**
         * The most MQTT messages (gateway packs, or device messages with packing off) awaiting the broker's PUBACK at
         * once; beyond it devices get 5.03. By default, 256.
         */
        public Builder maxInFlight(int maxInFlight) {
            this.maxInFlight = maxInFlight;
            return this;
        }

        /** How long to wait for the broker's PUBACK before answering 5.03. By default, 5 seconds. */
        public Builder publishTimeout(Duration publishTimeout) {
            this.publishTimeout = publishTimeout;
            return this;
        }

        /**
         * Whether the readings of each gateway's sensors go up together in gateway packs on {@code
         * mycity/v1/{tenant}/{gateway}/up}, each sensor answered 2.04 once the broker acknowledged the pack carrying its
         * reading; off, each message goes alone on its device topic. By default, true (on).
         */
        public Builder packing(boolean packing) {
            this.packing = packing;
            return this;
        }

        /** A gateway pack is published once it holds this many readings (SenML records), 1-2048. By default, 200. */
        public Builder packMaxReadings(int packMaxReadings) {
            this.packMaxReadings = packMaxReadings;
            return this;
        }

        /**
         * A gateway pack is published before it would grow past this many bytes of SenML JSON, 1024-262144 (the
         * platform's limit). By default, 65536 (64 KiB).
         */
        public Builder packMaxBytes(int packMaxBytes) {
            this.packMaxBytes = packMaxBytes;
            return this;
        }

        /**
         * A gateway pack is published once its oldest reading has waited this long, full or not: a sensor waits at most
         * this plus the publish timeout for its answer. By default, 50 milliseconds.
         */
        public Builder packLinger(Duration packLinger) {
            this.packLinger = packLinger;
            return this;
        }

        /** How long one MQTT connection attempt may take. By default, 10 seconds. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** The longest pause between two attempts to reach the broker. By default, 30 seconds. */
        public Builder maxReconnectDelay(Duration maxReconnectDelay) {
            this.maxReconnectDelay = maxReconnectDelay;
            return this;
        }

        /**
         * The file of the gateway's durable outbox (SQLite, WAL, fsync at every commit). With it, a sensor is answered
         * 2.04 once its message is stored there, and the agent sends the stored messages in order as the broker takes
         * them, keeping them across restarts and outages; without it, a sensor is answered only once the broker
         * acknowledged its message, and 5.03 while the broker is away. By default, none.
         */
        public Builder outbox(Path outbox) {
            this.outbox = outbox;
            return this;
        }

        /**
         * The most readings the outbox holds; when full, the oldest messages are evicted (counted in {@code
         * mycity.edge.outbox.evicted} and logged). By default, 2,000,000 (a day of 20 readings a second).
         */
        public Builder outboxMaxReadings(long outboxMaxReadings) {
            this.outboxMaxReadings = outboxMaxReadings;
            return this;
        }

        /** The most bytes of SenML the outbox holds, evicting as above. By default, 536870912 (512 MiB). */
        public Builder outboxMaxBytes(long outboxMaxBytes) {
            this.outboxMaxBytes = outboxMaxBytes;
            return this;
        }

        /** The most packs from the outbox awaiting the broker's PUBACK at once. By default, 8. */
        public Builder outboxWindow(int outboxWindow) {
            this.outboxWindow = outboxWindow;
            return this;
        }

        /**
         * Each device's kind when the gateway knows it (from its profile), so that a configuration's settings per kind
         * reach it and its thresholds are checked against its quantities. By default, no device's kind is known.
         */
        public Builder deviceKinds(Function<String, Optional<SensorKind>> deviceKinds) {
            this.deviceKinds = deviceKinds;
            return this;
        }

        /**
         * How often the agent reports its gateway's health as readings of the gateway (a device of kind {@code
         * gateway}: uptime, outbox depth and oldest age, evictions, CPU, memory) and, for each sensor heard from, how
         * long ago ({@code seen-ago}); {@link Duration#ZERO} turns it off. Only an agent for one gateway reports. By
         * default, every minute.
         */
        public Builder telemetryInterval(Duration telemetryInterval) {
            this.telemetryInterval = telemetryInterval;
            return this;
        }

        /** The decoders for device payloads. By default, {@link PayloadDecoders#defaults()}. */
        public Builder decoders(PayloadDecoders decoders) {
            this.decoders = decoders;
            return this;
        }

        /**
         * Where uplinks go instead of MQTT (embedding, tests); the agent closes it. By default, an MQTT v5 publisher
         * to {@link #mqttUrl}.
         */
        public Builder publisher(UplinkPublisher publisher) {
            this.publisher = publisher;
            return this;
        }

        /** Where the agent's counters go. By default, {@link Metrics#globalRegistry}. */
        public Builder meterRegistry(MeterRegistry meterRegistry) {
            this.meterRegistry = meterRegistry;
            return this;
        }

        public EdgeAgent build() {
            Checks.identifier("Tenant", tenant);
            if (gatewayOf == null) {
                Checks.identifier("Gateway", gateway);
                String only = gateway;
                gatewayOf = device -> only;
                singleGateway = true;
            }
            Checks.notNull("CoAP host", coapHost);
            Checks.state(
                    plainCoap || deviceKeys != null,
                    "Devices must authenticate: give the sensors' keys (deviceKeys, mycity.edge.device-keys) for DTLS,"
                            + " or, in a lab only, turn plain CoAP on (plainCoap, mycity.edge.plain-coap=on).");
            Checks.state(
                    !(plainCoap && deviceKeys != null),
                    "Plain CoAP and device keys exclude each other: drop one of them.");
            Checks.state(coapPort >= 0 && coapPort <= 65_535, "CoAP port must be 0-65535, but was " + coapPort + ".");
            Checks.state(maxPayloadBytes > 0, "Max payload bytes must be positive.");
            Checks.state(maxInFlight > 0, "Max in-flight must be positive.");
            Checks.positive("Publish timeout", publishTimeout);
            PackLimits packLimits = packing ? new PackLimits(packMaxReadings, packMaxBytes, packLinger) : null;
            Checks.positive("Connect timeout", connectTimeout);
            Checks.positive("Max reconnect delay", maxReconnectDelay);
            Checks.notNull("Decoders", decoders);
            Checks.notNull("Device kinds", deviceKinds);
            Checks.state(
                    telemetryInterval != null && !telemetryInterval.isNegative(),
                    "Telemetry interval must be zero (off) or positive.");
            Checks.state(
                    outboxMaxReadings > 0, "Outbox max readings must be positive, but was " + outboxMaxReadings + ".");
            Checks.state(outboxMaxBytes > 0, "Outbox max bytes must be positive, but was " + outboxMaxBytes + ".");
            Checks.state(outboxWindow > 0, "Outbox window must be positive, but was " + outboxWindow + ".");
            Checks.notNull("Meter registry", meterRegistry);
            UplinkPublisher chosen = publisher;
            if (chosen == null) {
                Checks.state(mqttUrl != null && !mqttUrl.isBlank(), "MQTT URL must be set (or a publisher given).");
                Checks.state(
                        mqttCaFile == null || mqttUrl.startsWith("ssl://") || mqttUrl.startsWith("wss://"),
                        "A broker CA file (mycity.mqtt.ca-file) is for a TLS broker URL, ssl:// or wss://, not "
                                + mqttUrl + ".");
                Checks.state(
                        plainMqtt || BrokerUrls.encryptedOrLocal(mqttUrl),
                        "MQTT URL " + mqttUrl + " is plain TCP to another machine: the gateway's password and readings"
                                + " would cross the network in clear. Use ssl://host:8883 (with mycity.mqtt.ca-file"
                                + " for the council's CA), or in a lab only set mycity.edge.plain-mqtt=on.");
                String clientId = mqttClientId != null
                        ? mqttClientId
                        : "mycity-edge-" + tenant + "-"
                                + UUID.randomUUID().toString().substring(0, 8);
                chosen = new MqttUplinkPublisher(new MqttUplinkOptions(
                        mqttUrl,
                        mqttUsername,
                        mqttPassword,
                        clientId,
                        maxInFlight,
                        connectTimeout,
                        maxReconnectDelay,
                        mqttCaFile));
            }
            return new EdgeAgent(this, chosen, packLimits);
        }
    }
}
