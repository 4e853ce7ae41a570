package city.mycity.gateway.operations;

/**
 * A sensor's state on the operations centre's map, by precedence: {@link #OFFLINE} over {@link #ALERTING} over
 * {@link #LOW_BATTERY} over {@link #OK}.
 */
public enum SensorState {
    /** Heard from lately, no unresolved alert, battery fine. */
    OK("ok"),
    /** An unresolved alert on it, other than offline and battery-low (which have states of their own). */
    ALERTING("alerting"),
    /** Never heard from, nothing for longer than the threshold, or an unresolved offline alert. */
    OFFLINE("offline"),
    /** Its battery reads under the threshold, or an unresolved battery-low alert. */
    LOW_BATTERY("low-battery");

    private final String code;

    SensorState(String code) {
        this.code = code;
    }

    /** The state's name in the API, e.g. {@code low-battery}. */
    public String code() {
        return code;
    }
}
