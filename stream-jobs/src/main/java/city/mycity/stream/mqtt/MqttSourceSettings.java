package city.mycity.stream.mqtt;

import city.mycity.reading.UplinkTopic;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/** What every reader of one {@link MqttSource} connects with. */
record MqttSourceSettings(
        String serverUri,
        String username,
        String password,
        String group,
        List<String> topicFilters,
        Duration sessionExpiry,
        int receiveMaximum,
        Duration connectionTimeout,
        int connections)
        implements Serializable {

    /** The shared subscriptions: {@code $share/{group}/{filter}} for each filter. */
    List<String> subscriptions() {
        return topicFilters.stream().map(f -> UplinkTopic.shared(group, f)).toList();
    }

    /** A stable client id per parallel reader, so that a restarted reader resumes its session. */
    String clientId(int subtask) {
        return group + "-" + subtask;
    }

    @Override
    public String toString() {
        return "MQTT " + serverUri + " as " + (username == null ? "anonymous" : username) + ", "
                + String.join(" + ", subscriptions());
    }
}
