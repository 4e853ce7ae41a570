package city.mycity.gateway.ingress;

import city.mycity.codec.ContentFormats;
import city.mycity.codec.DeviceProfile;
import city.mycity.codec.DeviceProfiles;
import city.mycity.codec.DeviceRef;
import city.mycity.codec.PayloadDecoders;
import city.mycity.gateway.credentials.Credentials;
import city.mycity.gateway.credentials.Subject;
import city.mycity.gateway.registry.Device;
import city.mycity.gateway.registry.DeviceStatus;
import city.mycity.gateway.registry.Devices;
import city.mycity.reading.DeviceAddress;
import city.mycity.reading.ReadingMetrics;
import city.mycity.reading.SenmlCodec;
import city.mycity.reading.UplinkTopic;
import city.mycity.storage.RefusalWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Direct ingress for devices without an edge gateway (NB-IoT, LTE-M): a device logs in with its own credential (its
 * identity {@code dev~tenant~device} and password), sends SenML JSON or its vendor's frame, and the pack goes on to
 * the broker on the device's own topic, into the same pipeline as every gateway's. Each message is accepted once the
 * broker has it, or refused with a status and a reason: counted by reason ({@code mycity.readings.refused}, stage
 * {@code ingress}) and written to the refusal store, except those that anyone could send in any number, which only
 * count: an unauthenticated message, and a device's beyond its rate (checked before anything is stored).
 *
 * <p>By default, a device may send 1 message a second on average, in bursts of 10, of at most 16 KiB.
 */
public final class DirectIngress {

    public static final int DEFAULT_MAX_BYTES = 16 * 1024;

    private static final Logger LOGGER = LoggerFactory.getLogger(DirectIngress.class);
    private static final String STAGE = "ingress";

    private final Credentials credentials;
    private final Devices devices;
    private final Uplinks uplinks;
    private final RefusalWriter refusals;
    private final DeviceRateLimits limits;
    private final int maxBytes;
    private final MeterRegistry meters;

    public DirectIngress(
            javax.sql.DataSource registry,
            Uplinks uplinks,
            double perSecond,
            double burst,
            int maxBytes,
            MeterRegistry meters) {
        this.credentials = new Credentials(registry);
        this.devices = new Devices(registry);
        this.uplinks = uplinks;
        this.refusals = new RefusalWriter(registry);
        this.limits = new DeviceRateLimits(perSecond, burst);
        this.maxBytes = maxBytes;
        this.meters = meters;
    }

    /** With the default limits. */
    public DirectIngress(javax.sql.DataSource registry, Uplinks uplinks, MeterRegistry meters) {
        this(registry, uplinks, 1, 10, DEFAULT_MAX_BYTES, meters);
    }

    /**
     * Takes one message. Blocking (the registry is asked): call it off any event loop.
     *
     * @param identity the login's identity, {@code dev~tenant~device}
     * @param password the login's password
     * @param device the device the message says it is from (the request's path)
     * @param contentFormat the CoAP content format of the payload ({@link ContentFormats})
     */
    public CompletionStage<IngressOutcome> accept(
            String identity, String password, String device, int contentFormat, byte[] payload) {
        Optional<Subject> who =
                identity == null || password == null ? Optional.empty() : credentials.checkPassword(identity, password);
        if (who.isEmpty() || who.get().kind() != Subject.Kind.DEVICE) {
            // Counted, not stored: anyone can send these, and they would flood the councils' refusal store.
            count("unauthenticated");
            return done(new IngressOutcome.Refused(
                    401, "unauthenticated", "Log in as the device: its identity (dev~tenant~device) and password."));
        }
        return acceptFrom(who.get(), device, contentFormat, payload);
    }

