package city.mycity.edge;

import city.mycity.codec.ContentFormats;
import city.mycity.codec.DeviceRef;
import city.mycity.codec.PayloadDecoders;
import city.mycity.edge.ForwardResult.Status;
import city.mycity.reading.DeviceAddress;
import city.mycity.reading.Identifiers;
import city.mycity.reading.RefusalReason;
import city.mycity.reading.SenmlCodec;
import city.mycity.reading.UplinkTopic;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge agent's core, free of transport code: checks what a device sent, turns it into SenML JSON and hands it to
 * the {@link UplinkPublisher}, completing only once the platform has acknowledged it. Never throws on device input.
 * Thread-safe.
 */
public final class UplinkForwarder {

    private static final Logger LOGGER = LoggerFactory.getLogger(UplinkForwarder.class);

    private final String tenant;
    private final Function<String, String> gatewayOf;
    private final PayloadDecoders decoders;
    private final int maxPayloadBytes;
    private final UplinkPublisher publisher;
    private final Duration publishTimeout;
    private final EdgeMetrics metrics;

    UplinkForwarder(
            String tenant,
            Function<String, String> gatewayOf,
            PayloadDecoders decoders,
            int maxPayloadBytes,
            UplinkPublisher publisher,
            Duration publishTimeout,
            EdgeMetrics metrics) {
        this.tenant = tenant;
        this.gatewayOf = gatewayOf;
        this.decoders = decoders;
        this.maxPayloadBytes = maxPayloadBytes;
        this.publisher = publisher;
        this.publishTimeout = publishTimeout;
        this.metrics = metrics;
    }

    /** The largest payload accepted, in bytes. */
    public int maxPayloadBytes() {
        return maxPayloadBytes;
    }

    /**
     * Forwards one message.
     *
     * @param device the device identifier as the transport gave it (e.g. the CoAP path), unchecked
     * @param contentFormat the CoAP content format of the payload, -1 when none was given
     */
    public CompletionStage<ForwardResult> forward(String device, int contentFormat, byte[] payload) {
        byte[] bytes = payload == null ? new byte[0] : payload;
        if (!Identifiers.isValid(device)) {
            return refuse(
                    device,
                    RefusalReason.MALFORMED_TOPIC,
                    Status.INVALID_DEVICE,
                    "device identifier '" + device + "' must be 1-64 characters of a-z, 0-9, '.', '_' or '-'");
        }
        String gateway = gatewayOf(device);
        if (gateway == null) {
            return refuse(
                    device,
                    RefusalReason.UNKNOWN_DEVICE,
                    Status.UNKNOWN_DEVICE,
                    "device '" + device + "' is not known to this edge agent");
        }
        if (bytes.length > maxPayloadBytes) {
            return refuse(
                    device,
                    RefusalReason.OVERSIZED,
                    Status.OVERSIZED,
                    "payload of " + bytes.length + " bytes exceeds the limit of " + maxPayloadBytes + " bytes");
        }
        if (!decoders.supports(contentFormat)) {
            return refuse(
                    device,
                    RefusalReason.MALFORMED_PAYLOAD,
                    Status.UNSUPPORTED_FORMAT,
                    "content format "
                            + contentFormat + " is not supported; use one of "
                            + decoders.contentFormats().stream().sorted().toList());
        }
        SenmlCodec.Decoded decoded = decoders.decode(new DeviceRef(tenant, device), contentFormat, bytes);
        if (!decoded.isOk()) {
            return refuse(device, decoded.reason(), Status.MALFORMED, decoded.error());
        }
        metrics.received(decoded.pack().records().size());
        byte[] senml = ContentFormats.isSenmlJson(contentFormat)
                ? bytes
                : SenmlCodec.json().encode(decoded.pack());
        return publish(new DeviceAddress(tenant, gateway, device), senml);
    }

    private String gatewayOf(String device) {
        try {
            String gateway = gatewayOf.apply(device);
            return Identifiers.isValid(gateway) ? gateway : null;
        } catch (RuntimeException e) {
            LOGGER.warn("Gateway lookup failed for device {}", device, e);
            return null;
        }
    }

    /**
     * Publishes and waits at most {@code publishTimeout} for the acknowledgement. The timeout is put on a copy of the
     * publisher's stage, never on the stage itself: the publisher keeps the message in flight (and its in-flight
     * permit held) until the platform really answers, so {@code maxInFlight} keeps bounding what is pending.
     */
    private CompletionStage<ForwardResult> publish(DeviceAddress address, byte[] senml) {
        CompletableFuture<Void> acknowledged;
        try {
            acknowledged = publisher.publish(address, senml).toCompletableFuture();
        } catch (RuntimeException e) {
            acknowledged = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Void> platformAnswer = acknowledged;
        return acknowledged
                .copy()
                .orTimeout(publishTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((ok, error) -> {
                    if (error == null) {
                        metrics.forwarded();
                        LOGGER.trace("{} forwarded to {}", address, UplinkTopic.of(address));
                        return ForwardResult.forwarded();
                    }
                    metrics.failed();
                    String detail = describe(error);
                    LOGGER.debug("{} not forwarded: {}", address, detail);
                    if (unwrap(error) instanceof TimeoutException) {
                        watchForLateAcknowledgement(address, platformAnswer);
                    }
                    return ForwardResult.of(Status.UNAVAILABLE, detail);
                });
    }

    /**
     * A message answered 5.03 after the timeout may still be accepted by the platform. It stays counted as failed,
     * because that is what the device saw: it keeps the reading and sends it again, and the store's idempotent
     * insert drops the second copy. The late acknowledgement is counted on its own so that operators can tell a slow
     * broker from a lost one.
     */
    private void watchForLateAcknowledgement(DeviceAddress address, CompletableFuture<Void> acknowledged) {
        acknowledged.whenComplete((ok, error) -> {
            if (error == null) {
                metrics.acknowledgedLate();
                LOGGER.debug("{} acknowledged after the device was answered 5.03; it will be sent again", address);
            }
        });
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private String describe(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof TimeoutException) {
            return "the broker did not acknowledge within " + publishTimeout.toMillis() + " ms";
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    private CompletionStage<ForwardResult> refuse(String device, RefusalReason reason, Status status, String detail) {
        // A message refused as a whole counts as one reading received and one refused.
        metrics.received(1);
        metrics.refused(reason);
        LOGGER.debug("{} refused ({}): {}", device, reason.code(), detail);
        return CompletableFuture.completedFuture(ForwardResult.of(status, detail));
    }
}
