package city.mycity.simulator.transport.mqtt;

import city.mycity.simulator.exception.DeliveryException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * One gateway's MQTT session: publishes QoS 1 and completes on PUBACK, with a bounded window of unacknowledged ones.
 * A PUBACK with reason code 0x10 (no matching subscribers) means the message went nowhere (nobody reads uplinks, or
 * the broker forgot the stream job's shared subscription in a restart): it fails, like a refusal or a lost connection.
 * Within the {@code resendFor} budget, a failed publish is sent again, as a gateway with an outbox would, after pauses
 * doubling from 100 ms to 2 s.
 */
final class GatewayConnection {

    private static final int QOS = 1;
    private static final int NO_MATCHING_SUBSCRIBERS = 0x10;
    private static final int FIRST_ERROR_REASON = 0x80;
    private static final long FIRST_PAUSE_MILLIS = 100;
    private static final long MAX_PAUSE_MILLIS = 2_000;

    private final MqttAsyncClient client;
    private final Semaphore window;
    private final Duration resendFor;
    private final ScheduledExecutorService resends;

    GatewayConnection(MqttAsyncClient client, int window, Duration resendFor, ScheduledExecutorService resends) {
        this.client = client;
        this.window = new Semaphore(window);
        this.resendFor = resendFor;
        this.resends = resends;
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
        attempt(topic, message, acknowledged, System.nanoTime() + resendFor.toNanos(), FIRST_PAUSE_MILLIS);
        return acknowledged;
    }

    private void attempt(
            String topic, MqttMessage message, CompletableFuture<Void> acknowledged, long deadline, long pause) {
        Consumer<DeliveryException> notTaken =
                error -> retryOrFail(topic, message, acknowledged, deadline, pause, error);
        try {
            client.publish(topic, message, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] codes = token.getReasonCodes();
                    int code = codes == null || codes.length == 0 ? 0 : codes[0];
                    if (code == NO_MATCHING_SUBSCRIBERS || code >= FIRST_ERROR_REASON) {
                        notTaken.accept(new DeliveryException("Broker did not take the message on " + topic
                                + " (reason code 0x" + Integer.toHexString(code) + ")"));
                    } else {
                        acknowledged.complete(null);
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    notTaken.accept(
                            new DeliveryException("Could not publish to " + topic + ": " + error.getMessage(), error));
                }
            });
        } catch (MqttException | RuntimeException e) {
            notTaken.accept(new DeliveryException("Could not publish to " + topic + ": " + e.getMessage(), e));
        }
    }

    private void retryOrFail(
            String topic,
            MqttMessage message,
            CompletableFuture<Void> acknowledged,
            long deadline,
            long pause,
            DeliveryException error) {
        if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause) > deadline || resends.isShutdown()) {
            acknowledged.completeExceptionally(error);
            return;
        }
        try {
            MqttMessage again = new MqttMessage(message.getPayload());
            again.setQos(QOS);
            resends.schedule(
                    () -> attempt(topic, again, acknowledged, deadline, Math.min(MAX_PAUSE_MILLIS, pause * 2)),
                    pause,
                    TimeUnit.MILLISECONDS);
        } catch (RuntimeException rejected) {
            acknowledged.completeExceptionally(error);
        }
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
