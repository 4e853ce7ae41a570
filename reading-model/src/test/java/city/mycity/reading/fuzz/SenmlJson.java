package city.mycity.reading.fuzz;

import city.mycity.reading.Quantity;
import city.mycity.reading.SensorKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Structure-aware SenML JSON: packs as devices and gateways send them, of records that name real quantities of a
 * device's kind, each field right or, now and then, wrong in one way: the wrong JSON type, huge or tiny numbers,
 * integers past 64 bits, tokens JSON does not have (NaN, Infinity), strings with NUL, unpaired surrogates or thousands
 * of characters, duplicate keys, unknown and must-understand fields, wrong base names. And JSON that is not a pack at
 * all: other top-level values, deep nesting, trailing garbage.
 */
public final class SenmlJson {

    /** Numbers at the edges of what JSON, doubles and longs hold, as JSON text. */
    static final List<String> EDGE_NUMBERS = List.of(
            "0",
            "-0",
            "-0.0",
            "1",
            "-1",
            "0.5",
            "1.5",
            "1e400",
            "-1e400",
            "1e-400",
            "1e308",
            "-1e308",
            "1.7976931348623157e308",
            "4.9e-324",
            "268435455",
            "268435456",
            "4294967295",
            "4294967297",
            "9007199254740993",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "18446744073709551617",
            "123456789012345678901234567890",
            "1E2",
            "1.0E15",
            "2147483648");

    /** Values of every JSON type but number, and tokens that are not JSON at all. */
    static final List<String> NOT_NUMBERS = List.of(
            "\"1\"",
            "\"\"",
            "true",
            "false",
            "null",
            "{}",
            "[]",
            "[1]",
            "{\"v\":1}",
            "NaN",
            "Infinity",
            "-Infinity",
            "+1",
            "01",
            ".5",
            "1.",
            "0x10",
            "undefined");

    private static final List<String> UNITS = List.of(
            "/", "%", "%EL", "Cel", "count", "km/h", "l/min", "bar", "dB", "s", "B", "m", "K", "", "CEL", "%el");

    /** Where the records of a pack go: a device's base name and the kind whose quantities it reports. */
    public record Target(String baseName, SensorKind kind) {}

    private SenmlJson() {}

    /**
     * A pack of one device, as the device sends it: its base name, base time and sequence number in the first record,
     * then one record per quantity. About one field in {@code 1 / oddsOfAWrongField} is wrong.
     */
    public static Gen<String> devicePacks(List<Target> targets, Instant around, int oddsOfAWrongField) {
        return random -> {
            Target target = targets.get(random.nextInt(targets.size()));
            int records = 1 + Gen.length(random, random.nextInt(20) == 0 ? 80 : 5);
            List<String> out = new ArrayList<>(records);
            for (int i = 0; i < records; i++) {
                List<String[]> fields = new ArrayList<>();
                if (i == 0 || random.nextInt(10) == 0) {
                    fields.add(field("bn", json(target.baseName())));
                    fields.add(field("bt", number(around.getEpochSecond() + random.nextInt(-86_400, 600), random)));
                    fields.add(field("seq", Integer.toString(random.nextInt(65_536))));
                }
                measurement(target.kind(), fields, random);
                out.add(record(spoil(fields, targets, oddsOfAWrongField, random), random));
            }
            return pack(out, random);
        };
    }

    /**
     * A gateway pack: the records of several devices, each with its full name and absolute time, as an edge agent joins
     * them (the first record resets the base name and time). About one field in {@code 1 / oddsOfAWrongField} is wrong.
     */
    public static Gen<String> gatewayPacks(List<Target> targets, Instant around, int oddsOfAWrongField) {
        return random -> {
            int records = 1 + Gen.length(random, random.nextInt(20) == 0 ? 200 : 8);
            List<String> out = new ArrayList<>(records);
            for (int i = 0; i < records; i++) {
                Target target = targets.get(random.nextInt(targets.size()));
                List<String[]> fields = new ArrayList<>();
                if (i == 0) {
                    fields.add(field("bn", "\"\""));
                    fields.add(field("bt", "0"));
                }
                Quantity quantity = quantity(target.kind(), random);
                fields.add(field("n", json(target.baseName() + quantity.name())));
                fields.add(field("u", json(quantity.unit())));
                fields.add(field("v", value(quantity, random)));
                fields.add(field("t", number(around.getEpochSecond() - random.nextInt(3_600), random)));
                fields.add(field("seq", Integer.toString(random.nextInt(65_536))));
                out.add(record(spoil(fields, targets, oddsOfAWrongField, random), random));
            }
            return pack(out, random);
        };
    }

