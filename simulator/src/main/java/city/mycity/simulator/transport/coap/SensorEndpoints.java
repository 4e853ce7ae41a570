package city.mycity.simulator.transport.coap;

import org.eclipse.californium.core.CoapClient;

/** Where a sensor's requests leave from: one shared UDP endpoint (plain CoAP), or one of its own (DTLS). */
interface SensorEndpoints extends AutoCloseable {

    /** The client to send {@code device}'s request with; {@link Lease#release()} once it is answered. */
    Lease lease(String device);

    /** Drops what is kept for {@code device} (its DTLS session), so that its next request starts afresh. */
    void forget(String device);

    @Override
    void close();

    /** A client borrowed for one request. */
    interface Lease {
        CoapClient client();

        void release();
    }
}
