package city.mycity.reading;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Decides, for each message, which readings the platform accepts and why it refuses the others. It never throws on
 * bad input: every problem comes back as a value in the {@link Validation}, with every reason that applies.
 *
 * <p>Problems with the message as a whole (topic, size, payload, device) refuse the whole message as one reading;
 * problems with one record refuse that record alone. In a gateway pack (see {@link UplinkTopic}) each record names its
 * device, so the device checks (registered, behind this gateway, of a known kind) are made per record too. Thread-safe.
 */
public final class ReadingValidator {

    /** SenML times below 2^28 s are relative to "now" (RFC 8428, section 4.5.3): not a device time. */
    private static final double RELATIVE_TIME_LIMIT = 268_435_456d;

    private static final int EXCERPT_CHARS = 200;

    private final DeviceDirectory directory;
    private final SenmlCodec codec;
    private final int maxPayloadBytes;
    private final int maxRecords;
    private final int maxPackBytes;
    private final int maxPackRecords;
    private final Duration maxFutureSkew;

    private ReadingValidator(Builder builder) {
        this.directory = builder.directory;
        this.codec = builder.codec;
        this.maxPayloadBytes = builder.maxPayloadBytes;
        this.maxRecords = builder.maxRecords;
        this.maxPackBytes = builder.maxPackBytes;
        this.maxPackRecords = builder.maxPackRecords;
        this.maxFutureSkew = builder.maxFutureSkew;
    }

    public static Builder builder(DeviceDirectory directory) {
        return new Builder(directory);
    }

    /** Validates every record of the message. */
    public Validation validate(Uplink uplink) {
        return validate(uplink, index -> true);
    }

    /**
     * Validates the message, but gives the outcome of only the records that {@code records} names (by index): what a
     * second look at the held records of a gateway pack needs. Problems with the message as a whole are given
     * whatever {@code records} says.
     */
    public Validation validate(Uplink uplink, IntPredicate records) {
        if (uplink.payload() == null) {
            uplink = new Uplink(uplink.topic(), new byte[0], uplink.receivedAt());
        }
        List<Problem> problems = new ArrayList<>();
        Optional<UplinkOrigin> origin = UplinkTopic.origin(uplink.topic());
        if (origin.isEmpty()) {
            problems.add(new Problem(
                    RefusalReason.MALFORMED_TOPIC,
                    "topic '" + uplink.topic() + "' is not of the form " + UplinkTopic.ROOT
                            + "/{tenant}/{gateway}/{device}/up or " + UplinkTopic.ROOT + "/{tenant}/{gateway}/up"));
        }
        boolean gatewayPack = origin.map(UplinkOrigin::isGatewayPack).orElse(false);
        if (gatewayPack) {
            SenmlPack pack = decode(uplink.payload(), maxPackBytes, maxPackRecords, problems);
            if (!problems.isEmpty()) {
                return new Validation(List.of(), List.of(refusal(uplink, origin, null, null, -1, problems, null)));
            }
            return validateGatewayPack(uplink, origin.get(), pack.resolve(), records);
        }
        SensorKind kind =
                origin.flatMap(o -> checkDevice(o, o.device(), problems)).orElse(null);
        SenmlPack pack = decode(uplink.payload(), maxPayloadBytes, maxRecords, problems);
        List<ResolvedRecord> resolved = pack == null ? List.of() : pack.resolve();
        boolean namesMatch = origin.isPresent() && pack != null && checkNames(origin.get(), resolved, problems);
        if (!problems.isEmpty()) {
            if (namesMatch && kind != null) {
                // The message is refused as a whole, but say what else is wrong with its records too.
                String prefix =
                        SenmlPack.baseNameOf(origin.get().tenant(), origin.get().device());
                for (ResolvedRecord record : resolved) {
                    problems.addAll(recordProblems(kind, prefix, record, uplink.receivedAt()));
                }
            }
            String device = origin.map(UplinkOrigin::device).orElse(null);
            return new Validation(List.of(), List.of(refusal(uplink, origin, device, null, -1, problems, null)));
        }
        List<Reading> accepted = new ArrayList<>(resolved.size());
        List<Refusal> refused = new ArrayList<>();
        for (ResolvedRecord record : resolved) {
            if (records.test(record.index())) {
                validateRecord(uplink, origin.get(), origin.get().device(), kind, record, accepted, refused);
            }
        }
        return new Validation(accepted, refused);
    }

