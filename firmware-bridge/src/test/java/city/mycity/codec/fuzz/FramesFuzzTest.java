package city.mycity.codec.fuzz;

import static city.mycity.reading.fuzz.Outcomes.assertDecodedOrRefused;
import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.codec.ContentFormats;
import city.mycity.codec.DeviceProfile;
import city.mycity.codec.DeviceRef;
import city.mycity.codec.FrameCodec;
import city.mycity.codec.FrameCodecs;
import city.mycity.codec.bayframe.BayFrameDecoder;
import city.mycity.codec.fuzz.Frames.Sent;
import city.mycity.codec.ultrasonic.UltrasonicBinCodec;
import city.mycity.reading.DeviceAddress;
import city.mycity.reading.DeviceDirectory;
import city.mycity.reading.DeviceInfo;
import city.mycity.reading.Problem;
import city.mycity.reading.Quantity;
import city.mycity.reading.ReadingValidator;
import city.mycity.reading.Refusal;
import city.mycity.reading.RefusalReason;
import city.mycity.reading.ResolvedRecord;
import city.mycity.reading.SenmlCodec;
import city.mycity.reading.SenmlCodec.Decoded;
import city.mycity.reading.SensorKind;
import city.mycity.reading.Uplink;
import city.mycity.reading.UplinkTopic;
import city.mycity.reading.fuzz.Fuzz;
import city.mycity.reading.fuzz.Gen;
import city.mycity.reading.fuzz.Mutations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The vendor frame codecs, which read the bytes of low-power sensors, on frames of every kind. */
class FramesFuzzTest {

    private static final DeviceRef DEVICE = new DeviceRef("demo-town", "dev-0001");
    private static final String GATEWAY = "gw-z-a1";
    private static final FrameCodecs CODECS = FrameCodecs.defaults();
    private static final BayFrameDecoder BAY_FRAMES = new BayFrameDecoder();

    /** Refusals a decoded frame may still get from the platform: for its values or its time, nothing else. */
    private static final Set<RefusalReason> FOR_VALUES_ALONE =
            Set.of(RefusalReason.VALUE_OUT_OF_RANGE, RefusalReason.MISSING_TIME, RefusalReason.TIME_IN_FUTURE);

    /** One frame reader: a frame codec, or the bay-frame decoder (which takes no profile), with its valid frames. */
    private record Reader(String name, SensorKind kind, Gen<Sent> frames) {

