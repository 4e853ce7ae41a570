package city.mycity.stream.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A reader's MQTT connections, all in the same shared-subscription group. Brokers bound the unacknowledged messages per
 * connection (HiveMQ CE sends at most 50, Mosquitto 20 by default), and messages are acknowledged once per checkpoint,
 * so a reader's throughput is about connections x window per checkpoint: more connections, more throughput.
 */
final class MqttConnections implements Subscriber {

    private final List<MqttSubscriber> connections = new ArrayList<>();

    /** Client ids {@code {group}-{subtask}}, then {@code {group}-{subtask}-c1}, {@code -c2}, ... */
    MqttConnections(MqttSourceSettings settings, int subtask) {
        for (int i = 0; i < settings.connections(); i++) {
            String clientId = settings.clientId(subtask) + (i == 0 ? "" : "-c" + i);
            connections.add(new MqttSubscriber(settings, clientId, i));
        }
    }

    @Override
    public void open(Arrivals<Arrival> arrivals) {
        connections.forEach(c -> c.open(arrivals));
    }

    /** Completes once every connection is subscribed. */
    CompletableFuture<Void> subscribed() {
        return CompletableFuture.allOf(
                connections.stream().map(MqttSubscriber::subscribed).toArray(CompletableFuture[]::new));
    }

    @Override
    public void acknowledge(long ackId) {
        connections.get(Arrival.connectionOf(ackId)).acknowledge(ackId);
    }

    @Override
    public void close() {
        connections.forEach(MqttSubscriber::close);
    }
}
