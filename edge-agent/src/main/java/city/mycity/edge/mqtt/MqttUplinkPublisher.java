package city.mycity.edge.mqtt;

import city.mycity.edge.ControlChannel;
import city.mycity.edge.UplinkPublisher;
import city.mycity.edge.exception.MessageRefusedException;
import city.mycity.edge.exception.UplinkUnavailableException;
import city.mycity.reading.DeviceAddress;
import city.mycity.reading.GatewayTopics;
import city.mycity.reading.UplinkTopic;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes uplinks with Paho's MQTT v5 asynchronous client: QoS 1 on {@link UplinkTopic#of} (a device's message) or
 * {@link UplinkTopic#ofGateway} (a gateway pack), completing on PUBACK.
 *
 * <p>Connects in the background and keeps trying until the broker answers; after the first connection Paho's
 * automatic reconnect takes over. While disconnected, or with {@code maxInFlight} messages (device messages and gateway
 * packs alike) awaiting their PUBACK, a
 * publish fails at once with {@link UplinkUnavailableException}: the device keeps its reading and retries, so nothing
 * piles up in the agent's memory.
 */
public final class MqttUplinkPublisher implements UplinkPublisher, ControlChannel {

    private static final Logger LOGGER = LoggerFactory.getLogger(MqttUplinkPublisher.class);
    private static final int QOS = 1;
    /** MQTT v5 reason code 0x95: the packet is larger than the broker's Maximum Packet Size. */
    private static final int PACKET_TOO_LARGE = 0x95;

    private final MqttUplinkOptions options;
    private final MqttAsyncClient client;
    private final SSLSocketFactory tls;
    private final Semaphore inFlight;
    private final ScheduledExecutorService retries;
    private volatile boolean closed;
    private volatile ConfigService config;

    /** The gateway's config and status topics and what answers a configuration. */
    private record ConfigService(String topic, String statusTopic, Function<byte[], byte[]> answer) {}

    public MqttUplinkPublisher(MqttUplinkOptions options) {
        this.options = options;
        this.tls = options.tls() && options.caFile() != null ? BrokerTrust.trusting(options.caFile()) : null;
        try {
            this.client = new MqttAsyncClient(options.url(), options.clientId(), new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "MQTT broker URL '" + options.url() + "' is not usable: " + e.getMessage(), e);
        }
        this.inFlight = new Semaphore(options.maxInFlight());
        this.retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "mycity-edge-mqtt-connect");
            thread.setDaemon(true);
            return thread;
        });
        client.setCallback(new ConnectionLog());
    }

    @Override
    public void start() {
        connect(1);
    }

    private void connect(int attempt) {
        if (closed) {
            return;
        }
        try {
            client.connect(connectionOptions(), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    LOGGER.info("Connected to MQTT broker {} as {}", options.url(), options.clientId());
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    retryLater(attempt, error);
                }
            });
        } catch (MqttException e) {
            retryLater(attempt, e);
        }
    }

    private void retryLater(int attempt, Throwable error) {
        if (closed) {
            return;
        }
        long delay = Math.min(options.maxReconnectDelay().toMillis(), 250L << Math.min(attempt, 10));
        LOGGER.warn(
                "MQTT broker {} not reachable (attempt {}): {}; trying again in {} ms",
                options.url(),
                attempt,
                error.getMessage(),
                delay);
        retries.schedule(() -> connect(attempt + 1), delay, TimeUnit.MILLISECONDS);
    }

    private MqttConnectionOptions connectionOptions() {
        MqttConnectionOptions connection = new MqttConnectionOptions();
        connection.setAutomaticReconnect(true);
        connection.setAutomaticReconnectDelay(
                1, (int) Math.max(1, options.maxReconnectDelay().toSeconds()));
        connection.setCleanStart(true);
        connection.setConnectionTimeout(
                (int) Math.max(1, options.connectTimeout().toSeconds()));
        connection.setKeepAliveInterval(30);
        if (tls != null) {
            connection.setSocketFactory(tls);
        }
        // The broker's certificate must name the host of the URL (Paho's default, stated).
        connection.setHttpsHostnameVerificationEnabled(true);
        if (options.username() != null) {
            connection.setUserName(options.username());
        }
        if (options.password() != null) {
            connection.setPassword(new String(options.password()).getBytes(StandardCharsets.UTF_8));
        }
        return connection;
    }

    @Override
    public void serveConfig(String configTopic, String statusTopic, Function<byte[], byte[]> answer) {
        this.config = new ConfigService(configTopic, statusTopic, answer);
        if (client.isConnected()) {
            subscribeConfig();
        }
    }

    /** Subscribes to the config topic; the broker sends the retained configuration at once. */
    private void subscribeConfig() {
        ConfigService service = config;
        if (service == null) {
            return;
        }
        try {
            client.subscribe(service.topic(), QOS);
        } catch (MqttException e) {
            LOGGER.warn("Could not subscribe to the configuration topic {}: {}", service.topic(), e.getMessage());
        }
    }

    private void configArrived(ConfigService service, MqttMessage message) {
        if (message.getPayload().length == 0) {
            // A retained configuration cleared: the gateway keeps what it runs.
            LOGGER.info("The configuration on {} was cleared; the running one stays", service.topic());
            return;
        }
        byte[] status;
        try {
            status = service.answer().apply(message.getPayload());
        } catch (RuntimeException e) {
            // Thrown out of Paho's callback it would drop the connection, and the retained message would come back.
            LOGGER.warn("Could not handle the configuration on {}: {}", service.topic(), e.toString());
            return;
        }
        try {
            client.publish(service.statusTopic(), new MqttMessage(status, QOS, true, new MqttProperties()));
        } catch (MqttException e) {
            LOGGER.warn("Could not publish the configuration status on {}: {}", service.statusTopic(), e.getMessage());
        }
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public CompletionStage<Void> publish(DeviceAddress address, byte[] senml) {
        return publish(UplinkTopic.of(address), senml);
    }

    @Override
    public CompletionStage<Void> publishPack(String tenant, String gateway, byte[] senml) {
        return publish(UplinkTopic.ofGateway(tenant, gateway), senml);
    }

    @Override
    public CompletionStage<Void> publishRefusal(String tenant, String gateway, byte[] report) {
        return publish(GatewayTopics.refused(tenant, gateway), report);
    }

    private CompletionStage<Void> publish(String topic, byte[] senml) {
        if (!client.isConnected()) {
            return CompletableFuture.failedFuture(
                    new UplinkUnavailableException("not connected to the MQTT broker " + options.url()));
        }
        if (!inFlight.tryAcquire()) {
            return CompletableFuture.failedFuture(new UplinkUnavailableException(
                    options.maxInFlight() + " messages are already waiting for the broker's acknowledgement"));
        }
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        acknowledged.whenComplete((ok, error) -> inFlight.release());
        MqttMessage message = new MqttMessage(senml, QOS, false, new MqttProperties());
        try {
            client.publish(topic, message, null, new Acknowledgement(acknowledged));
        } catch (MqttException e) {
            acknowledged.completeExceptionally(
                    e.getReasonCode() == PACKET_TOO_LARGE
                            ? new MessageRefusedException(
                                    PACKET_TOO_LARGE,
                                    "the message of " + senml.length
                                            + " bytes is larger than the broker takes (its Maximum Packet Size)")
                            : new UplinkUnavailableException("publish failed: " + e.getMessage(), e));
        } catch (RuntimeException e) {
            acknowledged.completeExceptionally(new UplinkUnavailableException("publish failed: " + e.getMessage(), e));
        }
        return acknowledged;
    }

    @Override
    public void close() {
        closed = true;
        retries.shutdownNow();
        try {
            if (client.isConnected()) {
                client.disconnect(2_000).waitForCompletion(3_000);
            }
        } catch (MqttException e) {
            LOGGER.debug("Disconnect from {} did not complete cleanly: {}", options.url(), e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOGGER.debug("Closing the MQTT client failed: {}", e.getMessage());
        }
    }

    /**
     * Completes the publish on PUBACK, and fails it when the broker refuses (reason code 0x80 or above) or says no
     * subscriber took it (0x10): then nobody reads the uplinks (the stream job is not subscribed, or the broker forgot
     * its shared subscription in a restart, as Mosquitto 2.0 does) and the message went nowhere, so the sensor is
     * told to try again.
     */
    private static final class Acknowledgement implements MqttActionListener {
        private static final int NO_MATCHING_SUBSCRIBERS = 0x10;
        /**
         * PUBACK reason codes that the same message would get again: not authorized (0x87), topic name invalid
         * (0x90), payload format invalid (0x99). Unspecified errors (0x80, 0x83), a packet id in use (0x91) and a
         * quota exceeded (0x97) may pass later, so they count as the broker being unavailable.
         */
        private static final java.util.Set<Integer> PERMANENT_REFUSALS = java.util.Set.of(0x87, 0x90, 0x99);

        private final CompletableFuture<Void> acknowledged;

        Acknowledgement(CompletableFuture<Void> acknowledged) {
            this.acknowledged = acknowledged;
        }

        @Override
        public void onSuccess(IMqttToken token) {
            int[] codes = token.getReasonCodes();
            if (codes != null) {
                for (int code : codes) {
                    if (code == NO_MATCHING_SUBSCRIBERS) {
                        acknowledged.completeExceptionally(new UplinkUnavailableException(
                                "no subscriber took the message (reason code 0x10): the stream job is not subscribed"));
                        return;
                    }
                    if (PERMANENT_REFUSALS.contains(code)) {
                        acknowledged.completeExceptionally(new MessageRefusedException(
                                code,
                                "the broker refused the message for good with reason code 0x"
                                        + Integer.toHexString(code)));
                        return;
                    }
                    if (code >= 0x80) {
                        acknowledged.completeExceptionally(new UplinkUnavailableException(
                                "the broker refused the message with reason code 0x" + Integer.toHexString(code)));
                        return;
                    }
                }
            }
            acknowledged.complete(null);
        }

        @Override
        public void onFailure(IMqttToken token, Throwable error) {
            acknowledged.completeExceptionally(
                    new UplinkUnavailableException("publish failed: " + error.getMessage(), error));
        }
    }

    private final class ConnectionLog implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
            LOGGER.warn("Disconnected from MQTT broker {}: {}", options.url(), response);
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOGGER.warn("MQTT error with broker {}: {}", options.url(), exception.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            ConfigService service = config;
            if (service != null && service.topic().equals(topic)) {
                configArrived(service, message);
            }
        }

        @Override
        public void deliveryComplete(IMqttToken token) {}

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            if (reconnect) {
                LOGGER.info("Reconnected to MQTT broker {}", serverURI);
            }
            // Each connection starts clean: subscribe again.
            subscribeConfig();
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }
}