    /** Each record names its device, which must be registered behind the topic's gateway: checked per record. */
    private Validation validateGatewayPack(
            Uplink uplink, UplinkOrigin origin, List<ResolvedRecord> resolved, IntPredicate records) {
        String tenantPrefix = SenmlPack.tenantPrefixOf(origin.tenant());
        List<Reading> accepted = new ArrayList<>(resolved.size());
        List<Refusal> refused = new ArrayList<>();
        Map<String, DeviceCheck> checks = new HashMap<>();
        for (ResolvedRecord record : resolved) {
            if (!records.test(record.index())) {
                continue;
            }
            String device = deviceOf(record.name(), tenantPrefix);
            if (device == null) {
                Problem problem = new Problem(
                        RefusalReason.DEVICE_MISMATCH,
                        "record " + record.index() + " is named '" + record.name() + "', not " + tenantPrefix
                                + "{device}:{quantity} after a device of the topic's tenant");
                refused.add(refusal(uplink, Optional.of(origin), null, null, record.index(), List.of(problem), null));
                continue;
            }
            DeviceCheck check = checks.computeIfAbsent(device, d -> {
                List<Problem> problems = new ArrayList<>();
                Optional<SensorKind> kind = checkDevice(origin, d, problems);
                return new DeviceCheck(kind.orElse(null), List.copyOf(problems));
            });
            if (!check.problems().isEmpty()) {
                refused.add(refusal(uplink, Optional.of(origin), device, null, record.index(), check.problems(), null));
                continue;
            }
            validateRecord(uplink, origin, device, check.kind(), record, accepted, refused);
        }
        return new Validation(accepted, refused);
    }

    /** What the registry says of one device of a gateway pack: its kind, or why its records are refused. */
    private record DeviceCheck(SensorKind kind, List<Problem> problems) {}

    /** The device a record's name ({@code urn:dev:mycity:{tenant}:{device}:{quantity}}) names, or {@code null}. */
    private static String deviceOf(String name, String tenantPrefix) {
        if (!name.startsWith(tenantPrefix)) {
            return null;
        }
        int colon = name.indexOf(':', tenantPrefix.length());
        String device = colon < 0 ? null : name.substring(tenantPrefix.length(), colon);
        return Identifiers.isValid(device) ? device : null;
    }

    private Optional<SensorKind> checkDevice(UplinkOrigin origin, String device, List<Problem> problems) {
        Optional<DeviceInfo> info = directory.find(origin.tenant(), device);
        if (info.isEmpty()) {
            problems.add(new Problem(
                    RefusalReason.UNKNOWN_DEVICE,
                    "device '" + device + "' is not registered for tenant '" + origin.tenant() + "'"));
            return Optional.empty();
        }
        if (!info.get().gateway().equals(origin.gateway())) {
            problems.add(new Problem(
                    RefusalReason.WRONG_GATEWAY,
                    "device '" + device + "' is registered behind gateway '"
                            + info.get().gateway() + "', not '" + origin.gateway() + "'"));
        }
        Optional<SensorKind> kind = SensorKind.fromCode(info.get().kind());
        if (kind.isEmpty()) {
            problems.add(new Problem(
                    RefusalReason.UNKNOWN_KIND,
                    "device '" + device + "' is registered with unknown kind '"
                            + info.get().kind() + "'"));
        }
        return kind;
    }

    private SenmlPack decode(byte[] payload, int maxBytes, int maxCount, List<Problem> problems) {
        if (payload.length > maxBytes) {
            problems.add(new Problem(
                    RefusalReason.OVERSIZED,
                    "payload of " + payload.length + " bytes exceeds the limit of " + maxBytes + " bytes"));
            return null;
        }
        SenmlCodec.Decoded decoded = codec.decode(payload);
        if (!decoded.isOk()) {
            problems.add(new Problem(decoded.reason(), decoded.error()));
            return null;
        }
        if (decoded.pack().records().size() > maxCount) {
            problems.add(new Problem(
                    RefusalReason.OVERSIZED,
                    "pack of " + decoded.pack().records().size() + " records exceeds the limit of " + maxCount));
            return null;
        }
        return decoded.pack();
    }

