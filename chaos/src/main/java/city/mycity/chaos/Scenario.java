package city.mycity.chaos;

/** One way the platform's infrastructure fails while readings flow. */
public enum Scenario {
    /** Mosquitto stopped as an operator does (SIGTERM, sessions saved) and started again. */
    BROKER_RESTART("restart the broker"),
    /** PostgreSQL stopped (fast: connections cut, open transactions rolled back) and started again. */
    DATABASE_RESTART("restart PostgreSQL"),
    /** The TaskManager killed with kill -9 and a new one started. */
    TASKMANAGER_KILL("kill -9 the TaskManager, start a new one"),
    /** The job stopped with a savepoint and resumed from it. */
    SAVEPOINT_RESUME("stop the job with a savepoint and resume it"),
    /** The edge agent killed with kill -9 while sensors post to it, and started again on its outbox. */
    EDGE_KILL("kill -9 the edge agent, start it again", true),
    /** Mosquitto stopped for 60 s under load, then started again. */
    BROKER_STOP("stop the broker for 60 s", true),
    /** The edge agent's uplink to the broker cut for 2 minutes (a proxy that refuses connections). */
    UPLINK_CUT("cut the edge agent's uplink for 2 minutes", true);

    private final String description;
    private final boolean edge;

    Scenario(String description) {
        this(description, false);
    }

    Scenario(String description, boolean edge) {
        this.description = description;
        this.edge = edge;
    }

    /** Whether the scenario needs the sensors to post through an edge agent (the run's edge mode). */
    public boolean edge() {
        return edge;
    }

    /** The scenarios of the platform behind the broker: sensors' gateway packs go straight to the broker. */
    public static java.util.List<Scenario> platform() {
        return java.util.Arrays.stream(values()).filter(s -> !s.edge).toList();
    }

    /** The scenarios of the edge: sensors post over CoAP/DTLS to a standalone edge agent with its outbox. */
    public static java.util.List<Scenario> edgeScenarios() {
        return java.util.Arrays.stream(values()).filter(s -> s.edge).toList();
    }

    public String description() {
        return description;
    }

    /** The scenario's name on a command line: {@code broker-restart}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
