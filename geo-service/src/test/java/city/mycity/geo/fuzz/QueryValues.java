package city.mycity.geo.fuzz;

import city.mycity.reading.SensorKind;
import city.mycity.reading.fuzz.Gen;
import city.mycity.reading.fuzz.Mutations;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * Values of the public query parameters as clients, scripts and attackers write them (before they are encoded into a
 * request target): valid ones, boundary ones, valid ones broken, and any text, now and then very long.
 */
final class QueryValues {

    /** Numbers of every kind: special doubles, whole numbers past {@code int}, and the ways people write them. */
    static final Gen<String> NUMBERS = Gen.oneOf(
            Gen.doubles().map(d -> Double.toString(d)),
            Gen.ints(Integer.MIN_VALUE, Integer.MAX_VALUE).map(i -> Integer.toString(i)),
            Gen.ints(-200, 1_000).map(i -> Integer.toString(i)),
            Gen.pick(
                    "0",
                    "-0",
                    "1",
                    "5",
                    "50",
                    "51",
                    "90",
                    "-90",
                    "90.0000001",
                    "180",
                    "-180.5",
                    "0x1p3",
                    "1d",
                    "1f",
                    " 5 ",
                    "+5",
                    "5e0",
                    "\u0665",
                    "NaN",
                    "Infinity",
                    "-Infinity",
                    "",
                    " ",
                    "1,5",
                    "1.5.2",
                    "99999999999",
                    "2147483648",
                    "-2147483649",
                    "9223372036854775808",
                    "1e400",
                    "-1e400",
                    "4.9e-324",
                    "0.",
                    ".5",
                    "5L",
                    "\u00005"),
            Gen.strings(12));

