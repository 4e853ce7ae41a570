package city.mycity.gateway.refusals;

/** Where re-injected messages go: the broker the platform reads its uplinks from. */
@FunctionalInterface
public interface MessagePublisher {

    /** Publishes the message on its topic and returns once the broker has it (QoS 1 PUBACK); throws otherwise. */
    void publish(String topic, byte[] payload) throws Exception;
}