    /** Whether every record is named after the topic's device; adds a problem when one is not. */
    private static boolean checkNames(UplinkOrigin origin, List<ResolvedRecord> records, List<Problem> problems) {
        String prefix = SenmlPack.baseNameOf(origin.tenant(), origin.device());
        for (ResolvedRecord record : records) {
            if (!record.name().startsWith(prefix)) {
                problems.add(new Problem(
                        RefusalReason.DEVICE_MISMATCH,
                        "record " + record.index() + " is named '" + record.name() + "' but the topic is that of '"
                                + prefix + "'"));
                return false;
            }
        }
        return true;
    }

    /** Accepts the record of a known device of that kind, or refuses it with every problem it has. */
    private void validateRecord(
            Uplink uplink,
            UplinkOrigin origin,
            String device,
            SensorKind kind,
            ResolvedRecord record,
            List<Reading> accepted,
            List<Refusal> refused) {
        String prefix = SenmlPack.baseNameOf(origin.tenant(), device);
        String quantityName = record.name().substring(prefix.length());
        List<Problem> problems = recordProblems(kind, prefix, record, uplink.receivedAt());
        if (problems.isEmpty()) {
            accepted.add(new Reading(
                    origin.tenant(),
                    origin.gateway(),
                    device,
                    kind,
                    quantityName,
                    record.value(),
                    record.unit(),
                    toInstant(record.time()),
                    record.sequence() == null ? -1 : record.sequence(),
                    uplink.receivedAt()));
        } else {
            refused.add(refusal(
                    uplink, Optional.of(origin), device, quantityName, record.index(), problems, timeOf(record)));
        }
    }

    private List<Problem> recordProblems(SensorKind kind, String prefix, ResolvedRecord record, Instant receivedAt) {
        String quantityName = record.name().substring(prefix.length());
        List<Problem> problems = new ArrayList<>();
        Optional<Quantity> quantity = kind.quantity(quantityName);
        if (quantity.isEmpty()) {
            problems.add(new Problem(
                    RefusalReason.UNKNOWN_QUANTITY,
                    "a " + kind.code() + " does not report '" + quantityName + "'; it reports "
                            + kind.quantities().stream().map(Quantity::name).toList() + " and may report "
                            + kind.optionalQuantities().stream()
                                    .map(Quantity::name)
                                    .toList()));
        } else {
            checkValue(quantity.get(), record, problems);
        }
        checkTime(record, receivedAt, problems);
        return problems;
    }

    private static void checkValue(Quantity quantity, ResolvedRecord record, List<Problem> problems) {
        if (record.nonNumeric()) {
            problems.add(new Problem(
                    RefusalReason.WRONG_TYPE,
                    "'" + quantity.name() + "' is a number, but the record carries a string, boolean or data value"));
        } else if (record.value() == null) {
            problems.add(new Problem(RefusalReason.MISSING_VALUE, "'" + quantity.name() + "' has no value"));
        } else if (!quantity.accepts(record.value())) {
            problems.add(new Problem(
                    RefusalReason.VALUE_OUT_OF_RANGE,
                    "'" + quantity.name() + "' of " + record.value() + " is outside [" + quantity.min() + ", "
                            + quantity.max() + "]" + (quantity.integral() ? " or not a whole number" : "")));
        }
        if (!quantity.unit().equals(record.unit())) {
            problems.add(new Problem(
                    RefusalReason.WRONG_UNIT,
                    "'" + quantity.name() + "' must be in '" + quantity.unit() + "' but "
                            + (record.unit() == null ? "has no unit" : "is in '" + record.unit() + "'")));
        }
    }