    /** Instants: recent ones, any {@link Instant} holds (years -1,000,000,000 to 1,000,000,000), and broken ones. */
    static final Gen<String> INSTANTS = Gen.oneOf(
            random -> Instant.parse("2026-11-30T12:00:00Z")
                    .minusSeconds(random.nextLong(0, 7L * 86_400))
                    .toString(),
            random -> Instant.ofEpochSecond(random.nextLong(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()))
                    .toString(),
            random -> Instant.parse("2026-11-30T12:00:00Z")
                    .plusSeconds(random.nextLong(-400L * 86_400, 400L * 86_400))
                    .toString(),
            random -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Instant.ofEpochSecond(random.nextLong(0, 1L << 36))
                    .atOffset(ZoneOffset.ofHours(random.nextInt(-18, 19)))),
            Gen.pick(
                    Instant.MIN.toString(),
                    Instant.MAX.toString(),
                    "-1000000000-01-01T00:00:00Z",
                    "+1000000000-12-31T23:59:59.999999999Z",
                    "-290308-12-21T19:59:05.225Z",
                    "+292278994-08-17T07:12:55.807Z",
                    "-4713-11-24T00:00:00Z",
                    "+294277-01-01T00:00:00Z",
                    "0000-01-01T00:00:00Z",
                    "1969-12-31T23:59:59Z",
                    "1970-01-01T00:00:00Z",
                    "9999-12-31T23:59:59Z",
                    "9999-12-31T23:59:59.999999999Z",
                    "+10000-01-01T00:00:00Z",
                    "2026-11-30",
                    "2026-11-30T18:00:00",
                    "2026-11-30t18:00:00z",
                    "2026-11-30T18:00:00+01:00",
                    "2026-11-30T18:00:00 01:00",
                    "2026-02-30T00:00:00Z",
                    "2026-11-30T24:00:00Z",
                    "2026-11-30T23:59:60Z",
                    "1764525600",
                    "yesterday",
                    ""),
            Mutations.mutated(
                            Gen.utf8(Gen.constant("2026-11-30T18:00:00Z")),
                            List.of("+", "-", "Z", "T", ":", "9999", "0", ".", " ", "99999999"),
                            64)
                    .map(bytes -> new String(bytes, StandardCharsets.UTF_8)),
            Gen.strings(30));

    /** Latitudes in and around the test town (50.00 to 50.02 N), where its roads are, and any number. */
    static final Gen<String> LATITUDES = mostly(
            random -> Double.toString(49.995 + random.nextDouble() * 0.03),
            Gen.oneOf(NUMBERS, Gen.pick("50.01", "50", " 50.015 ", "-90", "90", "-90.0000001", "49.9")));

    /** Longitudes in and around the test town (8.00 to 8.03 E), and any number. */
    static final Gen<String> LONGITUDES = mostly(
            random -> Double.toString(7.995 + random.nextDouble() * 0.04),
            Gen.oneOf(NUMBERS, Gen.pick("8.01", "8", "8.02", "-180", "180", "180.0000001", "8.1")));

    /** Counts as a client asks for them, mostly small, and any number. */
    static final Gen<String> COUNTS = mostly(
            Gen.ints(1, 24).map(i -> Integer.toString(i)),
            Gen.oneOf(
                    NUMBERS,
                    Gen.ints(-2, 60).map(i -> Integer.toString(i)),
                    Gen.pick("", "0", "1", "24", "50", "51", "744", "745", "10000", "10001")));

    /** Bounding boxes: around the town, of any four numbers, of too few or many, and any text. */
    static final Gen<String> BOXES = mostly(
            random -> {
                double west = 7.9 + random.nextDouble() * 0.12;
                double south = 49.9 + random.nextDouble() * 0.12;
                return west + "," + south + "," + (west + random.nextDouble() * 0.2) + ","
                        + (south + random.nextDouble() * 0.2);
            },
            Gen.oneOf(
                    random -> String.join(",", Gen.lists(NUMBERS, 4, 4).next(random)),
                    random -> String.join(",", Gen.lists(NUMBERS, 0, 6).next(random)),
                    Gen.pick(
                            "8.0,50.0,8.03,50.02",
                            "-180,-90,180,90",
                            "8.03,50.0,8.0,50.02",
                            " 8 , 50 , 9 , 51 ",
                            ",,,",
                            "",
                            "8,50,9,51,",
                            "NaN,50,9,51",
                            "-1e400,50,1e400,51"),
                    Gen.strings(40)));

    /** Sensor kinds by their codes, near misses and any text. */
    static final Gen<String> KINDS = mostly(
            Gen.pick(Arrays.stream(SensorKind.values()).map(SensorKind::code).toList()),
            Gen.oneOf(Gen.pick("Parking-Bay", " bin ", "street-lamp", "", " ", "BIN"), Gen.strings(20)));

    /** Car parks, and {@code none} (sensors outside car parks). */
    static final Gen<String> SITES = mostly(
            Gen.pick("cp001", "cp002", "none"), Gen.oneOf(Gen.pick("", " ", "CP001", "nobody"), Gen.strings(40)));

    /** Quantities sensors measure, and other words. */
    static final Gen<String> QUANTITIES = mostly(
            Gen.pick("fill", "occupied", "flow", "temperature"),
            Gen.oneOf(Gen.pick("", " ", "Fill", "nothing"), Gen.strings(40)));

    static final Gen<String> RESOLUTIONS = mostly(
            Gen.pick("hour", "minute"), Gen.oneOf(Gen.pick("Hour", "second", "", " hour", "day"), Gen.strings(8)));

    /** Instants of the week before 2026-11-30T12:00Z (what the store holds), and any instant. */
    static final Gen<String> RECENT_INSTANTS = mostly(
            random -> Instant.parse("2026-11-30T12:00:00Z")
                    .minusSeconds(random.nextLong(0, 7L * 86_400))
                    .toString(),
            INSTANTS);

    private QueryValues() {}

    /** A valid value three times in four, any other value once. */
    static Gen<String> mostly(Gen<String> valid, Gen<String> other) {
        return random -> random.nextInt(4) == 0 ? other.next(random) : valid.next(random);
    }

    /**
     * Now and then very long: the value repeated, or padded with zeros or spaces, to hundreds or thousands of
     * characters (the longest request line the service reads is 4,096 characters).
     */
    static Gen<String> sometimesLong(Gen<String> values) {
        return random -> {
            String value = values.next(random);
            if (random.nextInt(40) != 0) {
                return value;
            }
            int length = random.nextInt(100, 6_000);
            return switch (random.nextInt(3)) {
                case 0 -> "0".repeat(length) + value;
                case 1 -> value + " ".repeat(length);
                default -> (value.isEmpty() ? "x" : value).repeat(1 + length / Math.max(1, value.length()));
            };
        };
    }
}
