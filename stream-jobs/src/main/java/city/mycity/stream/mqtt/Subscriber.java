package city.mycity.stream.mqtt;

/** One reader's connection to the broker: it delivers into {@link Arrivals} and acknowledges on request. */
interface Subscriber extends AutoCloseable {

    /** Connects and subscribes in the background; every message, and a fatal failure, goes to {@code arrivals}. */
    void open(Arrivals<Arrival> arrivals);

    /**
     * Acknowledges a QoS 1 message (PUBACK) by its {@link Arrival#ackId()}. Acknowledging while disconnected, or a
     * message that came on an earlier network connection, is a no-op: the broker redelivers.
     */
    void acknowledge(long ackId);

    @Override
    void close();
}