    private void checkTime(ResolvedRecord record, Instant receivedAt, List<Problem> problems) {
        if (!Double.isFinite(record.time()) || record.time() < RELATIVE_TIME_LIMIT) {
            problems.add(new Problem(
                    RefusalReason.MISSING_TIME,
                    "record " + record.index() + " has no absolute device time (bt + t = " + record.time() + " s)"));
        } else if (toInstant(record.time()).isAfter(receivedAt.plus(maxFutureSkew))) {
            problems.add(new Problem(
                    RefusalReason.TIME_IN_FUTURE,
                    "record " + record.index() + " is dated " + toInstant(record.time()) + ", more than "
                            + maxFutureSkew.toSeconds() + " s after it was received at " + receivedAt));
        }
    }

    /** The record's device time, or {@code null} when it has none. */
    private static Instant timeOf(ResolvedRecord record) {
        return Double.isFinite(record.time()) && record.time() >= RELATIVE_TIME_LIMIT ? toInstant(record.time()) : null;
    }

    private static Instant toInstant(double epochSeconds) {
        return Instant.ofEpochMilli(Math.round(epochSeconds * 1000));
    }

    private static Refusal refusal(
            Uplink uplink,
            Optional<UplinkOrigin> origin,
            String device,
            String quantity,
            int index,
            List<Problem> problems,
            Instant time) {
        return new Refusal(
                uplink.topic(),
                origin.map(UplinkOrigin::tenant).orElse(null),
                origin.map(UplinkOrigin::gateway).orElse(null),
                device,
                quantity,
                index,
                problems,
                uplink.receivedAt(),
                excerpt(uplink.payload()),
                time);
    }

    private static String excerpt(byte[] payload) {
        int length = Math.min(payload.length, EXCERPT_CHARS * 4);
        String text = new String(payload, 0, length, StandardCharsets.UTF_8);
        StringBuilder clean = new StringBuilder(Math.min(text.length(), EXCERPT_CHARS));
        text.codePoints().limit(EXCERPT_CHARS).forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return clean.toString();
    }

    /** Settings of a {@link ReadingValidator}; every one has a default. */
    public static final class Builder {
        private final DeviceDirectory directory;
        private SenmlCodec codec = SenmlCodec.json();
        private int maxPayloadBytes = 16 * 1024;
        private int maxRecords = 64;
        private int maxPackBytes = 256 * 1024;
        private int maxPackRecords = 2048;
        private Duration maxFutureSkew = Duration.ofMinutes(5);

        private Builder(DeviceDirectory directory) {
            if (directory == null) {
                throw new IllegalArgumentException("Device directory must not be null.");
            }
            this.directory = directory;
        }

        /** The codec for payloads. By default, SenML JSON. */
        public Builder codec(SenmlCodec codec) {
            this.codec = codec;
            return this;
        }

        /** The largest payload accepted, in bytes. By default, 16 KiB. */
        public Builder maxPayloadBytes(int maxPayloadBytes) {
            this.maxPayloadBytes = maxPayloadBytes;
            return this;
        }

        /** The most records a pack may hold. By default, 64. */
        public Builder maxRecords(int maxRecords) {
            this.maxRecords = maxRecords;
            return this;
        }

        /** The largest gateway pack accepted, in bytes. By default, 256 KiB. */
        public Builder maxPackBytes(int maxPackBytes) {
            this.maxPackBytes = maxPackBytes;
            return this;
        }

        /** The most records a gateway pack may hold. By default, 2048. */
        public Builder maxPackRecords(int maxPackRecords) {
            this.maxPackRecords = maxPackRecords;
            return this;
        }

        /** How far ahead of its arrival a reading may be dated (device clocks drift). By default, 5 minutes. */
        public Builder maxFutureSkew(Duration maxFutureSkew) {
            this.maxFutureSkew = maxFutureSkew;
            return this;
        }

        public ReadingValidator build() {
            if (codec == null) {
                throw new IllegalStateException("Codec must not be null.");
            }
            if (maxPayloadBytes <= 0 || maxRecords <= 0 || maxPackBytes <= 0 || maxPackRecords <= 0) {
                throw new IllegalStateException("Payload and record limits must be positive.");
            }
            if (maxFutureSkew == null || maxFutureSkew.isNegative()) {
                throw new IllegalStateException("Future skew must be zero or positive.");
            }
            return new ReadingValidator(this);
        }
    }
}
