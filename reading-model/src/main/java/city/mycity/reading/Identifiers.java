package city.mycity.reading;

import java.util.regex.Pattern;

/** The one rule for tenant, gateway, device and site identifiers, so that they are safe in topics, URLs and SQL. */
public final class Identifiers {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private Identifiers() {}

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    /** Returns the identifier, or throws an {@link IllegalArgumentException} naming what is wrong. */
    public static String check(String what, String id) {
        if (!isValid(id)) {
            throw new IllegalArgumentException(what + " identifier must be 1-64 characters of a-z, 0-9, '.', '_' or '-'"
                    + " starting with a letter or digit, but was: " + id);
        }
        return id;
    }
}
