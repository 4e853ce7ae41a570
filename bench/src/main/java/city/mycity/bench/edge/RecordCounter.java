package city.mycity.bench.edge;

import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * Counts the SenML records of every message received, without parsing: each record of the agent's self-contained
 * packs carries exactly one {@code "n":} (its name), and nothing else does.
 */
final class RecordCounter implements MqttCallback {

    private static final byte[] NAME = {'"', 'n', '"', ':'};

    private final AtomicLong records;

    RecordCounter(AtomicLong records) {
        this.records = records;
    }

    static int count(byte[] payload) {
        int found = 0;
        outer:
        for (int i = 0; i + NAME.length <= payload.length; i++) {
            for (int j = 0; j < NAME.length; j++) {
                if (payload[i + j] != NAME[j]) {
                    continue outer;
                }
            }
            found++;
        }
        return found;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        records.addAndGet(count(message.getPayload()));
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
