package city.mycity.edge.coap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.californium.scandium.DtlsHealth;

/**
 * Counts the DTLS handshakes the agent completed and those that failed ({@value #NAME}, tag {@code result}): a sensor
 * with a wrong key, or no key at all, never gets to send a reading, and this is where its attempts show.
 */
final class HandshakeCounter implements DtlsHealth {

    /** Counter: DTLS handshakes with sensors, by {@code result} ({@code completed} or {@code failed}). */
    static final String NAME = "mycity.edge.handshakes";

    private final Counter completed;
    private final Counter failed;

    HandshakeCounter(MeterRegistry registry) {
        this.completed = counter(registry, "completed");
        this.failed = counter(registry, "failed");
    }

    private static Counter counter(MeterRegistry registry, String result) {
        return Counter.builder(NAME)
                .description("DTLS handshakes with sensors, by result (a failed one: a wrong key, or none)")
                .tag("result", result)
                .register(registry);
    }

    @Override
    public void endHandshake(boolean success) {
        (success ? completed : failed).increment();
    }

    @Override
    public boolean isEnabled() {
        return true;
    }

    @Override
    public void dump(String tag, int maxConnections, int remainingCapacity, int pendingWithoutVerify) {}

    @Override
    public void startHandshake() {}

    @Override
    public void receivingRecord(boolean dropped) {}

    @Override
    public void sendingRecord(boolean dropped) {}
}
