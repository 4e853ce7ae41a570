package city.mycity.gateway.credentials;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes in Mosquitto's own format, {@code $7$iterations$salt$hash} (PBKDF2-HMAC-SHA512, a 12-byte salt and a
 * 64-byte hash, both Base64): Mosquitto's password file reads them, and so does the embedded broker's extension.
 * Machine secrets are 144 random bits, so the iterations guard no weak password; by default, {@value #ITERATIONS}.
 */
public final class MosquittoHashes {

    public static final int ITERATIONS = 1000;

    private static final Pattern FORMAT =
            Pattern.compile("\\$7\\$(\\d{1,7})\\$([A-Za-z0-9+/=]{16})\\$([A-Za-z0-9+/=]{88})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private MosquittoHashes() {}

    public static String hash(String password) {
        byte[] salt = new byte[12];
        RANDOM.nextBytes(salt);
        return "$7$" + ITERATIONS + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(derive(password, salt, ITERATIONS));
    }

    /** Whether the password is the one hashed; false for anything that is not such a hash. */
    public static boolean verify(String password, String hash) {
        Matcher m = hash == null || password == null ? null : FORMAT.matcher(hash);
        if (m == null || !m.matches()) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(m.group(3));
        byte[] actual = derive(password, Base64.getDecoder().decode(m.group(2)), Integer.parseInt(m.group(1)));
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, Math.max(1, iterations), 512);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 is missing from this JVM", e);
        }
    }
}
