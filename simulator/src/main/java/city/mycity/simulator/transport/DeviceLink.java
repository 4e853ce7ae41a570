package city.mycity.simulator.transport;

import city.mycity.citymodel.Sensor;
import city.mycity.reading.SenmlPack;
import java.util.Collection;
import java.util.concurrent.CompletionStage;

/**
 * How simulated devices reach the platform: the one thing a transport (MQTT as the sensor's gateway, CoAP as the
 * sensor itself, or a test's recorder) implements. The simulator's core knows nothing else of the network.
 *
 * <p>Implementations must be thread-safe. {@link #send} may block the caller while the transport's window of
 * unacknowledged messages is full: that is how the simulator slows down to what the receiver can take.
 */
public interface DeviceLink extends AutoCloseable {

    /**
     * Sends one message on behalf of a device.
     *
     * @param tenant the tenant the device belongs to
     * @param sensor the device, with its gateway
     * @param payload the exact bytes to send
     * @return completes when the receiver acknowledged the message (MQTT PUBACK, CoAP 2.xx), exceptionally when it
     *     refused it or could not be reached
     */
    CompletionStage<Void> send(String tenant, Sensor sensor, byte[] payload);

    /**
     * Sends one message given both as its bytes and as the SenML pack they encode, so that a link that gathers each
     * gateway's messages into gateway packs ({@link #packsGateways()}) joins it without decoding it again. The simulator
     * always sends this way. By default, sends the bytes as {@link #send(String, Sensor, byte[])} does.
     *
     * @param pack the message as a SenML pack, or {@code null} when the payload is not SenML (a malformed payload):
     *     such a message always goes alone
     * @return completes when the receiver acknowledged what carried the message (for a gateway pack: the pack)
     */
    default CompletionStage<Void> send(String tenant, Sensor sensor, byte[] payload, SenmlPack pack) {
        return send(tenant, sensor, payload);
    }

    /**
     * Sends one vendor frame ({@code application/octet-stream}, content format 42) on behalf of a device, for a gateway
     * to read with the codec of the device's profile. Only a link that {@link #carriesFrames()} can.
     *
     * @return completes when the receiver acknowledged the frame, exceptionally when it refused it or could not be
     *     reached
     * @throws UnsupportedOperationException by default: a link that acts as the gateway itself carries SenML only
     */
    default CompletionStage<Void> sendFrame(String tenant, Sensor sensor, byte[] frame) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " carries SenML only, not vendor frames");
    }

    /** Whether the link can carry vendor frames to a gateway that reads them. By default, false. */
    default boolean carriesFrames() {
        return false;
    }

    /**
     * Whether messages sent with a pack travel in gateway packs ({@code mycity/v1/{tenant}/{gateway}/up}), where the
     * platform checks each record's device on its own; the ledger counts their refusals that way. By default, false:
     * each message alone.
     */
    default boolean packsGateways() {
        return false;
    }

    /**
     * Prepares to send for these devices (e.g. connects every gateway at once), so that the first messages do not wait
     * for connections one by one. The simulator calls it before its first run. By default, nothing to prepare.
     */
    default void open(String tenant, Collection<Sensor> sensors) {}

    /** Releases the connections. By default, nothing to release. */
    @Override
    default void close() {}
}