    /** JSON that is not a SenML pack, or barely: other top-level values, deep nesting, long strings, garbage. */
    public static Gen<String> notPacks() {
        return random -> switch (random.nextInt(10)) {
            case 0 -> "[]";
            case 1 -> pick(NOT_NUMBERS, random);
            case 2 -> pick(EDGE_NUMBERS, random);
            case 3 -> "[".repeat(1 + random.nextInt(3_000)) + "]".repeat(random.nextInt(3_000));
            case 4 ->
                "[{\"n\":\"x\",\"v\":1,\"deep\":" + "{\"a\":".repeat(1 + random.nextInt(2_000)) + "1"
                        + "}".repeat(random.nextInt(2_001)) + "}]";
            case 5 -> "[{\"n\":" + json("x".repeat(random.nextInt(100_000))) + ",\"v\":1}]";
            case 6 -> "[{\"n\":\"x\",\"v\":1}]" + pick(List.of("x", "]", ",", "{}", "\u0000", " [1]"), random);
            case 7 -> "\ufeff[{\"n\":\"x\",\"v\":1}]";
            case 8 -> "[" + "{\"n\":\"x\",\"v\":1},".repeat(random.nextInt(5_000)) + "{}]";
            default ->
                "[{" + json(Gen.strings(20).next(random)) + ":"
                        + json(Gen.strings(20).next(random)) + "}]";
        };
    }

    /** A string as a JSON string literal: quotes, backslashes, control characters and lone surrogates escaped. */
    public static String json(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pairedSurrogate = Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) && !pairedSurrogate) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static void measurement(SensorKind kind, List<String[]> fields, SplittableRandom random) {
        Quantity quantity = quantity(kind, random);
        fields.add(field("n", json(quantity.name())));
        fields.add(field("u", json(quantity.unit())));
        fields.add(field("v", value(quantity, random)));
        if (random.nextInt(4) == 0) {
            fields.add(field("t", Integer.toString(random.nextInt(-600, 600))));
        }
    }

    private static Quantity quantity(SensorKind kind, SplittableRandom random) {
        List<Quantity> all = Stream.concat(kind.quantities().stream(), kind.optionalQuantities().stream())
                .toList();
        return all.get(random.nextInt(all.size()));
    }

    /** A value of the quantity, in its range mostly, a little outside it now and then. */
    private static String value(Quantity quantity, SplittableRandom random) {
        double span = quantity.max() - quantity.min();
        double v = quantity.min() + random.nextDouble(-0.1, 1.1) * span;
        return quantity.integral() || random.nextBoolean() ? Long.toString(Math.round(v)) : number(v, random);
    }

    private static String number(double value, SplittableRandom random) {
        return random.nextInt(4) == 0 ? String.format(Locale.ROOT, "%.3e", value) : Double.toString(value);
    }

    /** The fields, now and then one of them wrong in one way, or an extra one. */
    private static List<String[]> spoil(
            List<String[]> fields, List<Target> targets, int odds, SplittableRandom random) {
        List<String[]> out = new ArrayList<>(fields);
        for (int i = 0; i < out.size(); i++) {
            if (random.nextInt(odds) == 0) {
                out.set(i, field(out.get(i)[0], wrongValue(out.get(i)[0], targets, random)));
            }
        }
        if (random.nextInt(odds) == 0 && !out.isEmpty()) {
            out.remove(random.nextInt(out.size()));
        }
        if (random.nextInt(odds) == 0) {
            String label = pick(
                    List.of(
                            "bn", "bt", "bu", "bv", "bs", "bver", "n", "u", "v", "vs", "vb", "vd", "s", "t", "ut",
                            "seq", "x", "x_", "ext_", "V", ""),
                    random);
            out.add(random.nextInt(out.size() + 1), field(label, wrongValue(label, targets, random)));
        }
        if (random.nextInt(odds) == 0 && !out.isEmpty()) {
            String[] twice = out.get(random.nextInt(out.size()));
            out.add(field(twice[0], wrongValue(twice[0], targets, random)));
        }
        return out;
    }

    private static String wrongValue(String label, List<Target> targets, SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> pick(EDGE_NUMBERS, random);
            case 1 -> pick(NOT_NUMBERS, random);
            case 2 -> json(Gen.strings(40).next(random));
            case 3 ->
                switch (label) {
                    case "bn", "n" ->
                        json(pick(targets, random).baseName()
                                + pick(List.of("", "x", ":", "occupied", "fill", "Occupied", "lane-9-count"), random));
                    case "u", "bu" -> json(pick(UNITS, random));
                    default -> Long.toString(random.nextLong());
                };
            case 4 ->
                json(pick(
                        List.of(
                                "urn:dev:mycity:",
                                "urn:dev:mycity:demo-town:",
                                "urn:dev:mycity:demo-town::",
                                "urn:dev:mycity:other-town:bay-00001:",
                                "urn:dev:mycity:demo-town:Bay-00001:",
                                "urn:dev:mycity:demo-town:bay-00001",
                                "\u0000",
                                "\ud800",
                                "x".repeat(5_000)),
                        random));
            default -> Double.toString(Gen.doubles().next(random)).replace("Infinity", "1e999");
        };
    }

    private static String record(List<String[]> fields, SplittableRandom random) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(json(fields.get(i)[0])).append(':').append(fields.get(i)[1]);
        }
        return out.append('}').toString();
    }

    private static String pack(List<String> records, SplittableRandom random) {
        String separator = random.nextInt(10) == 0 ? ", \n\t" : ",";
        return "[" + String.join(separator, records) + "]";
    }

    private static String[] field(String label, String value) {
        return new String[] {label, value};
    }

    private static <T> T pick(List<T> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }
}
