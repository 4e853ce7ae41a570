package city.mycity.codec.fuzz;

import city.mycity.codec.DeviceProfile;
import city.mycity.codec.bayframe.BayFrame;
import city.mycity.codec.frame.FrameHeader;
import city.mycity.codec.puck.PuckFrame;
import city.mycity.codec.trafficcounter.CounterFrame;
import city.mycity.codec.trafficcounter.TrafficCounterCodec;
import city.mycity.codec.ultrasonic.BinFrame;
import city.mycity.codec.ultrasonic.UltrasonicBinCodec;
import city.mycity.codec.waterlogger.WaterFrame;
import city.mycity.reading.fuzz.Fuzz;
import city.mycity.reading.fuzz.Gen;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Vendor frames as sensors send them, each with the readings it must give: the fields within their specification
 * (a battery of 0 to 100 %), times from the epoch to 2106, recent ones the most likely.
 */
final class Frames {

    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    /** Depths a bin's profile may give: right ones, and what a typo or a template leaves. */
    static final List<String> DEPTHS = List.of(
            "1100",
            "800.5",
            "1",
            "65535",
            "0",
            "-5",
            "NaN",
            "Infinity",
            "-Infinity",
            "1e400",
            "1e-300",
            "0x1p10",
            "1100mm",
            "-",
            "1_100",
            "١١٠٠");

    /** A frame's bytes, the profile it is read with, and the readings it must give (name to value), when read. */
    record Sent(byte[] bytes, DeviceProfile profile, long epochSeconds, int sequence, Map<String, Double> readings) {
        @Override
        public String toString() {
            return Fuzz.show(bytes) + " with profile " + profile.toText();
        }
    }

    private Frames() {}

    static Gen<Sent> bay() {
        return random -> {
            boolean occupied = random.nextBoolean();
            long time = time(random);
            int sequence = random.nextInt(65_536);
            return new Sent(
                    new BayFrame(occupied, time, sequence).toBytes(),
                    DeviceProfile.of("bay-frame"),
                    time,
                    sequence,
                    Map.of("occupied", occupied ? 1d : 0d));
        };
    }

    static Gen<Sent> puck() {
        return random -> {
            boolean occupied = random.nextBoolean();
            long time = time(random);
            int sequence = random.nextInt(65_536);
            int battery = Gen.ints(0, 100).next(random);
            int temperature = Gen.ints(-128, 127).next(random);
            return new Sent(
                    PuckFrame.of(occupied, time, sequence, battery, temperature).toBytes(),
                    DeviceProfile.of("parking-puck"),
                    time,
                    sequence,
                    Map.of("occupied", occupied ? 1d : 0d, "battery", (double) battery, "temperature", (double)
                            temperature));
        };
    }

    /** Bin frames with a depth in the profile; the fill is checked against its own formula by the property. */
    static Gen<Sent> bin() {
        return random -> {
            long time = time(random);
            int sequence = random.nextInt(65_536);
            int distance = random.nextInt(8) == 0
                    ? BinFrame.NO_ECHO
                    : Gen.ints(0, 65_535).next(random);
            int battery = Gen.ints(0, 100).next(random);
            int temperature = Gen.ints(-128, 127).next(random);
            int depth = Gen.ints(1, 5_000).next(random);
            Map<String, Double> readings = new LinkedHashMap<>();
            if (distance != BinFrame.NO_ECHO) {
                double percent = (depth - (double) distance) / depth * 100;
                readings.put("fill", Math.round(Math.max(0, Math.min(100, percent)) * 10) / 10.0);
            }
            readings.put("battery", (double) battery);
            readings.put("temperature", (double) temperature);
            return new Sent(
                    BinFrame.of(time, sequence, distance, battery, temperature).toBytes(),
                    binProfile(Integer.toString(depth)),
                    time,
                    sequence,
                    readings);
        };
    }

    static Gen<Sent> water() {
        return random -> {
            long time = time(random);
            int sequence = random.nextInt(65_536);
            long flow = random.nextInt(4) == 0 ? 0xFFFF_FFFFL : random.nextLong(0x1_0000_0000L);
            int pressure = Gen.ints(0, 65_535).next(random);
            int noise = Gen.ints(0, 255).next(random);
            return new Sent(
                    new WaterFrame(FrameHeader.of(time, sequence), flow, pressure, noise).toBytes(),
                    DeviceProfile.of("water-logger"),
                    time,
                    sequence,
                    Map.of("flow", flow / 10.0, "pressure", pressure / 1000.0, "noise", (double) noise));
        };
    }

    static Gen<Sent> counter() {
        return random -> {
            long time = time(random);
            int sequence = random.nextInt(65_536);
            int speed = Gen.ints(0, 255).next(random);
            int lanes = Gen.ints(1, CounterFrame.MAX_LANES).next(random);
            List<Integer> counts = new ArrayList<>(lanes);
            Map<String, Double> readings = new LinkedHashMap<>();
            for (int lane = 1; lane <= lanes; lane++) {
                int count = Gen.ints(0, 65_535).next(random);
                counts.add(count);
                readings.put(TrafficCounterCodec.laneQuantity(lane), (double) count);
            }
            readings.put("count", (double)
                    counts.stream().mapToInt(Integer::intValue).sum());
            if (speed != CounterFrame.NO_SPEED) {
                readings.put("speed", (double) speed);
            }
            return new Sent(
                    CounterFrame.of(time, sequence, speed, counts).toBytes(),
                    DeviceProfile.of("traffic-counter"),
                    time,
                    sequence,
                    readings);
        };
    }

    static DeviceProfile binProfile(String depth) {
        return new DeviceProfile(UltrasonicBinCodec.NAME, Map.of(UltrasonicBinCodec.DEPTH, depth));
    }

    /** A profile for the codec: for a bin, any depth a profile may give, or none. */
    static DeviceProfile anyProfile(String codec, SplittableRandom random) {
        if (!codec.equals(UltrasonicBinCodec.NAME) || random.nextInt(4) == 0) {
            return DeviceProfile.of(codec);
        }
        return random.nextBoolean()
                ? binProfile(Gen.pick(DEPTHS).next(random))
                : binProfile(Integer.toString(random.nextInt(-10, 10_000)));
    }

    /** Epoch seconds from 0 to 2^32 - 1: now, give or take a day, most of the time. */
    private static long time(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> random.nextLong(0x1_0000_0000L);
            case 1 -> random.nextBoolean() ? 0 : 0xFFFF_FFFFL;
            default -> NOW.getEpochSecond() + random.nextInt(-86_400, 86_400);
        };
    }
}
