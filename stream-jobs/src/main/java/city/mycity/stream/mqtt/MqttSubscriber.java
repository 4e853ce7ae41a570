package city.mycity.stream.mqtt;

import city.mycity.reading.Uplink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Paho MQTT v5 client with a persistent session, a shared QoS 1 subscription and manual acknowledgements. Once
 * connected it reconnects through {@link Reconnects} (one attempt at a time, not Paho's automatic reconnect) and
 * subscribes again each time; a failure to connect at all, or a refused subscription, fails the reader (and Flink
 * restarts it).
 */
final class MqttSubscriber implements Subscriber, MqttCallback {

    private static final Logger LOGGER = LoggerFactory.getLogger(MqttSubscriber.class);
    private static final int QOS = 1;
    private static final Duration FIRST_RECONNECT_DELAY = Duration.ofMillis(500);
    private static final Duration LONGEST_RECONNECT_DELAY = Duration.ofSeconds(30);

    private final MqttSourceSettings settings;
    private final String clientId;
    private final AckIds ackIds;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mqtt-reconnect");
        thread.setDaemon(true);
        return thread;
    });
    private final Reconnects reconnects = new Reconnects(
            Reconnects.Timer.on(scheduler), this::reconnect, FIRST_RECONNECT_DELAY, LONGEST_RECONNECT_DELAY);
    private MqttAsyncClient client;
    private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
    private Arrivals<Arrival> arrivals;

    MqttSubscriber(MqttSourceSettings settings, String clientId, int connection) {
        this.settings = settings;
        this.clientId = clientId;
        this.ackIds = new AckIds(connection);
    }

    @Override
    public void open(Arrivals<Arrival> arrivals) {
        this.arrivals = arrivals;
        try {
            client = new MqttAsyncClient(settings.serverUri(), clientId, new MemoryPersistence());
            client.setManualAcks(true);
            client.setCallback(this);
            client.connect(options(), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    connected(false);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    arrivals.fail(cause);
                }
            });
        } catch (MqttException e) {
            arrivals.fail(e);
        }
    }

    /** One attempt of {@link Reconnects}: a new network connection, with the same session. */
    private void reconnect() {
        ackIds.newConnection();
        try {
            client.connect(options(), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    reconnects.succeeded();
                    if (client.isConnected()) {
                        connected(true);
                    } else {
                        reconnects.lost();
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    LOGGER.warn("{} could not reconnect ({}); trying again", clientId, cause.toString());
                    ackIds.newConnection();
                    reconnects.failed();
                }
            });
        } catch (MqttException e) {
            LOGGER.warn("{} could not start to reconnect ({}); trying again", clientId, e.toString());
            reconnects.failed();
        }
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(settings.sessionExpiry().toSeconds());
        options.setReceiveMaximum(settings.receiveMaximum());
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout((int) settings.connectionTimeout().toSeconds());
        options.setKeepAliveInterval(30);
        if (settings.username() != null) {
            options.setUserName(settings.username());
        }
        if (settings.password() != null) {
            options.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
        }
        return options;
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {}

    /** Subscribes on every new connection: a restarted Mosquitto forgets the shared subscriptions of a session. */
    private void connected(boolean reconnect) {
        List<String> topics = settings.subscriptions();
        LOGGER.info(
                "{} connected to {} (reconnect: {}), subscribing to {}",
                clientId,
                settings.serverUri(),
                reconnect,
                topics);
        try {
            client.subscribe(
                    topics.stream().map(t -> new MqttSubscription(t, QOS)).toArray(MqttSubscription[]::new),
                    null,
                    new MqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            int[] codes = token.getReasonCodes();
                            for (int i = 0; codes != null && i < codes.length; i++) {
                                if (codes[i] >= 0x80) {
                                    failSubscription(new IllegalStateException("the broker refused the subscription to "
                                            + topics.get(Math.min(i, topics.size() - 1)) + " (reason code " + codes[i]
                                            + ")"));
                                    return;
                                }
                            }
                            subscribed.complete(null);
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable cause) {
                            if (client.isConnected()) {
                                failSubscription(cause);
                            } else {
                                LOGGER.debug(
                                        "{} lost its connection while subscribing; the reconnect subscribes", clientId);
                            }
                        }
                    },
                    new MqttProperties());
        } catch (MqttException e) {
            failSubscription(e);
        }
    }

    private void failSubscription(Throwable cause) {
        subscribed.completeExceptionally(cause);
        arrivals.fail(cause);
    }

    /** Completes once the broker has granted the first subscription. */
    CompletableFuture<Void> subscribed() {
        return subscribed;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        arrivals.add(new Arrival(
                new Uplink(topic, message.getPayload(), Instant.now()), ackIds.of(message.getId()), message.getQos()));
    }

    @Override
    public void acknowledge(long ackId) {
        OptionalInt packetId = ackIds.packetIdToAcknowledge(ackId);
        if (packetId.isEmpty()) {
            LOGGER.debug(
                    "{} does not acknowledge message {} of an earlier connection; the broker will redeliver it",
                    clientId,
                    Arrival.packetIdOf(ackId));
            return;
        }
        try {
            client.messageArrivedComplete(packetId.getAsInt(), QOS);
        } catch (MqttException | RuntimeException e) {
            LOGGER.debug(
                    "{} could not acknowledge message {}; the broker will redeliver it",
                    clientId,
                    packetId.getAsInt(),
                    e);
        }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        ackIds.newConnection();
        LOGGER.warn("{} lost its connection ({}); reconnecting", clientId, response);
        reconnects.lost();
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        LOGGER.warn("{} MQTT error", clientId, exception);
    }

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}

    @Override
    public void close() {
        reconnects.close();
        scheduler.shutdownNow();
        if (client == null) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnect(2_000).waitForCompletion(3_000);
            }
        } catch (MqttException e) {
            LOGGER.debug("{} did not disconnect cleanly", clientId, e);
        } finally {
            try {
                client.close(true);
            } catch (MqttException e) {
                LOGGER.debug("{} did not close cleanly", clientId, e);
            }
        }
    }
}
