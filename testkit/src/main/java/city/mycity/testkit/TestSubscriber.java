package city.mycity.testkit;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** A Paho v5 client that collects every message on one topic filter, for assertions. */
public final class TestSubscriber implements AutoCloseable {

    private final MqttClient client;
    private final String filter;
    private final List<ReceivedMessage> messages = new CopyOnWriteArrayList<>();

    private TestSubscriber(MqttClient client, String filter) {
        this.client = client;
        this.filter = filter;
    }

    static TestSubscriber connect(TestBroker broker, String filter) {
        return connect(broker.url(), broker.clientId("it-sub"), broker.connectionOptions(), filter);
    }

    /**
     * A subscriber to any broker, e.g. one started for a single test with TLS: {@code options} carry its credentials
     * and socket factory. Close it when done.
     */
    public static TestSubscriber connect(String url, String clientId, MqttConnectionOptions options, String filter) {
        try {
            MqttClient client = new MqttClient(url, clientId, new MemoryPersistence());
            // Every wait bounded: a subscriber the broker has dropped may never be answered.
            client.setTimeToWait(30_000);
            TestSubscriber subscriber = new TestSubscriber(client, filter);
            client.setCallback(subscriber.new Collector());
            client.connect(options);
            client.subscribe(filter, 1);
            return subscriber;
        } catch (MqttException e) {
            throw new IllegalStateException("Could not subscribe to " + filter + " at " + url + ": " + e, e);
        }
    }

    /** Everything received so far, in arrival order. */
    public List<ReceivedMessage> messages() {
        return List.copyOf(messages);
    }

    /** The payloads received so far, as UTF-8 text. */
    public List<String> texts() {
        return messages.stream().map(ReceivedMessage::text).toList();
    }

    /** Waits (at most {@code timeout}) until at least {@code count} messages have arrived, and returns them. */
    public List<ReceivedMessage> awaitCount(int count, Duration timeout) {
        await().atMost(timeout)
                .alias(count + " messages on " + filter + " (have " + messages.size() + ")")
                .until(() -> messages.size() >= count);
        return messages();
    }

    /** As {@link #awaitCount(int, Duration)} with 30 seconds. */
    public List<ReceivedMessage> awaitCount(int count) {
        return awaitCount(count, Duration.ofSeconds(30));
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }

    @Override
    public String toString() {
        return "TestSubscriber[" + filter + ", " + messages.size() + " received]";
    }

    private final class Collector implements MqttCallback {

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            messages.add(new ReceivedMessage(topic, message.getPayload(), message.getQos(), message.isRetained()));
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {}

        @Override
        public void mqttErrorOccurred(MqttException exception) {}

        @Override
        public void deliveryComplete(IMqttToken token) {}

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {}

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }
}
