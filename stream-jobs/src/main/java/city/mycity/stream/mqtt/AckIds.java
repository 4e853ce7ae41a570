package city.mycity.stream.mqtt;

import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The acknowledgement ids of one connection, which survive its reconnects safely. A packet id means something only
 * on the network connection that delivered it: after Paho's automatic reconnect the broker may give the same id to
 * another message (a fresh session, or a shared subscription that handed the unacknowledged message to another
 * member). Each network connection is therefore a new generation, carried in every ack id; an id of an older
 * generation is never acknowledged, and the broker redelivers that message instead. Thread-safe.
 */
final class AckIds {

    private final int connection;
    private final AtomicInteger generation = new AtomicInteger();

    AckIds(int connection) {
        this.connection = connection;
    }

    /** The ack id of a message that just arrived with {@code packetId}. */
    long of(int packetId) {
        return Arrival.ackId(generation.get(), connection, packetId);
    }

    /**
     * The network connection was lost or re-established: ids taken before are stale. Called on both, so that a
     * message of the old connection and one of the new never share a generation, whichever callback Paho runs first.
     */
    void newConnection() {
        generation.incrementAndGet();
    }

    /** The packet id to acknowledge, or empty when {@code ackId} came from an earlier network connection. */
    OptionalInt packetIdToAcknowledge(long ackId) {
        return Arrival.generationOf(ackId) == generation.get()
                ? OptionalInt.of(Arrival.packetIdOf(ackId))
                : OptionalInt.empty();
    }
}
