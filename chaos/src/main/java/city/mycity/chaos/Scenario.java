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
    SAVEPOINT_RESUME("stop the job with a savepoint and resume it");

    private final String description;

    Scenario(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The scenario's name on a command line: {@code broker-restart}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
