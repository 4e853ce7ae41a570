package city.mycity.stream.mqtt;

import org.apache.flink.api.connector.source.SourceSplit;

/**
 * The right to run one MQTT client. There is one split per parallel reader; the broker, not Flink, shares the
 * messages among readers (shared subscription), so a split holds no position.
 */
public record MqttSplit(int reader) implements SourceSplit {

    @Override
    public String splitId() {
        return "mqtt-reader-" + reader;
    }
}
