package city.mycity.geo.rounds;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Why a crew could not empty a bin. */
public enum Reason {
    /** A parked car, roadworks, a skip: the truck cannot get to it. */
    BLOCKED("blocked"),
    /** Broken lid, wheel or body: emptying it would make it worse or is unsafe. */
    BIN_DAMAGED("bin-damaged"),
    /** Behind a locked gate or door, no key. */
    NO_ACCESS("no-access"),
    /** Not put out for collection where it should be. */
    NOT_OUT("not-out"),
    /** Anything else: say what in the note. */
    OTHER("other");

    private final String code;

    Reason(String code) {
        this.code = code;
    }

    /** As the API and the store write it, e.g. {@code bin-damaged}. */
    public String code() {
        return code;
    }

    public static Optional<Reason> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    /** Every code, for messages: {@code blocked, bin-damaged, ...}. */
    public static String codes() {
        return Arrays.stream(values()).map(Reason::code).collect(Collectors.joining(", "));
    }
}
