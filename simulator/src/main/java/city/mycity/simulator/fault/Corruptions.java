package city.mycity.simulator.fault;

import city.mycity.codec.frame.FrameHeader;
import city.mycity.reading.Quantity;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SplittableRandom;

/** How faulty devices spoil values, units and payloads. */
final class Corruptions {

    /** For each unit a SenML unit that a confused firmware might send instead. */
    private static final Map<String, String> WRONG_UNITS = Map.of(
            "/", "%",
            "count", "1/min",
            "km/h", "m/s",
            "%", "/",
            "Cel", "K",
            "l/min", "m3/s",
            "bar", "Pa");

    private static final byte[] JSON_NAME_FIELD = ",\"n\":".getBytes(StandardCharsets.US_ASCII);

    private Corruptions() {}

    /** A whole number clearly outside the quantity's range, above or below it. */
    static double outOfRange(Quantity quantity, SplittableRandom random) {
        double span = Math.max(1, quantity.max() - quantity.min());
        double step = Math.ceil(span * random.nextDouble(0.05, 0.5));
        return random.nextBoolean() ? Math.floor(quantity.max()) + step : Math.ceil(quantity.min()) - step;
    }

    static String wrongUnit(String unit) {
        return WRONG_UNITS.getOrDefault(unit, "W");
    }

    /**
     * The JSON cut short, somewhere after the base name and base time (so every truncated payload differs) and before
     * its end (so it never parses).
     */
    static byte[] truncate(byte[] json, SplittableRandom random) {
        int from = indexOf(json, JSON_NAME_FIELD);
        from = from < 0 ? json.length / 2 : from;
        int to = Math.max(from + 1, json.length - 1);
        int cut = random.nextInt(from, to);
        byte[] truncated = new byte[cut];
        System.arraycopy(json, 0, truncated, 0, cut);
        return truncated;
    }

    /**
     * Radio noise: random bytes starting with a control character (never JSON), ending with the device and sequence so
     * that no two garbage payloads are alike.
     */
    static byte[] garbage(String device, long sequence, SplittableRandom random) {
        byte[] tail = ("\u0007" + device + "#" + sequence).getBytes(StandardCharsets.US_ASCII);
        byte[] noise = new byte[random.nextInt(8, 48)];
        random.nextBytes(noise);
        noise[0] = 0x01;
        byte[] garbage = new byte[noise.length + tail.length];
        System.arraycopy(noise, 0, garbage, 0, noise.length);
        System.arraycopy(tail, 0, garbage, noise.length, tail.length);
        return garbage;
    }

    /**
     * A vendor frame spoilt the way a radio or a failing firmware spoils one: cut short after its header (so that its
     * time and sequence keep it unlike any other), or replaced by {@link #garbage}, whose first byte claims format
     * version 0, which no frame has.
     */
    static byte[] spoilFrame(byte[] frame, String device, long sequence, SplittableRandom random) {
        if (random.nextBoolean()) {
            return garbage(device, sequence, random);
        }
        int cut = random.nextInt(Math.min(FrameHeader.LENGTH, frame.length - 1), frame.length);
        byte[] truncated = new byte[cut];
        System.arraycopy(frame, 0, truncated, 0, cut);
        return truncated;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
