package city.mycity.simulator.transport.mqtt;

import city.mycity.simulator.exception.DeliveryException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/** One gateway's MQTT session: publishes QoS 1 and completes on PUBACK, with a bounded window of unacknowledged ones. */
final class GatewayConnection {

    private static final int QOS = 1;
    private static final int FIRST_ERROR_REASON = 0x80;

    private final MqttAsyncClient client;
    private final Semaphore window;

    GatewayConnection(MqttAsyncClient client, int window) {
        this.client = client;
        this.window = new Semaphore(window);
    }

    /** Waits for room in the window, then publishes; the future completes when the broker acknowledged it. */
    CompletableFuture<Void> publish(String topic, byte[] payload) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        try {
            window.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acknowledged.completeExceptionally(
                    new DeliveryException("Interrupted while waiting to publish to " + topic, e));
            return acknowledged;
        }
        acknowledged.whenComplete((ignored, error) -> window.release());
        MqttMessage message = new MqttMessage(payload);
        message.setQos(QOS);
        try {
            client.publish(topic, message, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] codes = token.getReasonCodes();
                    if (codes != null && codes.length > 0 && codes[0] >= FIRST_ERROR_REASON) {
                        acknowledged.completeExceptionally(new DeliveryException("Broker refused the message on "
                                + topic + " with reason code 0x" + Integer.toHexString(codes[0])));
                    } else {
                        acknowledged.complete(null);
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    acknowledged.completeExceptionally(
                            new DeliveryException("Could not publish to " + topic + ": " + error.getMessage(), error));
                }
            });
        } catch (MqttException | RuntimeException e) {
            acknowledged.completeExceptionally(
                    new DeliveryException("Could not publish to " + topic + ": " + e.getMessage(), e));
        }
        return acknowledged;
    }

    void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(5_000).waitForCompletion(5_000);
            }
        } catch (MqttException e) {
            // The broker may already be gone: closing below releases the client either way.
        } finally {
            try {
                client.close(true);
            } catch (MqttException e) {
                // Nothing left to release.
            }
        }
    }
}
