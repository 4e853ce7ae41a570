package city.mycity.geo.rounds;

import java.util.Arrays;
import java.util.Optional;

/** What a crew member reports of a stop: the bin was emptied, or it could not be. */
public enum Outcome {
    EMPTIED("emptied"),
    NOT_EMPTIED("not-emptied");

    private final String code;

    Outcome(String code) {
        this.code = code;
    }

    /** As the API and the store write it: {@code emptied}, {@code not-emptied}. */
    public String code() {
        return code;
    }

    public static Optional<Outcome> fromCode(String code) {
        return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst();
    }
}
