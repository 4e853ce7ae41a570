package city.mycity.reading;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides, for each message, which readings the platform accepts and why it refuses the others. It never throws on
 * bad input: every problem comes back as a value in the {@link Validation}, with every reason that applies.
 *
 * <p>Problems with the message as a whole (topic, size, payload, device) refuse the whole message as one reading;
 * problems with one record refuse that record alone. Thread-safe.
 */
public final class ReadingValidator {

    /** SenML times below 2^28 s are relative to "now" (RFC 8428, section 4.5.3): not a device time. */
    private static final double RELATIVE_TIME_LIMIT = 268_435_456d;

    private static final int EXCERPT_CHARS = 200;

    private final DeviceDirectory directory;
    private final SenmlCodec codec;
    private final int maxPayloadBytes;
    private final int maxRecords;
    private final Duration maxFutureSkew;

    private ReadingValidator(Builder builder) {
        this.directory = builder.directory;
        this.codec = builder.codec;
        this.maxPayloadBytes = builder.maxPayloadBytes;
        this.maxRecords = builder.maxRecords;
        this.maxFutureSkew = builder.maxFutureSkew;
    }

    public static Builder builder(DeviceDirectory directory) {
        return new Builder(directory);
    }

    public Validation validate(Uplink uplink) {
        if (uplink.payload() == null) {
            uplink = new Uplink(uplink.topic(), new byte[0], uplink.receivedAt());
        }
        List<Problem> problems = new ArrayList<>();
        Optional<DeviceAddress> address = UplinkTopic.parse(uplink.topic());
        if (address.isEmpty()) {
            problems.add(new Problem(
                    RefusalReason.MALFORMED_TOPIC,
                    "topic '" + uplink.topic() + "' is not of the form " + UplinkTopic.ROOT
                            + "/{tenant}/{gateway}/{device}/up"));
        }
        SensorKind kind = address.flatMap(a -> checkDevice(a, problems)).orElse(null);
        SenmlPack pack = decode(uplink.payload(), problems);
        List<ResolvedRecord> records = pack == null ? List.of() : pack.resolve();
        boolean namesMatch = address.isPresent() && pack != null && checkNames(address.get(), records, problems);
        if (!problems.isEmpty()) {
            if (namesMatch && kind != null) {
                // The message is refused as a whole, but say what else is wrong with its records too.
                String prefix = SenmlPack.baseNameOf(
                        address.get().tenant(), address.get().device());
                for (ResolvedRecord record : records) {
                    problems.addAll(recordProblems(kind, prefix, record, uplink.receivedAt()));
                }
            }
            return new Validation(List.of(), List.of(refusal(uplink, address, null, -1, problems)));
        }
        return validateRecords(uplink, address.get(), kind, records);
    }

    private Optional<SensorKind> checkDevice(DeviceAddress address, List<Problem> problems) {
        Optional<DeviceInfo> info = directory.find(address.tenant(), address.device());
        if (info.isEmpty()) {
            problems.add(new Problem(
                    RefusalReason.UNKNOWN_DEVICE,
                    "device '" + address.device() + "' is not registered for tenant '" + address.tenant() + "'"));
            return Optional.empty();
        }
        if (!info.get().gateway().equals(address.gateway())) {
            problems.add(new Problem(
                    RefusalReason.DEVICE_MISMATCH,
                    "device '" + address.device() + "' is registered behind gateway '"
                            + info.get().gateway() + "', not '" + address.gateway() + "'"));
        }
        Optional<SensorKind> kind = SensorKind.fromCode(info.get().kind());
        if (kind.isEmpty()) {
            problems.add(new Problem(
                    RefusalReason.UNKNOWN_KIND,
                    "device '" + address.device() + "' is registered with unknown kind '"
                            + info.get().kind() + "'"));
        }
        return kind;
    }

