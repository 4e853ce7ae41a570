package city.mycity.reading.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Makes one input of a property from a random source. The same source gives the same input, so that a failing input
 * can be made again from its seed.
 */
@FunctionalInterface
public interface Gen<T> {

    T next(SplittableRandom random);

    default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
        return random -> mapper.apply(next(random));
    }

    default <R> Gen<R> flatMap(Function<? super T, Gen<? extends R>> mapper) {
        return random -> mapper.apply(next(random)).next(random);
    }

    static <T> Gen<T> constant(T value) {
        return random -> value;
    }

    /** One of the generators, each as likely as the others. */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        return random -> gens[random.nextInt(gens.length)].next(random);
    }

    /** One of the values, each as likely as the others. */
    @SafeVarargs
    static <T> Gen<T> pick(T... values) {
        return random -> values[random.nextInt(values.length)];
    }

    static <T> Gen<T> pick(List<? extends T> values) {
        return random -> values.get(random.nextInt(values.size()));
    }

    /** {@code min} to {@code max} inclusive, with each bound more likely than the values between them. */
    static Gen<Integer> ints(int min, int max) {
        return random -> switch (random.nextInt(10)) {
            case 0 -> min;
            case 1 -> max;
            default -> (int) (min + (long) (random.nextDouble() * ((long) max - min + 1)));
        };
    }

    /** Any double: the special ones (NaN, infinities, -0, the extremes) often, others from every order of size. */
    static Gen<Double> doubles() {
        return random -> switch (random.nextInt(6)) {
            case 0 ->
                pick(
                                Double.NaN,
                                Double.POSITIVE_INFINITY,
                                Double.NEGATIVE_INFINITY,
                                -0.0,
                                0.0,
                                Double.MAX_VALUE,
                                -Double.MAX_VALUE,
                                Double.MIN_VALUE,
                                Double.MIN_NORMAL,
                                Math.nextDown(1.0),
                                1e15,
                                -1e15)
                        .next(random);
            case 1 -> Double.longBitsToDouble(random.nextLong());
            case 2 -> (double) random.nextInt(-1000, 1001);
            default -> (random.nextBoolean() ? -1 : 1) * random.nextDouble() * Math.pow(10, random.nextInt(-5, 20));
        };
    }

    /** Up to {@code maxLength} random bytes, short ones the most likely. */
    static Gen<byte[]> bytes(int maxLength) {
        return random -> {
            byte[] bytes = new byte[length(random, maxLength)];
            random.nextBytes(bytes);
            return bytes;
        };
    }

    /**
     * Up to {@code maxLength} characters of any kind: printable ASCII mostly, and control characters (NUL among them),
     * characters from every Unicode plane, unpaired surrogates and the JSON punctuation.
     */
    static Gen<String> strings(int maxLength) {
        return random -> {
            int length = length(random, maxLength);
            StringBuilder text = new StringBuilder(length);
            while (text.length() < length) {
                text.append(character(random));
            }
            return text.toString();
        };
    }

    /** One character (or a surrogate pair) as {@link #strings} draws them. */
    static String character(SplittableRandom random) {
        return switch (random.nextInt(12)) {
            case 0 -> String.valueOf((char) random.nextInt(0x20));
            case 1 ->
                new String(Character.toChars(random.nextInt(0x80, 0x10000))).replaceAll("[\\ud800-\\udfff]", "\u00e9");
            case 2 -> new String(Character.toChars(random.nextInt(0x10000, 0x110000)));
            case 3 -> String.valueOf((char) random.nextInt(0xd800, 0xe000));
            case 4 ->
                pick("\"", "\\", "/", ":", ",", "{", "}", "[", "]", "+", "#", "$", "=", " ", "\u0000")
                        .next(random);
            default -> String.valueOf((char) random.nextInt(0x20, 0x7f));
        };
    }

    /** A string of the characters of {@code alphabet}, up to {@code maxLength} long. */
    static Gen<String> strings(String alphabet, int maxLength) {
        return random -> {
            int length = length(random, maxLength);
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return text.toString();
        };
    }

    static <T> Gen<List<T>> lists(Gen<? extends T> element, int minSize, int maxSize) {
        return random -> {
            int size = minSize + length(random, maxSize - minSize);
            List<T> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(element.next(random));
            }
            return list;
        };
    }

    static Gen<byte[]> utf8(Gen<String> text) {
        return text.map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    /** 0 to {@code max}, short lengths the most likely: a quarter each up to 8, up to 64, up to max, and 0 or max. */
    static int length(SplittableRandom random, int max) {
        if (max <= 0) {
            return 0;
        }
        return switch (random.nextInt(8)) {
            case 0 -> random.nextBoolean() ? 0 : max;
            case 1, 2 -> random.nextInt(Math.min(8, max) + 1);
            case 3, 4, 5 -> random.nextInt(Math.min(64, max) + 1);
            default -> random.nextInt(max + 1);
        };
    }
}
