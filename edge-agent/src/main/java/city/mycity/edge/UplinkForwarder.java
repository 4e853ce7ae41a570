package city.mycity.edge;

import city.mycity.codec.ContentFormats;
import city.mycity.codec.DeviceRef;
import city.mycity.codec.PayloadDecoders;
import city.mycity.edge.ForwardResult.Status;
import city.mycity.edge.telemetry.Sightings;
import city.mycity.reading.DeviceAddress;
import city.mycity.reading.Identifiers;
import city.mycity.reading.RefusalReason;
import city.mycity.reading.SenmlCodec;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge agent's core, free of transport code: checks what a device sent, turns it into SenML and hands it on,
 * completing only once the platform has acknowledged it, or, with an outbox, once the gateway has stored it durably. With packing, the messages of one gateway's devices go up
 * together in gateway packs ({@link GatewayPacker}) and each completes with its pack's outcome; without, each message
 * goes alone to its device topic. Never throws on device input. Thread-safe.
 */
public final class UplinkForwarder {

    private static final Logger LOGGER = LoggerFactory.getLogger(UplinkForwarder.class);

    private final String tenant;
    private final Function<String, String> gatewayOf;
    private final PayloadDecoders decoders;
    private final int maxPayloadBytes;
    private final Delivery delivery;
    private final GatewayPacker packer;
    private final OutboxUplink outbox;
    private final EdgeMetrics metrics;
    private final Sightings sightings;
    private volatile java.util.function.Consumer<RefusalReport> reports = report -> {};

    /**
     * @param packer gathers gateway packs, or {@code null} to send every message alone on its device topic
     * @param outbox stores every message durably before it is answered, and sends it later; or {@code null} to answer
     *     each message once the broker acknowledged it
     */
    UplinkForwarder(
            String tenant,
            Function<String, String> gatewayOf,
            PayloadDecoders decoders,
            int maxPayloadBytes,
            Delivery delivery,
            GatewayPacker packer,
            OutboxUplink outbox,
            EdgeMetrics metrics,
            Sightings sightings) {
        this.tenant = tenant;
        this.gatewayOf = gatewayOf;
        this.decoders = decoders;
        this.maxPayloadBytes = maxPayloadBytes;
        this.delivery = delivery;
        this.packer = packer;
        this.outbox = outbox;
        this.metrics = metrics;
        this.sightings = sightings;
    }

    /** The largest payload accepted, in bytes. */
    public int maxPayloadBytes() {
        return maxPayloadBytes;
    }

    /** Where the agent's meters are registered (the transports add theirs). */
    public MeterRegistry meterRegistry() {
        return metrics.registry();
    }

    /** Whether messages go up in gateway packs. */
    public boolean packs() {
        return packer != null;
    }

    /**
     * Forwards one message.
     *
     * @param device the device identifier as the transport gave it (e.g. the CoAP path), unchecked
     * @param contentFormat the CoAP content format of the payload, -1 when none was given
     */
    public CompletionStage<ForwardResult> forward(String device, int contentFormat, byte[] payload) {
        return forward(device, contentFormat, payload, true);
    }

    /**
     * Forwards a message the agent made itself for {@code device} (its health telemetry, SenML JSON): the same path,
     * but the device does not count as heard from.
     */
    public CompletionStage<ForwardResult> forwardOwn(String device, byte[] senml) {
        return forward(device, ContentFormats.SENML_JSON, senml, false);
    }

    private CompletionStage<ForwardResult> forward(String device, int contentFormat, byte[] payload, boolean heard) {
        byte[] bytes = payload == null ? new byte[0] : payload;
        if (!Identifiers.isValid(device)) {
            return refuse(
                    device,
                    contentFormat,
                    bytes,
                    RefusalReason.MALFORMED_TOPIC,
                    Status.INVALID_DEVICE,
                    "device identifier '" + device + "' must be 1-64 characters of a-z, 0-9, '.', '_' or '-'");
        }
        String gateway = gatewayOf(device);
        if (gateway == null) {
            return refuse(
                    device,
                    contentFormat,
                    bytes,
                    RefusalReason.UNKNOWN_DEVICE,
                    Status.UNKNOWN_DEVICE,
                    "device '" + device + "' is not known to this edge agent");
        }
        if (bytes.length > maxPayloadBytes) {
            return refuse(
                    device,
                    contentFormat,
                    bytes,
                    RefusalReason.OVERSIZED,
                    Status.OVERSIZED,
                    "payload of " + bytes.length + " bytes exceeds the limit of " + maxPayloadBytes + " bytes");
        }
        if (!decoders.supports(contentFormat)) {
            return refuse(
                    device,
                    contentFormat,
                    bytes,
                    RefusalReason.MALFORMED_PAYLOAD,
                    Status.UNSUPPORTED_FORMAT,
                    "content format "
                            + contentFormat + " is not supported; use one of "
                            + decoders.contentFormats().stream().sorted().toList());
        }
        SenmlCodec.Decoded decoded = decoders.decode(new DeviceRef(tenant, device), contentFormat, bytes);
        if (!decoded.isOk()) {
            // A vendor frame from a device without a profile: the gateway does not know the device.
            Status status = decoded.reason() == RefusalReason.UNKNOWN_DEVICE ? Status.UNKNOWN_DEVICE : Status.MALFORMED;
            return refuse(device, contentFormat, bytes, decoded.reason(), status, decoded.error());
        }
        if (heard) {
            sightings.seen(device, System.currentTimeMillis());
        }
        int readings = decoded.pack().records().size();
        metrics.received(readings);
        if (outbox != null) {
            byte[] senml = ContentFormats.isSenmlJson(contentFormat)
                    ? bytes
                    : SenmlCodec.json().encode(decoded.pack());
            return outbox.store(gateway, device, decoded.pack(), senml);
        }
        DeviceAddress address = new DeviceAddress(tenant, gateway, device);
        if (packer != null) {
            Optional<GatewayPacker.Entry> entry = packer.entry(device, decoded.pack());
            if (entry.isPresent()) {
                return packer.add(gateway, entry.get());
            }
        }
        byte[] senml = ContentFormats.isSenmlJson(contentFormat)
                ? bytes
                : SenmlCodec.json().encode(decoded.pack());
        return delivery.deliver(address, () -> delivery.publisher().publish(address, senml), 1, readings, false);
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

    /** Where the refusals go besides the sensor's answer: the platform's refusal store, through the broker. */
    void reportRefusalsTo(java.util.function.Consumer<RefusalReport> reports) {
        this.reports = reports;
    }

    private CompletionStage<ForwardResult> refuse(
            String device, int contentFormat, byte[] payload, RefusalReason reason, Status status, String detail) {
        // A message refused as a whole counts as one reading received and one refused.
        metrics.received(1);
        metrics.refused(reason);
        LOGGER.debug("{} refused ({}): {}", device, reason.code(), detail);
        reports.accept(
                new RefusalReport(device, reason.code(), detail, contentFormat, payload, java.time.Instant.now()));
        return CompletableFuture.completedFuture(ForwardResult.of(status, detail));
    }

    /** Answers the messages still gathering in open packs 5.03 and stops the linger timer (the agent's close). */
    void close() {
        if (packer != null) {
            packer.close();
        }
    }
}
