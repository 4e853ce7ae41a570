package city.mycity.edge;

import city.mycity.edge.exception.MessageRefusedException;
import city.mycity.edge.outbox.Outbox;
import city.mycity.edge.outbox.OutboxEntry;
import city.mycity.reading.DeviceAddress;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds, oldest first: consecutive messages of one gateway joined into gateway packs within the
 * pack limits (a message that cannot join a pack goes alone on its device topic), with at most {@code window} packs
 * waiting for their PUBACK. A pack that is not full waits until its oldest message is a pack linger old, so that a
 * steady trickle goes up in a few packs (and a few deletes), not one per message. A message leaves the outbox only when its PUBACK has come. After a failure (no broker, no
 * PUBACK in time) the drain waits for every pack in flight, pauses ({@link Backoff}: from 200 ms doubling to 30 s, full
 * jitter) and starts again from the oldest message left, in order; a pack sent twice is stored once (the platform's
 * key includes each reading's device sequence number).
 */
final class OutboxDrain implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(OutboxDrain.class);

    private final Outbox outbox;
    private final UplinkPublisher publisher;
    private final String tenant;
    private final PackLimits limits;
    private final int window;
    private final Duration publishTimeout;
    private final EdgeMetrics metrics;
    private final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30));
    private final Object monitor = new Object();
    private final Thread thread;
    private volatile boolean running = true;
    private int inFlight;
    private boolean failed;
    private boolean signalled;
    private long lastTaken;

    OutboxDrain(
            Outbox outbox,
            UplinkPublisher publisher,
            String tenant,
            PackLimits limits,
            int window,
            Duration publishTimeout,
            EdgeMetrics metrics) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.tenant = tenant;
        this.limits = limits;
        this.window = window;
        this.publishTimeout = publishTimeout;
        this.metrics = metrics;
        this.thread = new Thread(this::run, "mycity-edge-outbox-drain");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Something was appended: send it without waiting for the next poll. */
    void signal() {
        synchronized (monitor) {
            signalled = true;
            monitor.notifyAll();
        }
    }

    private void run() {
        while (running) {
            try {
                awaitRoom();
                List<OutboxEntry> batch = nextBatch();
                long lingerLeft = lingerLeft(batch);
                if (batch.isEmpty()) {
                    awaitSignal(500);
                } else if (lingerLeft > 0) {
                    // A small batch of fresh messages: let more join it, as the packer's linger does.
                    awaitSignal(lingerLeft);
                } else {
                    lastTaken = batch.get(batch.size() - 1).id();
                    send(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOGGER.warn("Outbox drain failed, starting again from the oldest message: {}", e.getMessage());
                synchronized (monitor) {
                    failed = true;
                }
            }
        }
    }

    /** Waits until a pack may go: fewer than {@code window} in flight, and after a failure none, then a pause. */
    private void awaitRoom() throws InterruptedException {
        boolean restart;
        synchronized (monitor) {
            while (running && (inFlight >= window || (failed && inFlight > 0))) {
                monitor.wait(1000);
            }
            restart = failed;
        }
        if (restart && running) {
            long pause = backoff.nextMillis();
            LOGGER.debug("Outbox drain pausing {} ms before sending again from the oldest message", pause);
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause);
            synchronized (monitor) {
                // Appends signal the monitor; they must not cut the pause short.
                for (long left = until - System.nanoTime(); running && left > 0; left = until - System.nanoTime()) {
                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                }
                failed = false;
                lastTaken = 0;
            }
        }
    }

    private void awaitSignal(long millis) throws InterruptedException {
        synchronized (monitor) {
            if (!signalled && running) {
                monitor.wait(millis);
            }
            signalled = false;
        }
    }

    /** How long a batch that is not full should still wait for more, in ms: until its oldest message is a linger old. */
    private long lingerLeft(List<OutboxEntry> batch) {
        if (batch.isEmpty() || batch.stream().mapToInt(OutboxEntry::readings).sum() >= limits.maxReadings()) {
            return 0;
        }
        long linger = limits.linger().toMillis();
        long age = System.currentTimeMillis() - batch.get(0).storedAtMillis();
        // A wall clock stepped back makes the age negative: never wait longer than one linger.
        return Math.max(0, Math.min(linger, linger - age));
    }

    /** The next messages to send together: one alone, or consecutive packable ones of one gateway. */
    private List<OutboxEntry> nextBatch() {
        List<OutboxEntry> entries = outbox.after(lastTaken, limits.maxReadings(), limits.maxBytes());
        if (entries.isEmpty()) {
            return entries;
        }
        OutboxEntry first = entries.get(0);
        List<OutboxEntry> batch = new ArrayList<>(entries.size());
        batch.add(first);
        if (first.packable()) {
            for (int i = 1; i < entries.size(); i++) {
                OutboxEntry entry = entries.get(i);
                if (!entry.packable() || !entry.gateway().equals(first.gateway())) {
                    break;
                }
                batch.add(entry);
            }
        }
        return batch;
    }

    private void send(List<OutboxEntry> batch) {
        OutboxEntry first = batch.get(0);
        int readings = batch.stream().mapToInt(OutboxEntry::readings).sum();
        CompletionStage<Void> acknowledged;
        try {
            acknowledged = first.packable()
                    ? publisher.publishPack(tenant, first.gateway(), join(batch))
                    : publisher.publish(new DeviceAddress(tenant, first.gateway(), first.device()), first.senml());
        } catch (RuntimeException e) {
            acknowledged = CompletableFuture.failedFuture(e);
        }
        synchronized (monitor) {
            inFlight++;
        }
        if (first.packable()) {
            metrics.packPublished(readings);
        }
        acknowledged
                .toCompletableFuture()
                .copy()
                .orTimeout(publishTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ok, error) -> settled(batch, readings, first.packable(), error));
    }

    private void settled(List<OutboxEntry> batch, int readings, boolean pack, Throwable error) {
        boolean removed = false;
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause()
                : error;
        if (cause instanceof MessageRefusedException refused) {
            try {
                outbox.refuse(batch, refused.getMessage());
                removed = true;
                metrics.failed(batch.size(), pack);
                LOGGER.warn(
                        "The broker refused {} messages ({} readings) for good, set aside in the outbox's refused"
                                + " messages so that the rest go on: {}",
                        batch.size(),
                        readings,
                        refused.getMessage());
            } catch (RuntimeException e) {
                LOGGER.warn("Could not set {} refused messages aside: {}", batch.size(), e.getMessage());
            }
        } else if (error == null) {
            try {
                outbox.remove(batch);
                removed = true;
                metrics.forwarded(batch.size(), readings, pack);
            } catch (RuntimeException e) {
                LOGGER.warn(
                        "Published {} messages but could not remove them from the outbox: {}",
                        batch.size(),
                        e.getMessage());
            }
        } else {
            metrics.failed(batch.size(), pack);
            LOGGER.debug("{} messages from the outbox not acknowledged: {}", batch.size(), error.toString());
        }
        synchronized (monitor) {
            inFlight--;
            if (removed) {
                backoff.reset();
            } else {
                failed = true;
            }
            monitor.notifyAll();
        }
    }

    /** Self-contained SenML packs joined into one: the records of each, in order, in one array. */
    static byte[] join(List<OutboxEntry> batch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(
                batch.stream().mapToInt(e -> e.senml().length).sum() + 2);
        out.write('[');
        boolean first = true;
        for (OutboxEntry entry : batch) {
            byte[] senml = entry.senml();
            int from = 1;
            int to = senml.length - 1;
            if (to <= from) {
                continue;
            }
            if (!first) {
                out.write(',');
            }
            out.write(senml, from, to - from);
            first = false;
        }
        out.write(']');
        return out.toByteArray();
    }

    @Override
    public void close() {
        running = false;
        synchronized (monitor) {
            monitor.notifyAll();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
