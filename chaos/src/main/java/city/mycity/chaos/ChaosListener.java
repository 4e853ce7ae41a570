package city.mycity.chaos;

/** Hears how a chaos run goes, e.g. to draw progress. Every method does nothing by default. */
public interface ChaosListener {

    default void started(String what) {}

    default void faultInjected(Scenario scenario) {}

    default void recovered(ChaosReport.Recovery recovery) {}

    /** The store's progress while it catches up: {@code stored} of {@code sent} valid readings. */
    default void catchingUp(long stored, long sent) {}
}
