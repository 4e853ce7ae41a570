package city.mycity.simulator;

import city.mycity.codec.ContentFormats;
import city.mycity.reading.ReadingMetrics;
import city.mycity.simulator.fault.Fault;
import city.mycity.simulator.fault.Message;
import city.mycity.simulator.transport.DeviceLink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands messages to the link at the allowed rate, and books every outcome in the ledger and the metrics. */
final class Dispatcher {

    static final String STAGE = "simulator";
    static final String FAULTS = "mycity.simulator.faults";
    static final String SEND_FAILURES = "mycity.simulator.send.failures";

    private static final Logger LOGGER = LoggerFactory.getLogger(Dispatcher.class);

    private final DeviceLink link;
    /** Whether the link carries SenML messages in gateway packs (read once: a link does not change its form). */
    private final boolean gatewayPacks;

    private final Ledger ledger;
    private final Pacer pacer;
    private final Counter forwarded;
    private final Counter readings;
    private final Counter failures;
    private final Map<Fault, Counter> faults = new EnumMap<>(Fault.class);
    private final Object lock = new Object();
    private long inFlight;
    private long handedOver;

    Dispatcher(DeviceLink link, Ledger ledger, double messagesPerSecond, MeterRegistry registry) {
        this.link = link;
        this.gatewayPacks = link.packsGateways();
        this.ledger = ledger;
        this.pacer = new Pacer(messagesPerSecond);
        this.forwarded = Counter.builder(ReadingMetrics.FORWARDED)
                .description("Messages the simulator sent and the transport confirmed, duplicates included")
                .tag(ReadingMetrics.STAGE, STAGE)
                .register(registry);
        this.readings = Counter.builder(ReadingMetrics.RECEIVED)
                .description("Readings in the messages the simulator sent, counted as the platform counts them")
                .tag(ReadingMetrics.STAGE, STAGE)
                .register(registry);
        this.failures = Counter.builder(SEND_FAILURES)
                .description("Message copies the transport could not deliver")
                .register(registry);
        for (Fault fault : Fault.values()) {
            faults.put(
                    fault,
                    Counter.builder(FAULTS)
                            .description("Messages produced with a fault")
                            .tag("fault", fault.code())
                            .register(registry));
        }
    }

    /** Books the message and sends its copies; returns how many copies were handed to the link. */
    int dispatch(Message message) {
        ledger.produced(message, inGatewayPack(message));
        for (Fault fault : message.faults()) {
            faults.get(fault).increment();
        }
        for (int copy = 0; copy < message.copies(); copy++) {
            pacer.acquire();
            synchronized (lock) {
                inFlight++;
                handedOver++;
            }
            send(message).whenComplete((ignored, error) -> completed(message, error));
        }
        return message.copies();
    }

    /** Copies handed to the link so far. */
    long handedOver() {
        synchronized (lock) {
            return handedOver;
        }
    }

    /** Waits until every copy handed over was confirmed or failed; returns how many are still unconfirmed. */
    long awaitConfirmations(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return inFlight;
        }
    }

    /** A message the link carries in a gateway pack: a SenML one, when the link packs. */
    private boolean inGatewayPack(Message message) {
        return gatewayPacks && message.pack() != null && message.contentFormat() != ContentFormats.OCTET_STREAM;
    }

    private CompletionStage<Void> send(Message message) {
        try {
            return message.contentFormat() == ContentFormats.OCTET_STREAM
                    ? link.sendFrame(message.tenant(), message.sensor(), message.payload())
                    : link.send(message.tenant(), message.sensor(), message.payload(), message.pack());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void completed(Message message, Throwable error) {
        if (error == null) {
            boolean inGatewayPack = inGatewayPack(message);
            ledger.delivered(message, inGatewayPack);
            forwarded.increment();
            readings.increment(message.readings(inGatewayPack));
        } else {
            ledger.failed(message);
            failures.increment();
            LOGGER.debug(
                    "Could not send message {} of {}: {}",
                    message.sequence(),
                    message.sensor().id(),
                    error.toString());
        }
        synchronized (lock) {
            inFlight--;
            if (inFlight == 0) {
                lock.notifyAll();
            }
        }
    }
}
