package city.mycity.geo.fuzz;

import city.mycity.reading.fuzz.Gen;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes values into request targets as clients do, properly or not: percent-encoded as RFC 3986 asks, as an HTML form
 * does ({@code +} for a space), or leniently (printable ASCII left as it is); and now and then with junk put in:
 * broken percent escapes ({@code %}, {@code %zz}), bytes that are not UTF-8, encoded NULs, stray {@code &} and
 * {@code =}.
 */
final class Targets {

    /** Raw text put into an encoded value or path: what a careless or hostile client sends. */
    static final List<String> JUNK = List.of(
            "%",
            "%2",
            "%zz",
            "%%",
            "%ff",
            "%C3",
            "%C0%AF",
            "%ED%A0%80",
            "%F4%90%80%80",
            "%00",
            "%0A",
            "%0D%0A",
            "%25",
            "%2B",
            "%26",
            "%3D",
            "%3B",
            "%E2%80%AE",
            "%EF%BB%BF",
            "&",
            "=",
            "&&",
            "==",
            "+",
            ";",
            "?",
            "/",
            "'",
            "\"",
            "<script>",
            "[",
            "]",
            "{",
            "}",
            "|",
            "\\",
            "^",
            "`");

    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    /** Printable ASCII a lenient client leaves as it is in a query value. */
    private static final String LENIENT = UNRESERVED + "!$'()*+,;:@/?";

    private Targets() {}

    /** A query value, encoded one way or another, with junk in it now and then. */
    static String queryValue(String value, SplittableRandom random) {
        String encoded =
                switch (random.nextInt(8)) {
                    case 0 -> URLEncoder.encode(value, StandardCharsets.UTF_8);
                    case 1 -> encode(value, LENIENT);
                    default -> encode(value, UNRESERVED);
                };
        return random.nextInt(20) == 0 ? withJunk(encoded, random) : encoded;
    }

    /** A path segment, percent-encoded (a {@code /} in it too), with junk in it now and then. */
    static String pathSegment(String value, SplittableRandom random) {
        String encoded = encode(value, UNRESERVED);
        return random.nextInt(12) == 0 ? withJunk(encoded, random) : encoded;
    }

    /** Percent-encodes the UTF-8 bytes of every character not in {@code keep}. */
    static String encode(String value, String keep) {
        StringBuilder out = new StringBuilder(value.length() * 3);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && keep.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /** One to three pieces of junk, each at a random place. */
    static String withJunk(String encoded, SplittableRandom random) {
        StringBuilder out = new StringBuilder(encoded);
        for (int i = random.nextInt(1, 4); i > 0; i--) {
            out.insert(random.nextInt(out.length() + 1), Gen.pick(JUNK).next(random));
        }
        return out.toString();
    }
}
