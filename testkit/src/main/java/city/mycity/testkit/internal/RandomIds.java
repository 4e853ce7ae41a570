package city.mycity.testkit.internal;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Short random lower-case hex ids, so that runs and tests never share names. */
public final class RandomIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomIds() {}

    /** {@code length} random hex digits (lower case). */
    public static String hex(int length) {
        byte[] bytes = new byte[(length + 1) / 2];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).substring(0, length);
    }
}
