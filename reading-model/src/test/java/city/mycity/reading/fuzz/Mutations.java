package city.mycity.reading.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Breaks valid inputs the way radios, firmware bugs and attackers do: flipped bits, bytes set to edge values, cut or
 * lengthened ends, bytes deleted, inserted, repeated or swapped, and tokens of the format (a dictionary) put in.
 */
public final class Mutations {

    /** Tokens that matter to a JSON reader: what SenML packs are made of, and what trips a careless parser up. */
    public static final List<String> JSON_TOKENS = List.of(
            "\"",
            "\\",
            "\\u0000",
            "\\ud800",
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "null",
            "true",
            "false",
            "-0",
            "1e400",
            "-1e400",
            "1e-400",
            "NaN",
            "Infinity",
            "18446744073709551617",
            "9223372036854775808",
            "4294967297",
            "0.5",
            "\"bn\":",
            "\"bt\":",
            "\"n\":",
            "\"v\":",
            "\"u\":",
            "\"t\":",
            "\"seq\":",
            "\"bver\":",
            "\"vs\":",
            "\"x_\":",
            "\u0000",
            "\ufeff",
            "\u00e9",
            "\ud83d\ude97",
            "[[[[[[[[[[[[[[[[",
            "urn:dev:mycity:");

    private static final byte[] EDGE_BYTES = {0, 1, 0x0f, 0x10, 0x1f, 0x7f, (byte) 0x80, (byte) 0xfe, (byte) 0xff};

    private Mutations() {}

    /** The valid inputs, each broken in 1 to 4 places, and at most {@code maxLength} bytes long. */
    public static Gen<byte[]> mutated(Gen<byte[]> valid, List<String> dictionary, int maxLength) {
        return random -> {
            byte[] bytes = valid.next(random);
            int mutations = 1 + random.nextInt(4);
            for (int i = 0; i < mutations; i++) {
                bytes = mutate(bytes, dictionary, random);
            }
            return bytes.length <= maxLength ? bytes : Arrays.copyOf(bytes, maxLength);
        };
    }

    /** The valid inputs as they are, or broken (half of them each). */
    public static Gen<byte[]> maybeMutated(Gen<byte[]> valid, List<String> dictionary, int maxLength) {
        Gen<byte[]> mutated = mutated(valid, dictionary, maxLength);
        return random -> random.nextBoolean() ? valid.next(random) : mutated.next(random);
    }

    /** One mutation of the bytes, at a random place. */
    public static byte[] mutate(byte[] bytes, List<String> dictionary, SplittableRandom random) {
        if (bytes.length == 0) {
            return random.nextBoolean() ? token(dictionary, random) : new byte[] {(byte) random.nextInt(256)};
        }
        int at = random.nextInt(bytes.length);
        byte[] out = bytes.clone();
        switch (random.nextInt(dictionary.isEmpty() ? 9 : 11)) {
            case 0 -> out[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> out[at] = EDGE_BYTES[random.nextInt(EDGE_BYTES.length)];
            case 2 -> out[at] = (byte) random.nextInt(256);
            case 3 -> out = Arrays.copyOf(bytes, at);
            case 4 -> {
                byte[] tail = new byte[1 + random.nextInt(8)];
                random.nextBytes(tail);
                out = join(bytes, bytes.length, tail, new byte[0]);
            }
            case 5 ->
                out = join(
                        Arrays.copyOf(bytes, at),
                        at,
                        new byte[0],
                        Arrays.copyOfRange(bytes, Math.min(bytes.length, at + 1 + random.nextInt(8)), bytes.length));
            case 6 -> {
                byte[] inserted = new byte[1 + random.nextInt(4)];
                random.nextBytes(inserted);
                out = join(bytes, at, inserted, Arrays.copyOfRange(bytes, at, bytes.length));
            }
            case 7 -> {
                int end = Math.min(bytes.length, at + 1 + random.nextInt(16));
                out = join(
                        bytes, end, Arrays.copyOfRange(bytes, at, end), Arrays.copyOfRange(bytes, end, bytes.length));
            }
            case 8 -> {
                int other = random.nextInt(bytes.length);
                out[at] = bytes[other];
                out[other] = bytes[at];
            }
            case 9 -> out = join(bytes, at, token(dictionary, random), Arrays.copyOfRange(bytes, at, bytes.length));
            default -> {
                byte[] token = token(dictionary, random);
                int end = Math.min(bytes.length, at + token.length);
                out = join(bytes, at, token, Arrays.copyOfRange(bytes, end, bytes.length));
            }
        }
        return out;
    }

    private static byte[] token(List<String> dictionary, SplittableRandom random) {
        return dictionary.isEmpty()
                ? new byte[0]
                : dictionary.get(random.nextInt(dictionary.size())).getBytes(StandardCharsets.UTF_8);
    }

    /** The first {@code headLength} bytes of {@code head}, then {@code middle}, then {@code tail}. */
    private static byte[] join(byte[] head, int headLength, byte[] middle, byte[] tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(headLength + middle.length + tail.length);
        out.write(head, 0, headLength);
        out.writeBytes(middle);
        out.writeBytes(tail);
        return out.toByteArray();
    }
}
