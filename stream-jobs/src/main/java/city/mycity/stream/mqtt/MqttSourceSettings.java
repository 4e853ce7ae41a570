package city.mycity.stream.mqtt;

import city.mycity.reading.UplinkTopic;
import java.io.Serializable;
import java.time.Duration;

/** What every reader of one {@link MqttSource} connects with. */
record MqttSourceSettings(
        String serverUri,
        String username,
        String password,
        String group,
        String topicFilter,
        Duration sessionExpiry,
        int receiveMaximum,
        Duration connectionTimeout,
        int connections)
        implements Serializable {

    /** The shared subscription: {@code $share/{group}/{filter}}. */
    String subscription() {
        return UplinkTopic.shared(group, topicFilter);
    }

    /** A stable client id per parallel reader, so that a restarted reader resumes its session. */
    String clientId(int subtask) {
        return group + "-" + subtask;
    }

    @Override
    public String toString() {
        return "MQTT " + serverUri + " as " + (username == null ? "anonymous" : username) + ", " + subscription();
    }
}
