package city.mycity.bench.ceiling;

import city.mycity.bench.MessageForm;

/**
 * Publish → subscribe through the broker at QoS 1, as fast as the clients go, in one message form.
 *
 * @param messageBytes mean payload size
 * @param readingsPerMessage mean readings in a payload
 * @param messagesPerSecond messages received per second, after a warm-up
 */
public record BrokerFigures(
        MessageForm form,
        int publishers,
        int subscribers,
        double messageBytes,
        double readingsPerMessage,
        double messagesPerSecond) {

    public double readingsPerSecond() {
        return messagesPerSecond * readingsPerMessage;
    }
}
