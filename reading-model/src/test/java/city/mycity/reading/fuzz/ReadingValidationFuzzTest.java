package city.mycity.reading.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.reading.DeviceAddress;
import city.mycity.reading.DeviceDirectory;
import city.mycity.reading.DeviceInfo;
import city.mycity.reading.ReadingValidator;
import city.mycity.reading.Refusal;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.SensorKind;
import city.mycity.reading.Uplink;
import city.mycity.reading.UplinkTopic;
import city.mycity.reading.Validation;
import city.mycity.reading.fuzz.SenmlJson.Target;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The reading validator, which decides on every message from the field, on messages of every kind. */
class ReadingValidationFuzzTest {

    private static final String TENANT = "demo-town";
    private static final String GATEWAY = "gw-z-a1";
    private static final Instant RECEIVED = Instant.parse("2026-11-30T12:00:00Z");
    private static final Duration SKEW = Duration.ofMinutes(5);

    /** One device of each kind behind the gateway, one behind another gateway, one of a kind the platform lacks. */
    private static final List<DeviceInfo> DEVICES = Stream.concat(
                    Stream.of(SensorKind.values()).map(kind -> device("dev-" + kind.code(), GATEWAY, kind.code())),
                    Stream.of(
                            device("bay-elsewhere", "gw-z-b2", "parking-bay"),
                            device("lamp-0001", GATEWAY, "street-lamp")))
            .toList();

    private static final DeviceDirectory DIRECTORY = DeviceDirectory.of(DEVICES);

    /** The registered devices, and some that are not: of another tenant, unknown, or of a kind the platform lacks. */
    private static final List<Target> TARGETS = Stream.concat(
                    DEVICES.stream()
                            .map(d -> new Target(
                                    SenmlPack.baseNameOf(TENANT, d.device()),
                                    SensorKind.fromCode(d.kind()).orElse(SensorKind.BIN))),
                    Stream.of(
                            new Target(SenmlPack.baseNameOf("other-town", "dev-bin"), SensorKind.BIN),
                            new Target(SenmlPack.baseNameOf(TENANT, "unknown-0001"), SensorKind.WATER)))
            .toList();

    private final List<ReadingValidator> validators = List.of(
            ReadingValidator.builder(DIRECTORY).maxFutureSkew(SKEW).build(),
            ReadingValidator.builder(DIRECTORY)
                    .maxPayloadBytes(512)
                    .maxRecords(3)
                    .maxPackBytes(2_048)
                    .maxPackRecords(6)
                    .maxFutureSkew(SKEW)
                    .build());

    private static DeviceInfo device(String id, String gateway, String kind) {
        return new DeviceInfo(TENANT, id, gateway, kind, "z-a1", null, 43.73, 7.42);
    }

    /** A message: mostly a device's pack on its own topic or a gateway pack on the gateway's, some of them broken. */
    private static Gen<Message> messages() {
        Gen<String> deviceTopics =
                Gen.pick(DEVICES).map(d -> UplinkTopic.of(new DeviceAddress(TENANT, d.gateway(), d.device())));
        Gen<String> gatewayTopics =
                Gen.pick(UplinkTopic.ofGateway(TENANT, GATEWAY), UplinkTopic.ofGateway(TENANT, "gw-z-b2"));
        Gen<String> brokenTopics = Gen.oneOf(
                Mutations.mutated(
                                Gen.utf8(Gen.oneOf(deviceTopics, gatewayTopics)),
                                List.of("/", "+", "#", "up", "A", "\u0000"),
                                300)
                        .map(bytes -> new String(bytes, StandardCharsets.UTF_8)),
                Gen.strings(80),
                Gen.constant(null));
        Gen<byte[]> devicePayloads = Gen.oneOf(
                Gen.utf8(SenmlJson.devicePacks(TARGETS, RECEIVED, 40)),
                Gen.utf8(SenmlJson.devicePacks(TARGETS, RECEIVED, 6)),
                Mutations.mutated(
                        Gen.utf8(SenmlJson.devicePacks(TARGETS, RECEIVED, 40)), Mutations.JSON_TOKENS, 20_000),
                Gen.utf8(SenmlJson.notPacks()),
                Gen.bytes(300),
                Gen.constant(null));
        Gen<byte[]> gatewayPayloads = Gen.oneOf(
                Gen.utf8(SenmlJson.gatewayPacks(TARGETS, RECEIVED, 40)),
                Gen.utf8(SenmlJson.gatewayPacks(TARGETS, RECEIVED, 6)),
                Mutations.mutated(
                        Gen.utf8(SenmlJson.gatewayPacks(TARGETS, RECEIVED, 40)), Mutations.JSON_TOKENS, 20_000),
                Gen.utf8(SenmlJson.notPacks()));
        return random -> switch (random.nextInt(5)) {
            case 0, 1 -> new Message(deviceTopics.next(random), devicePayloads.next(random));
            case 2 -> new Message(gatewayTopics.next(random), gatewayPayloads.next(random));
            case 3 -> new Message(brokenTopics.next(random), devicePayloads.next(random));
            default ->
                new Message(
                        random.nextBoolean() ? deviceTopics.next(random) : gatewayTopics.next(random),
                        random.nextBoolean() ? devicePayloads.next(random) : gatewayPayloads.next(random));
        };
    }

    @Test
    void every_message_is_accepted_or_refused_with_reasons() {
        Fuzz.forAll(messages()).check(message -> {
            for (ReadingValidator validator : validators) {
                Uplink uplink = message.uplink();
                Outcomes.assertAcceptedOrRefusedWithReasons(validator.validate(uplink), uplink, DIRECTORY, SKEW);
            }
        });
    }

    @Test
    void a_second_look_at_some_records_gives_what_the_first_look_gave_them() {
        Fuzz.forAll(messages().flatMap(m -> random -> new Looked(m, random.nextLong())))
                .check(looked -> {
                    ReadingValidator validator = validators.get(0);
                    Uplink uplink = looked.message().uplink();
                    IntPredicate some = index -> Long.bitCount(looked.mask() >>> (index % 64)) % 2 == 0;
                    Validation all = validator.validate(uplink);
                    Validation part = validator.validate(uplink, some);
                    List<Refusal> expected = new ArrayList<>();
                    for (Refusal refusal : all.refused()) {
                        if (refusal.recordIndex() < 0 || some.test(refusal.recordIndex())) {
                            expected.add(refusal);
                        }
                    }
                    assertThat(part.refused()).isEqualTo(expected);
                    assertThat(all.accepted()).containsAll(part.accepted());
                });
    }

    /** A message with the records a second look asks for (by a bit mask). */
    private record Looked(Message message, long mask) {
        @Override
        public String toString() {
            return message + " looking at mask " + Long.toHexString(mask);
        }
    }

    private record Message(String topic, byte[] payload) {

        Uplink uplink() {
            return new Uplink(topic, payload, RECEIVED);
        }

        @Override
        public String toString() {
            return "topic " + Fuzz.show(topic) + ", payload " + (payload == null ? "null" : Fuzz.show(payload));
        }
    }
}
