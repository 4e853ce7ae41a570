package city.mycity.bench.ceiling;

import city.mycity.bench.BenchListener;
import city.mycity.bench.MessageForm;
import city.mycity.bench.ceiling.RecordedTraffic.Payload;
import city.mycity.bench.exception.BenchException;
import city.mycity.bench.services.BrokerEndpoint;
import city.mycity.reading.UplinkTopic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The broker stage: the recorded payloads of one form published at QoS 1 by several Paho v5 clients, each with a full
 * window of unacknowledged messages, to subscribers sharing one subscription ({@code $share}, QoS 1) like the job's
 * readers; the figure is what the subscribers receive per second over the hold, after a third of it to warm up. The
 * publishers run at most 4,000 messages ahead of the subscribers (a broker acknowledges what it has queued,
 * so faster publishers would only fill its queues and leave it busy for the next stage). The
 * Java clients run in this JVM, so
 * on a small machine they may run out of CPU before the broker does: a lower bound of the broker's ceiling.
 */
public final class BrokerCeiling {

    private static final int PUBLISHERS = 8;
    private static final int WINDOW = 100;
    private static final int QOS = 1;

    private final BrokerEndpoint broker;
    private final String clientPrefix;
    private final BenchListener listener;
    /** What the broker allows each publisher in flight (its receive maximum; HiveMQ CE: 10). */
    private final Map<MqttAsyncClient, Integer> receiveMaximums = new ConcurrentHashMap<>();

    public BrokerCeiling(BrokerEndpoint broker, String clientPrefix, BenchListener listener) {
        this.broker = broker;
        this.clientPrefix = clientPrefix;
        this.listener = listener;
    }

