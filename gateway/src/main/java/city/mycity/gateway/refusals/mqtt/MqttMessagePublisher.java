package city.mycity.gateway.refusals.mqtt;

import city.mycity.gateway.refusals.MessagePublisher;
import city.mycity.settings.Settings;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/** Publishes re-injected messages at QoS 1 with Paho v5, waiting for each PUBACK. */
public final class MqttMessagePublisher implements MessagePublisher, AutoCloseable {

    private final MqttClient client;

    private MqttMessagePublisher(MqttClient client) {
        this.client = client;
    }

    /** Connects to the broker; {@code username} and {@code password} may be {@code null}. */
    public static MqttMessagePublisher connect(String url, String username, String password) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setConnectionTimeout(10);
        if (username != null) {
            options.setUserName(username);
        }
        if (password != null) {
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        try {
            MqttClient client = new MqttClient(url, "mycity-replay-" + UUID.randomUUID(), new MemoryPersistence());
            client.connect(options);
            return new MqttMessagePublisher(client);
        } catch (MqttException e) {
            throw new IllegalStateException(
                    "Could not connect to the MQTT broker " + Settings.redact(url) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void publish(String topic, byte[] payload) throws MqttException {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        client.publish(topic, message);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
