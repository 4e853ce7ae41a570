package city.mycity.geo.rounds;

/** Where a stop of a round is: still to do, or reported. */
public enum StopStatus {
    PLANNED("planned"),
    EMPTIED("emptied"),
    NOT_EMPTIED("not-emptied");

    private final String code;

    StopStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static StopStatus fromCode(String code) {
        for (StopStatus s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("No stop status " + code + ".");
    }

    /** The status a stop takes when reported with this outcome. */
    public static StopStatus of(Outcome outcome) {
        return outcome == Outcome.EMPTIED ? EMPTIED : NOT_EMPTIED;
    }
}