    public BrokerFigures measure(
            MessageForm form, String tenant, List<Payload> payloads, Duration hold, int subscriberCount)
            throws InterruptedException {
        AtomicLong received = new AtomicLong();
        AtomicLong acknowledged = new AtomicLong();
        List<MqttAsyncClient> clients = new ArrayList<>();
        try {
            String group = clientPrefix + form.code();
            for (int i = 0; i < subscriberCount; i++) {
                clients.add(subscriber(group + "-sub-" + i, group, tenant, received));
            }
            List<Pump> pumps = new ArrayList<>();
            for (int i = 0; i < PUBLISHERS; i++) {
                MqttAsyncClient client = connect(group + "-pub-" + i);
                clients.add(client);
                pumps.add(new Pump(client, payloads, i, window(client), new Lead(acknowledged, received)));
            }
            pumps.forEach(Pump::start);
            // Warm-up (the JIT compiler, the broker's buffers), not measured: a third of the hold.
            long warmNanos = hold.toNanos() / 3;
            listener.status("broker: " + form.label() + ", warming up");
            TimeUnit.NANOSECONDS.sleep(warmNanos);
            long from = received.get();
            long began = System.nanoTime();
            long end = began + hold.toNanos();
            while (System.nanoTime() < end) {
                listener.status(String.format("broker: %s, %,d messages received", form.label(), received.get()));
                TimeUnit.MILLISECONDS.sleep(Math.min(500, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            }
            double rate = (received.get() - from) / ((System.nanoTime() - began) / 1e9);
            pumps.forEach(Pump::stop);
            for (Pump pump : pumps) {
                pump.join();
            }
            awaitDelivery(form, received, acknowledged);
            double bytes =
                    payloads.stream().mapToInt(p -> p.bytes().length).average().orElse(0);
            double readings =
                    payloads.stream().mapToInt(Payload::readings).average().orElse(0);
            return new BrokerFigures(form, PUBLISHERS, subscriberCount, bytes, readings, rate);
        } finally {
            clients.forEach(BrokerCeiling::close);
        }
    }

    /** Waits (up to 30 s) until the subscribers received what the broker acknowledged, so that nothing stays queued. */
    private void awaitDelivery(MessageForm form, AtomicLong received, AtomicLong acknowledged)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (received.get() < acknowledged.get() && System.nanoTime() < deadline) {
            listener.status(String.format(
                    "broker: %s, %,d messages still to deliver", form.label(), acknowledged.get() - received.get()));
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /**
     * How far the publishers may run ahead of the subscribers: a broker acknowledges a QoS 1 message once it has
     * queued it, so publishers faster than its deliveries would only fill its queues; they wait instead.
     */
    private record Lead(AtomicLong acknowledged, AtomicLong received) {
        static final long MAX = 4_000;

        boolean tooFar() {
            return acknowledged.get() - received.get() > MAX;
        }
    }

    /**
     * The publisher's window: ours, or two below the broker's receive maximum when that is lower, since Paho counts a
     * publish as in progress a little after it reports it acknowledged (paho.mqtt.java#993) and refuses the next.
     */
    private int window(MqttAsyncClient client) {
        Integer receiveMaximum = receiveMaximums.get(client);
        return receiveMaximum == null || receiveMaximum > WINDOW ? WINDOW : Math.max(1, receiveMaximum - 2);
    }

    private MqttAsyncClient connect(String clientId) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setReceiveMaximum(65_535);
        if (broker.username() != null) {
            options.setUserName(broker.username());
        }
        if (broker.password() != null) {
            options.setPassword(broker.password().getBytes(StandardCharsets.UTF_8));
        }
        try {
            MqttAsyncClient client = new MqttAsyncClient(broker.url(), clientId, new MemoryPersistence());
            IMqttToken connected = client.connect(options);
            connected.waitForCompletion(10_000);
            MqttProperties answer = connected.getResponseProperties();
            if (answer != null && answer.getReceiveMaximum() != null) {
                receiveMaximums.put(client, answer.getReceiveMaximum());
            }
            return client;
        } catch (MqttException e) {
            throw new BenchException("Could not connect " + clientId + " to the broker: " + e.getMessage(), e);
        }
    }

    private MqttAsyncClient subscriber(String clientId, String group, String tenant, AtomicLong received) {
        MqttAsyncClient client = connect(clientId);
        client.setCallback(new Counting(received));
        try {
            client.subscribe(
                            UplinkTopic.ofTenant(tenant).stream()
                                    .map(filter -> new MqttSubscription(UplinkTopic.shared(group, filter), QOS))
                                    .toArray(MqttSubscription[]::new),
                            null,
                            null,
                            new MqttProperties())
                    .waitForCompletion(10_000);
        } catch (MqttException e) {
            throw new BenchException("Could not subscribe " + clientId + ": " + e.getMessage(), e);
        }
        return client;
    }

    private static void close(MqttAsyncClient client) {
        try {
            if (client.isConnected()) {
                client.disconnect(2_000).waitForCompletion(2_000);
            }
            client.close(true);
        } catch (MqttException e) {
            // the broker may be gone: nothing left to release
        }
    }

    /** Publishes the payloads round and round, keeping the window full, until stopped. */
    private static final class Pump implements Runnable {
        private final MqttAsyncClient client;
        private final List<Payload> payloads;
        private final Semaphore window;
        private final Lead lead;
        private final Thread thread;
        private volatile boolean running = true;
        private int next;

        Pump(MqttAsyncClient client, List<Payload> payloads, int index, int window, Lead lead) {
            this.client = client;
            this.payloads = payloads;
            this.lead = lead;
            this.next = index * payloads.size() / PUBLISHERS;
            this.window = new Semaphore(window);
            this.thread = new Thread(this, "bench-ceiling-pump-" + index);
            this.thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void stop() {
            running = false;
        }

        void join() throws InterruptedException {
            thread.join(10_000);
        }

        @Override
        public void run() {
            MqttActionListener released = new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    lead.acknowledged().incrementAndGet();
                    window.release();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    window.release();
                }
            };
            try {
                while (running) {
                    while (running && lead.tooFar()) {
                        TimeUnit.MILLISECONDS.sleep(1);
                    }
                    window.acquire();
                    Payload payload = payloads.get(next);
                    next = (next + 1) % payloads.size();
                    MqttMessage message = new MqttMessage(payload.bytes());
                    message.setQos(QOS);
                    publish(payload.topic(), message, released);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Publishes, pausing briefly while Paho reports too many in progress (paho.mqtt.java#993). */
        private void publish(String topic, MqttMessage message, MqttActionListener released)
                throws InterruptedException {
            while (running) {
                try {
                    client.publish(topic, message, null, released);
                    return;
                } catch (MqttException e) {
                    if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                        window.release();
                        return;
                    }
                    TimeUnit.MICROSECONDS.sleep(200);
                }
            }
            window.release();
        }
    }

    /** Counts what arrives; Paho acknowledges each message when this returns. */
    private record Counting(AtomicLong received) implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received.incrementAndGet();
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {}

        @Override
        public void mqttErrorOccurred(MqttException exception) {}

        @Override
        public void deliveryComplete(IMqttToken token) {}

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {}

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }
}
