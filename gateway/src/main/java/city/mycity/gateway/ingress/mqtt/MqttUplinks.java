package city.mycity.gateway.ingress.mqtt;

import city.mycity.gateway.ingress.Uplinks;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Direct ingress's way to the broker: one MQTT v5 connection (its service account), QoS 1, each publish completed
 * by its PUBACK; Paho reconnects on its own, and a publish while disconnected fails at once (the device is answered
 * 5.03 / 503 and sends again).
 */
public final class MqttUplinks implements Uplinks, AutoCloseable {

    private final MqttAsyncClient client;

    private MqttUplinks(MqttAsyncClient client) {
        this.client = client;
    }

    /** Connects and waits (at most 30 s) for the broker. */
    public static MqttUplinks connect(String url, String username, String password) throws MqttException {
        MqttAsyncClient client =
                new MqttAsyncClient(url, "mycity-ingress-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setAutomaticReconnect(true);
        options.setCleanStart(true);
        if (username != null) {
            options.setUserName(username);
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        client.connect(options).waitForCompletion(30_000);
        return new MqttUplinks(client);
    }

    @Override
    public CompletionStage<Void> publish(String topic, byte[] payload) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        try {
            client.publish(topic, message, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] codes = token.getReasonCodes();
                    if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                        done.completeExceptionally(
                                new IllegalStateException("The broker refused the publish (reason " + codes[0] + ")"));
                    } else {
                        done.complete(null);
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    done.completeExceptionally(error);
                }
            });
        } catch (MqttException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(10_000);
        }
        client.close();
    }
}
