package city.mycity.gateway.operations;

/** A gateway's state in the operations centre, by precedence: {@link #OFFLINE} over {@link #BACKLOG} over {@link #OK}. */
public enum GatewayState {
    /** Reporting its health, its outbox keeping up. */
    OK("ok"),
    /** Readings wait in its outbox longer than the threshold (its uplink is down or slow), or a backlog alert. */
    BACKLOG("backlog"),
    /** Its health never reported, not for longer than the threshold, or an unresolved offline alert. */
    OFFLINE("offline");

    private final String code;

    GatewayState(String code) {
        this.code = code;
    }

    /** The state's name in the API, e.g. {@code backlog}. */
    public String code() {
        return code;
    }
}