        Decoded decode(DeviceProfile profile, byte[] bytes) {
            if (name.equals("bay-frame")) {
                return BAY_FRAMES.decode(DEVICE, ContentFormats.BAY_FRAME, bytes);
            }
            FrameCodec codec = CODECS.find(name).orElseThrow();
            return codec.decode(DEVICE, profile, bytes);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Reader> READERS = List.of(
            new Reader("bay-frame", SensorKind.PARKING_BAY, Frames.bay()),
            new Reader("parking-puck", SensorKind.PARKING_BAY, Frames.puck()),
            new Reader("ultrasonic-bin", SensorKind.BIN, Frames.bin()),
            new Reader("water-logger", SensorKind.WATER, Frames.water()),
            new Reader("traffic-counter", SensorKind.TRAFFIC_COUNTER, Frames.counter()));

    /** A reader, a profile for it and bytes: for a frame reader, what it is given. */
    private record Input(Reader reader, DeviceProfile profile, byte[] bytes) {
        Decoded decode() {
            return reader.decode(profile, bytes);
        }

        @Override
        public String toString() {
            return reader + " with profile " + profile.toText() + ": " + Fuzz.show(bytes);
        }
    }

    /** A valid frame and its reader. */
    private record Written(Reader reader, Sent frame) {
        @Override
        public String toString() {
            return reader + ": " + frame;
        }
    }

    private static Gen<Input> inputs(Gen<byte[]> bytes) {
        return random -> {
            Reader reader = READERS.get(random.nextInt(READERS.size()));
            return new Input(reader, Frames.anyProfile(reader.name(), random), bytes.next(random));
        };
    }

    private static Gen<Input> framesMaybeBroken() {
        return random -> {
            Reader reader = READERS.get(random.nextInt(READERS.size()));
            Gen<byte[]> frames = reader.frames().map(Sent::bytes);
            byte[] bytes = Mutations.maybeMutated(frames, List.of(), 64).next(random);
            return new Input(reader, Frames.anyProfile(reader.name(), random), bytes);
        };
    }

    @Test
    void every_byte_string_is_decoded_or_refused_with_a_reason() {
        Fuzz.forAll(inputs(Gen.bytes(40))).check(input -> assertDecodedOrRefused(input.decode()));
    }

    @Test
    void every_frame_broken_in_its_bytes_is_decoded_or_refused_with_a_reason() {
        Fuzz.forAll(framesMaybeBroken()).check(input -> assertDecodedOrRefused(input.decode()));
    }

    @Test
    void every_valid_frame_is_read_back_as_it_was_written() {
        Gen<Written> written = random -> {
            Reader reader = READERS.get(random.nextInt(READERS.size()));
            return new Written(reader, reader.frames().next(random));
        };
        Fuzz.forAll(written).check(w -> {
            Reader reader = w.reader();
            Sent frame = w.frame();
            Decoded decoded = reader.decode(frame.profile(), frame.bytes());

            assertThat(decoded.isOk()).as("read: %s", decoded.error()).isTrue();
            List<ResolvedRecord> records = decoded.pack().resolve();
            Map<String, Double> read = records.stream()
                    .collect(Collectors.toMap(
                            r -> r.name().substring(DEVICE.baseName().length()), ResolvedRecord::value));
            assertThat(read).isEqualTo(frame.readings());
            assertThat(records).allSatisfy(r -> {
                assertThat(r.time()).isEqualTo((double) frame.epochSeconds());
                assertThat(r.sequence()).isEqualTo(frame.sequence());
            });
        });
    }

    @Test
    void every_decoded_frame_gives_readings_the_platform_refuses_for_their_values_or_time_alone() {
        SenmlCodec senml = SenmlCodec.json();
        Instant received = Frames.NOW;
        Fuzz.forAll(framesMaybeBroken()).check(input -> {
            Decoded decoded = input.decode();
            assertDecodedOrRefused(decoded);
            if (!decoded.isOk()) {
                return;
            }
            SensorKind kind = input.reader().kind();
            if (input.reader().name().equals(UltrasonicBinCodec.NAME)) {
                double depth = input.profile().number(UltrasonicBinCodec.DEPTH).orElseThrow();
                assertThat(Double.isFinite(depth) && depth > 0)
                        .as("the fill comes from a depth of a real bin, not %s", depth)
                        .isTrue();
            }
            for (ResolvedRecord r : decoded.pack().resolve()) {
                assertThat(r.name()).startsWith(DEVICE.baseName());
                Quantity quantity = kind.quantity(
                                r.name().substring(DEVICE.baseName().length()))
                        .orElseThrow();
                assertThat(r.unit()).isEqualTo(quantity.unit());
                assertThat(Double.isFinite(r.value())).as("value of %s", r).isTrue();
            }
            DeviceDirectory directory = DeviceDirectory.of(List.of(
                    new DeviceInfo(DEVICE.tenant(), DEVICE.device(), GATEWAY, kind.code(), "z-a1", null, 43.7, 7.4)));
            Uplink uplink = new Uplink(
                    UplinkTopic.of(new DeviceAddress(DEVICE.tenant(), GATEWAY, DEVICE.device())),
                    senml.encode(decoded.pack()),
                    received);
            for (Refusal refusal : ReadingValidator.builder(directory)
                    .maxFutureSkew(Duration.ofMinutes(5))
                    .build()
                    .validate(uplink)
                    .refused()) {
                assertThat(refusal.problems()).extracting(Problem::reason).allMatch(FOR_VALUES_ALONE::contains);
            }
        });
    }
}
