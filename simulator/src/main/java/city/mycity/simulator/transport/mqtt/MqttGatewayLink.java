package city.mycity.simulator.transport.mqtt;

import city.mycity.citymodel.Sensor;
import city.mycity.reading.DeviceAddress;
import city.mycity.reading.SenmlCodec;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.UplinkTopic;
import city.mycity.simulator.exception.DeliveryException;
import city.mycity.simulator.transport.DeviceLink;
import city.mycity.simulator.transport.GatewayPacker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each device's messages the way its edge gateway would: over MQTT v5 (Paho), one session per gateway, QoS 1,
 * to {@code mycity/v1/{tenant}/{gateway}/{device}/up}. A send completes when the broker acknowledged the message
 * (PUBACK without an error reason) and blocks while the gateway's window of unacknowledged messages is full.
 * Sessions are opened on a gateway's first message and reconnect on their own. Thread-safe.
 *
 * <p>With {@link Builder#gatewayPacks(int, Duration) gateway packs}, the messages of each gateway are gathered
 * ({@link GatewayPacker}) into packs published on {@code mycity/v1/{tenant}/{gateway}/up}, and a send completes when
 * the pack carrying the message was acknowledged; the window then counts packs. A message that is not SenML (a
 * malformed payload) cannot be joined: it still goes alone on its device topic, where the platform refuses it alone.
 */
public final class MqttGatewayLink implements DeviceLink {

    private static final Logger LOGGER = LoggerFactory.getLogger(MqttGatewayLink.class);

    private final String serverUri;
    private final String username;
    private final String password;
    private final String clientIdPrefix;
    private final int maxInFlight;
    private final Duration connectTimeout;
    private final GatewayPacker packer;
    private final Duration resendFor;
    private final ScheduledExecutorService resends = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mqtt-gateway-link-resends");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, GatewayConnection> connections = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private MqttGatewayLink(Builder builder) {
        this.serverUri = builder.serverUri;
        this.username = builder.username;
        this.password = builder.password;
        this.clientIdPrefix = builder.clientIdPrefix;
        this.maxInFlight = builder.maxInFlight;
        this.connectTimeout = builder.connectTimeout;
        this.resendFor = builder.resendFor;
        this.packer = builder.packMaxReadings == 0
                ? null
                : new GatewayPacker(builder.packMaxReadings, builder.packLinger, this::publishPack);
    }

    /** @param serverUri the broker, e.g. {@code tcp://localhost:1883} or {@code ssl://broker:8883} */
    public static Builder builder(String serverUri) {
        return new Builder(serverUri);
    }

    /** With gateway packs, a payload that decodes as SenML joins its gateway's pack; anything else goes alone. */
    @Override
    public CompletionStage<Void> send(String tenant, Sensor sensor, byte[] payload) {
        if (packer != null) {
            SenmlCodec.Decoded decoded = SenmlCodec.json().decode(payload);
            if (decoded.isOk()) {
                return packer.add(tenant, sensor.gateway(), decoded.pack());
            }
        }
        return sendAlone(tenant, sensor, payload);
    }

    @Override
    public CompletionStage<Void> send(String tenant, Sensor sensor, byte[] payload, SenmlPack pack) {
        if (packer == null || pack == null) {
            return sendAlone(tenant, sensor, payload);
        }
        return packer.add(tenant, sensor.gateway(), pack);
    }

    @Override
    public boolean packsGateways() {
        return packer != null;
    }

    private CompletionStage<Void> publishPack(String tenant, String gateway, byte[] senml) {
        return connection(tenant, gateway).publish(UplinkTopic.ofGateway(tenant, gateway), senml);
    }

    private CompletionStage<Void> sendAlone(String tenant, Sensor sensor, byte[] payload) {
        String topic;
        GatewayConnection connection;
        try {
            topic = UplinkTopic.of(new DeviceAddress(tenant, sensor.gateway(), sensor.id()));
            connection = connection(tenant, sensor.gateway());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return connection.publish(topic, payload);
    }

    private GatewayConnection connection(String tenant, String gateway) {
        String key = tenant + "/" + gateway;
        GatewayConnection connection = connections.get(key);
        if (connection != null) {
            return connection;
        }
        synchronized (connections) {
            if (closed) {
                throw new DeliveryException("The MQTT link is closed.");
            }
            return connections.computeIfAbsent(key, k -> connect(clientIdPrefix + tenant + "-" + gateway));
        }
    }

    /** Connects every gateway of these sensors at once. */
    @Override
    public void open(String tenant, Collection<Sensor> sensors) {
        synchronized (connections) {
            Map<String, Connecting> started = new LinkedHashMap<>();
            for (Sensor sensor : sensors) {
                String key = tenant + "/" + sensor.gateway();
                if (!connections.containsKey(key) && !started.containsKey(key)) {
                    started.put(key, startConnecting(clientIdPrefix + tenant + "-" + sensor.gateway()));
                }
            }
            started.forEach((key, connecting) -> connections.put(key, connecting.await()));
        }
    }

    private GatewayConnection connect(String clientId) {
        return startConnecting(clientId).await();
    }

    private Connecting startConnecting(String clientId) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 5);
        options.setConnectionTimeout((int) Math.max(1, connectTimeout.toSeconds()));
        if (username != null) {
            options.setUserName(username);
        }
        if (password != null) {
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        try {
            MqttAsyncClient client = new MqttAsyncClient(serverUri, clientId, new MemoryPersistence());
            return new Connecting(clientId, client, client.connect(options));
        } catch (MqttException e) {
            throw failedToConnect(clientId, e);
        }
    }

    private DeliveryException failedToConnect(String clientId, MqttException e) {
        return new DeliveryException(
                "Could not connect " + clientId + " to the MQTT broker " + serverUri + ": " + e.getMessage(), e);
    }

    /** A session whose CONNECT is on its way. */
    private final class Connecting {
        private final String clientId;
        private final MqttAsyncClient client;
        private final IMqttToken token;

        Connecting(String clientId, MqttAsyncClient client, IMqttToken token) {
            this.clientId = clientId;
            this.client = client;
            this.token = token;
        }

        GatewayConnection await() {
            try {
                token.waitForCompletion(connectTimeout.toMillis());
            } catch (MqttException e) {
                try {
                    client.close(true);
                } catch (MqttException closing) {
                    e.addSuppressed(closing);
                }
                throw failedToConnect(clientId, e);
            }
            Integer receiveMaximum = token.getResponseProperties() == null
                    ? null
                    : token.getResponseProperties().getReceiveMaximum();
            int window = receiveMaximum == null ? maxInFlight : Math.min(maxInFlight, receiveMaximum);
            LOGGER.info("Gateway session {} connected to {} (window {})", clientId, serverUri, window);
            return new GatewayConnection(client, window, resendFor, resends);
        }
    }

    /** Publishes the gateway packs still open, then disconnects every gateway session. */
    @Override
    public void close() {
        if (packer != null) {
            packer.close();
        }
        synchronized (connections) {
            closed = true;
            connections.values().forEach(GatewayConnection::close);
            connections.clear();
        }
        resends.shutdownNow();
    }

    /** Settings of a {@link MqttGatewayLink}; only the broker has no default. */
    public static final class Builder {
        private final String serverUri;
        private String username;
        private String password;
        private String clientIdPrefix =
                "mycity-sim-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF)) + "-";
        private int maxInFlight = 32;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private int packMaxReadings;
        private Duration packLinger;
        private Duration resendFor = Duration.ZERO;

        private Builder(String serverUri) {
            if (serverUri == null || serverUri.isBlank()) {
                throw new IllegalArgumentException("MQTT server URI must not be blank.");
            }
            this.serverUri = serverUri;
        }

        /** The user name to connect with. By default, none. */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        /** The password to connect with; never logged. By default, none. */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /**
         * The start of every session's client id, followed by {@code {tenant}-{gateway}}. By default, {@code
         * mycity-sim-} and a random hex number, so that two simulators do not take over each other's sessions.
         */
        public Builder clientIdPrefix(String clientIdPrefix) {
            this.clientIdPrefix = clientIdPrefix;
            return this;
        }

        /**
         * The most unacknowledged messages (gateway packs, with {@link #gatewayPacks}) per gateway session; never more
         * than the broker's receive maximum. By default, 32.
         */
        public Builder maxInFlight(int maxInFlight) {
            this.maxInFlight = maxInFlight;
            return this;
        }

        /** How long to wait for a session to connect. By default, 10 seconds. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * Gathers the messages of each gateway into gateway packs on {@code mycity/v1/{tenant}/{gateway}/up}: a pack is
         * published once it holds {@code maxReadings} readings (SenML records, 1-2048) or once its oldest message has
         * waited {@code linger}, and split if it would exceed the platform's 256 KiB. Each message is confirmed when
         * its pack's PUBACK arrives. A malformed payload (not SenML) still goes alone on its device topic. By default,
         * off: every message alone on its device topic.
         */
        public Builder gatewayPacks(int maxReadings, Duration linger) {
            this.packMaxReadings = maxReadings;
            this.packLinger = linger;
            return this;
        }

        /**
         * For how long a message the broker did not take (connection lost, refused, or PUBACK 0x10 "no matching
         * subscribers": nobody reads uplinks, or the broker forgot the stream job's shared subscription in a restart)
         * is sent again, after pauses doubling from 100 ms to 2 s, as a gateway with an outbox does; the message is
         * confirmed only once a PUBACK says it was delivered. By default, zero: such a message fails at once.
         */
        public Builder resendFor(Duration resendFor) {
            this.resendFor = resendFor;
            return this;
        }

        public MqttGatewayLink build() {
            if (resendFor == null || resendFor.isNegative()) {
                throw new IllegalStateException("Resend budget must not be negative, but was " + resendFor + ".");
            }
            if (maxInFlight <= 0) {
                throw new IllegalStateException("Max in-flight must be positive, but was " + maxInFlight);
            }
            if (clientIdPrefix == null || connectTimeout == null || connectTimeout.isNegative()) {
                throw new IllegalStateException("Client id prefix and a positive connect timeout are required.");
            }
            if (packLinger != null || packMaxReadings != 0) {
                if (packMaxReadings < 1 || packMaxReadings > GatewayPacker.MAX_READINGS) {
                    throw new IllegalStateException("Gateway pack max readings must be 1-" + GatewayPacker.MAX_READINGS
                            + ", but was " + packMaxReadings + ".");
                }
                if (packLinger == null || packLinger.isNegative() || packLinger.isZero()) {
                    throw new IllegalStateException(
                            "Gateway pack linger must be positive, but was " + packLinger + ".");
                }
            }
            return new MqttGatewayLink(this);
        }
    }
}
