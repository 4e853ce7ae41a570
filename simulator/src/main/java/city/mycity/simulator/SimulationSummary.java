package city.mycity.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * What one bounded run did. The {@link Ledger} holds the totals over every run of the simulator.
 *
 * @param messagesProduced messages the devices produced in this run, dropped ones included
 * @param copiesSent copies handed to the transport in this run (a duplicated message counts twice)
 * @param unconfirmed copies still neither confirmed nor failed when the run gave up waiting
 * @param simulatedFrom simulated time when the run began
 * @param simulatedTo simulated time of the last device wake-up of the run
 * @param wallTime how long the run took
 */
public record SimulationSummary(
        long messagesProduced,
        long copiesSent,
        long unconfirmed,
        Instant simulatedFrom,
        Instant simulatedTo,
        Duration wallTime) {

    /** Simulated seconds per wall second achieved. */
    public double speed() {
        long wallMillis = Math.max(1, wallTime.toMillis());
        return Duration.between(simulatedFrom, simulatedTo).toMillis() / (double) wallMillis;
    }
}
