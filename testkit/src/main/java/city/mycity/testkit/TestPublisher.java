package city.mycity.testkit;

import java.nio.charset.StandardCharsets;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/** A Paho v5 client that publishes at QoS 1 and returns once the broker has acknowledged each message. */
public final class TestPublisher implements AutoCloseable {

    /** How long a publish refused as "too many in progress" is tried again. */
    private static final long RETRY_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

    private final MqttClient client;

    private TestPublisher(MqttClient client) {
        this.client = client;
    }

    static TestPublisher connect(TestBroker broker) {
        try {
            MqttClient client = new MqttClient(broker.url(), broker.clientId("it-pub"), new MemoryPersistence());
            client.connect(broker.connectionOptions());
            return new TestPublisher(client);
        } catch (MqttException e) {
            throw new IllegalStateException("Could not connect a publisher to " + broker.url() + ": " + e, e);
        }
    }

    public void publish(String topic, String payload) {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Publishes at QoS 1 and waits for the PUBACK. Paho v5 1.2.5 sometimes refuses a publish in a fast burst with
     * "Too many publishes in progress" (32202) though the earlier ones were acknowledged; such a message was not sent,
     * so it is sent again.
     */
    public void publish(String topic, byte[] payload) {
        publish(topic, payload, false);
    }

    /** Publishes a retained message at QoS 1 (an empty payload clears the topic's retained message). */
    public void publishRetained(String topic, String payload) {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8), true);
    }

    private void publish(String topic, byte[] payload, boolean retained) {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        message.setRetained(retained);
        long deadline = System.nanoTime() + RETRY_NANOS;
        while (true) {
            try {
                client.publish(topic, message);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT || System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not publish to " + topic + ": " + e, e);
                }
                Thread.onSpinWait();
            }
        }
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