    /**
     * Takes one message from a device its transport authenticated (CoAP over DTLS: the PSK identity of its registry
     * credential). Blocking, as {@link #accept}.
     */
    public CompletionStage<IngressOutcome> acceptFrom(
            Subject subject, String device, int contentFormat, byte[] payload) {
        String tenant = subject.tenant();
        // Before anything is stored: a device may fill the refusal store no faster than it may send.
        if (!limits.take(tenant + "/" + subject.id(), System.nanoTime())) {
            count("rate_limited");
            return done(new IngressOutcome.Refused(429, "rate_limited", "Too many messages: wait a moment."));
        }
        if (!subject.id().equals(device)) {
            return done(refuse(
                    tenant,
                    subject.id(),
                    "ingress/" + device,
                    payload,
                    403,
                    "device_mismatch",
                    "A device sends only as itself: logged in as " + subject.id() + ", not " + device + "."));
        }
        Optional<Device> registered = devices.find(tenant, device);
        if (registered.isEmpty()) {
            return done(refuse(
                    tenant,
                    device,
                    "ingress/" + device,
                    payload,
                    404,
                    "unknown_device",
                    "No device " + device + " is registered."));
        }
        Device d = registered.get();
        String topic = UplinkTopic.of(new DeviceAddress(tenant, d.gateway(), device));
        if (d.status() == DeviceStatus.RETIRED) {
            return done(refuse(tenant, device, topic, payload, 403, "retired_device", "The device is retired."));
        }
        if (payload.length > maxBytes) {
            return done(refuse(
                    tenant,
                    device,
                    topic,
                    payload,
                    413,
                    "oversized",
                    "A message is at most " + maxBytes + " bytes; this one has " + payload.length + "."));
        }
        PayloadDecoders decoders;
        try {
            decoders = d.profile() == null
                    ? PayloadDecoders.defaults()
                    : PayloadDecoders.withProfiles(DeviceProfiles.of(Map.of(device, DeviceProfile.parse(d.profile()))));
        } catch (IllegalArgumentException e) {
            return done(refuse(
                    tenant,
                    device,
                    topic,
                    payload,
                    400,
                    "unknown_kind",
                    "The device's profile in the registry cannot be read (" + e.getMessage() + "): ask an operator."));
        }
        if (!decoders.supports(contentFormat)) {
            return done(refuse(
                    tenant,
                    device,
                    topic,
                    payload,
                    415,
                    "unsupported_format",
                    "Content format " + contentFormat + " is not read here: SenML JSON (110) or the device's frame."));
        }
        SenmlCodec.Decoded decoded = decoders.decode(new DeviceRef(tenant, device), contentFormat, payload);
        if (decoded.pack() == null) {
            return done(
                    refuse(tenant, device, topic, payload, 400, decoded.reason().code(), decoded.error()));
        }
        byte[] pack = SenmlCodec.json().encode(decoded.pack());
        return uplinks.publish(topic, pack).handle((ok, error) -> {
            if (error == null) {
                meters.counter(ReadingMetrics.FORWARDED, "stage", STAGE).increment();
                return new IngressOutcome.Accepted(topic);
            }
            LOGGER.warn("Direct ingress could not hand {}'s message to the broker: {}", device, error.toString());
            count("unavailable");
            return new IngressOutcome.Refused(503, "unavailable", "The platform cannot take it now: try again.");
        });
    }

    private IngressOutcome refuse(
            String tenant, String device, String topic, byte[] payload, int status, String reason, String detail) {
        count(reason);
        try {
            refusals.record(tenant, device, topic, payload, reason, detail);
        } catch (java.sql.SQLException | RuntimeException e) {
            LOGGER.warn("Could not store a refusal of {} ({}): {}", device, reason, e.toString());
        }
        return new IngressOutcome.Refused(status, reason, detail);
    }

    private void count(String reason) {
        Counter.builder(ReadingMetrics.REFUSED)
                .tag("stage", STAGE)
                .tag("reason", reason)
                .register(meters)
                .increment();
    }

    private static CompletionStage<IngressOutcome> done(IngressOutcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }
}