    private SenmlPack decode(byte[] payload, List<Problem> problems) {
        if (payload.length > maxPayloadBytes) {
            problems.add(new Problem(
                    RefusalReason.OVERSIZED,
                    "payload of " + payload.length + " bytes exceeds the limit of " + maxPayloadBytes + " bytes"));
            return null;
        }
        SenmlCodec.Decoded decoded = codec.decode(payload);
        if (!decoded.isOk()) {
            problems.add(new Problem(decoded.reason(), decoded.error()));
            return null;
        }
        if (decoded.pack().records().size() > maxRecords) {
            problems.add(new Problem(
                    RefusalReason.OVERSIZED,
                    "pack of " + decoded.pack().records().size() + " records exceeds the limit of " + maxRecords));
            return null;
        }
        return decoded.pack();
    }

    /** Whether every record is named after the topic's device; adds a problem when one is not. */
    private static boolean checkNames(DeviceAddress address, List<ResolvedRecord> records, List<Problem> problems) {
        String prefix = SenmlPack.baseNameOf(address.tenant(), address.device());
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

    private Validation validateRecords(
            Uplink uplink, DeviceAddress address, SensorKind kind, List<ResolvedRecord> records) {
        String prefix = SenmlPack.baseNameOf(address.tenant(), address.device());
        List<Reading> accepted = new ArrayList<>(records.size());
        List<Refusal> refused = new ArrayList<>();
        for (ResolvedRecord record : records) {
            String quantityName = record.name().substring(prefix.length());
            List<Problem> problems = recordProblems(kind, prefix, record, uplink.receivedAt());
            if (problems.isEmpty()) {
                accepted.add(new Reading(
                        address.tenant(),
                        address.gateway(),
                        address.device(),
                        kind,
                        quantityName,
                        record.value(),
                        record.unit(),
                        toInstant(record.time()),
                        record.sequence() == null ? -1 : record.sequence(),
                        uplink.receivedAt()));
            } else {
                refused.add(refusal(uplink, Optional.of(address), quantityName, record.index(), problems));
            }
        }
        return new Validation(accepted, refused);
    }

    private List<Problem> recordProblems(SensorKind kind, String prefix, ResolvedRecord record, Instant receivedAt) {
        String quantityName = record.name().substring(prefix.length());
        List<Problem> problems = new ArrayList<>();
        Optional<Quantity> quantity = kind.quantity(quantityName);
        if (quantity.isEmpty()) {
            problems.add(new Problem(
                    RefusalReason.UNKNOWN_QUANTITY,
                    "a " + kind.code() + " does not report '" + quantityName + "'; it reports "
                            + kind.quantities().stream().map(Quantity::name).toList()));
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

    private static Instant toInstant(double epochSeconds) {
        return Instant.ofEpochMilli(Math.round(epochSeconds * 1000));
    }

    private static Refusal refusal(
            Uplink uplink, Optional<DeviceAddress> address, String quantity, int index, List<Problem> problems) {
        return new Refusal(
                uplink.topic(),
                address.map(DeviceAddress::tenant).orElse(null),
                address.map(DeviceAddress::gateway).orElse(null),
                address.map(DeviceAddress::device).orElse(null),
                quantity,
                index,
                problems,
                uplink.receivedAt(),
                excerpt(uplink.payload()));
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

        /** How far ahead of its arrival a reading may be dated (device clocks drift). By default, 5 minutes. */
        public Builder maxFutureSkew(Duration maxFutureSkew) {
            this.maxFutureSkew = maxFutureSkew;
            return this;
        }

        public ReadingValidator build() {
            if (codec == null) {
                throw new IllegalStateException("Codec must not be null.");
            }
            if (maxPayloadBytes <= 0 || maxRecords <= 0) {
                throw new IllegalStateException("Payload and record limits must be positive.");
            }
            if (maxFutureSkew == null || maxFutureSkew.isNegative()) {
                throw new IllegalStateException("Future skew must be zero or positive.");
            }
            return new ReadingValidator(this);
        }
    }
}
