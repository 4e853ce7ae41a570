package city.mycity.reading.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Property-based fuzzing in a few lines: checks a property on many generated inputs, goes on after a failure to count
 * them all, and fails at the end with a sample of each kind of failure and the seed that makes them again.
 *
 * <pre>
 * Fuzz.forAll(Gen.bytes(512)).check(payload -&gt; assertDecodedOrRefused(codec.decode(payload)));
 * </pre>
 *
 * <p>Settings, as system properties: {@value #TRIES}, the inputs per property, by default 1,000 (what the default
 * build runs; {@code .ci/fuzz} raises it); {@value #SEED}, by default {@value #DEFAULT_SEED}, so that the default
 * build checks the same inputs every time, or {@code random} for a new seed each run. Each property prints one line,
 * {@code fuzz: <class>.<property> tries=<n> failures=<n> seed=<seed> ms=<ms> {label=count, ...}}, which {@code
 * .ci/fuzz} adds up; the labels are what the property {@link #collect collected}.
 */
public final class Fuzz<T> {

    /** The system property with the number of inputs each property checks. */
    public static final String TRIES = "mycity.fuzz.tries";
    /** The system property with the seed of the inputs, a number or {@code random}. */
    public static final String SEED = "mycity.fuzz.seed";

    static final int DEFAULT_TRIES = 1_000;
    static final long DEFAULT_SEED = 8428;

    private static final int SAMPLES = 5;
    private static final ThreadLocal<Map<String, Integer>> LABELS = new ThreadLocal<>();
    private static final int SHOWN_CHARS = 400;

    private final Gen<? extends T> inputs;
    private Function<? super T, String> show = Fuzz::show;
    private int tries = Integer.getInteger(TRIES, DEFAULT_TRIES);

    private Fuzz(Gen<? extends T> inputs) {
        this.inputs = inputs;
    }

    public static <T> Fuzz<T> forAll(Gen<? extends T> inputs) {
        return new Fuzz<>(inputs);
    }

    /** How a failing input is shown. By default, bytes as text and hex, anything else as {@code String.valueOf}. */
    public Fuzz<T> showing(Function<? super T, String> show) {
        this.show = show;
        return this;
    }

    /**
     * A share of the tries the settings ask for, for a property whose inputs cost much more than the others'. By
     * default, all of them.
     */
    public Fuzz<T> triesDividedBy(int divisor) {
        this.tries = Math.max(1, tries / divisor);
        return this;
    }

    /**
     * Counts the input being checked under {@code label} (such as the outcome, {@code accepted} or a refusal's reason),
     * so that the property's line shows how the inputs were spread; does nothing outside a check.
     */
    public static void collect(String label) {
        Map<String, Integer> labels = LABELS.get();
        if (labels != null) {
            labels.merge(label, 1, Integer::sum);
        }
    }

    /**
     * Checks the property on every input: it passes when {@code property} returns, and fails when it throws anything,
     * an {@link AssertionError} or an exception or error of the code under test (a {@link StackOverflowError} too).
     */
    public void check(Consumer<? super T> property) {
        String name = callerName();
        long seed = seed();
        SplittableRandom seeds = new SplittableRandom(seed);
        Map<String, Failure> samples = new LinkedHashMap<>();
        int failures = 0;
        Map<String, Integer> labels = new java.util.TreeMap<>();
        LABELS.set(labels);
        long start = System.nanoTime();
        for (int i = 0; i < tries; i++) {
            T input = inputs.next(new SplittableRandom(seeds.nextLong()));
            try {
                property.accept(input);
            } catch (OutOfMemoryError | InternalError e) {
                throw e;
            } catch (Throwable e) {
                failures++;
                if (samples.size() < SAMPLES) {
                    samples.putIfAbsent(signature(e), new Failure(i, shown(input), e));
                }
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        LABELS.remove();
        System.out.printf(
                Locale.ROOT,
                "fuzz: %s tries=%d failures=%d seed=%d ms=%d%s%n",
                name,
                tries,
                failures,
                seed,
                ms,
                labels.isEmpty() ? "" : " " + labels);
        if (failures > 0) {
            throw failed(name, failures, seed, new ArrayList<>(samples.values()));
        }
    }

    private AssertionError failed(String name, int failures, long seed, List<Failure> samples) {
        StringBuilder message = new StringBuilder()
                .append(failures)
                .append(" of ")
                .append(tries)
                .append(" inputs broke ")
                .append(name)
                .append(" (run again with -D")
                .append(SEED)
                .append('=')
                .append(seed)
                .append("); a sample of each kind of failure:");
        for (Failure f : samples) {
            message.append("\n- input ")
                    .append(f.index())
                    .append(": ")
                    .append(f.input())
                    .append("\n  ")
                    .append(f.error());
        }
        AssertionError error =
                new AssertionError(message.toString(), samples.get(0).error());
        samples.stream().skip(1).forEach(f -> error.addSuppressed(f.error()));
        return error;
    }

    private String shown(T input) {
        try {
            String text = show.apply(input);
            return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS) + "… (" + text.length() + ")";
        } catch (RuntimeException e) {
            return "(cannot be shown: " + e + ")";
        }
    }

    /** Bytes as their text and hex; anything else as {@code String.valueOf}, with control characters escaped. */
    public static String show(Object input) {
        if (input instanceof byte[] bytes) {
            return escape(new String(bytes, StandardCharsets.UTF_8)) + " = hex "
                    + HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 256))
                    + (bytes.length > 256 ? "… (" + bytes.length + " bytes)" : "");
        }
        return escape(String.valueOf(input));
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), SHOWN_CHARS * 2));
        for (int i = 0; i < text.length() && out.length() < SHOWN_CHARS * 2; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The kind of failure: the class of the exception at the root of it, and the first frame of MyCity's code under test
     * (not of a test's) it went through.
     */
    private static String signature(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String frame = null;
        for (StackTraceElement f : root.getStackTrace()) {
            String name = f.getClassName();
            if (name.startsWith("city.mycity.") && !name.contains(".fuzz.") && !name.endsWith("Test")) {
                frame = f.toString();
                break;
            }
        }
        return root.getClass().getName() + " at " + frame;
    }

    private static long seed() {
        String seed = System.getProperty(SEED, "");
        if (seed.isBlank()) {
            return DEFAULT_SEED;
        }
        return seed.equals("random") ? new SplittableRandom().nextLong() : Long.parseLong(seed.trim());
    }

    /** {@code SimpleClassName.method} of the test that called {@link #check}. */
    private static String callerName() {
        return StackWalker.getInstance().walk(frames -> frames.filter(
                        f -> !f.getClassName().equals(Fuzz.class.getName()))
                .findFirst()
                .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName())
                .orElse("unknown"));
    }

    private record Failure(int index, String input, Throwable error) {}
}
