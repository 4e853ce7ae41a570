package city.mycity.analytics.alert;

/** How urgent a problem is for the operations centre. */
public enum Severity {
    /** Worth knowing: a battery running low, a sensor that stopped changing. */
    INFO("info"),
    /** Needs someone today: a sensor offline, a bin overflowing, congestion. */
    WARNING("warning"),
    /** Needs someone now: a burst main, a leak. */
    CRITICAL("critical");

    private final String code;

    Severity(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
