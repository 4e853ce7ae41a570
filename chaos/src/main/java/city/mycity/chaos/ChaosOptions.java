package city.mycity.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How a chaos run goes.
 *
 * @param scenarios the faults, in order
 * @param messageRate the simulator's messages per second (gateway packs of the generated town: about 1.15 readings
 *     each)
 * @param warmUp how long readings flow before the first fault
 * @param settle how long readings flow between the recovery from one fault and the next
 * @param recoveryTimeout the longest a recovery may take before the run fails
 * @param workFolder where the broker, the database, the cluster and the savepoints keep their files
 */
public record ChaosOptions(
        List<Scenario> scenarios,
        double messageRate,
        Duration warmUp,
        Duration settle,
        Duration recoveryTimeout,
        Path workFolder) {

    public ChaosOptions {
        scenarios = List.copyOf(scenarios);
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("A chaos run needs at least one scenario.");
        }
        if (!(messageRate > 0)) {
            throw new IllegalArgumentException("Message rate must be positive, was " + messageRate + ".");
        }
    }

    /** Every platform scenario at 6,500 messages/s (about 7,500 readings/s), 20 s warm-up, 10 s between faults. */
    public static ChaosOptions defaults(Path workFolder) {
        return new ChaosOptions(
                Scenario.platform(),
                6_500,
                Duration.ofSeconds(20),
                Duration.ofSeconds(10),
                Duration.ofMinutes(3),
                workFolder);
    }

    /**
     * Every edge scenario with one gateway's sensors posting over DTLS to a standalone edge agent, 200 messages/s, 20
     * s warm-up, 10 s between faults, up to 5 minutes to recover.
     */
    public static ChaosOptions edgeDefaults(Path workFolder) {
        return new ChaosOptions(
                Scenario.edgeScenarios(),
                200,
                Duration.ofSeconds(20),
                Duration.ofSeconds(10),
                Duration.ofMinutes(5),
                workFolder);
    }

    /**
     * Every platform scenario while the analytics jobs run on the problem week ({@link AnalyticsChaosRun}): 100
     * messages/s (a simulated day in about 30 s), up to 3 minutes to recover.
     */
    public static ChaosOptions analyticsDefaults(Path workFolder) {
        return new ChaosOptions(
                Scenario.platform(), 100, Duration.ZERO, Duration.ZERO, Duration.ofMinutes(3), workFolder);
    }

    /** Whether the sensors post through an edge agent: when any scenario needs it. */
    public boolean edge() {
        return scenarios.stream().anyMatch(Scenario::edge);
    }

    public ChaosOptions withScenarios(List<Scenario> chosen) {
        return new ChaosOptions(chosen, messageRate, warmUp, settle, recoveryTimeout, workFolder);
    }

    public ChaosOptions withMessageRate(double rate) {
        return new ChaosOptions(scenarios, rate, warmUp, settle, recoveryTimeout, workFolder);
    }

    public ChaosOptions withTimes(Duration warmUpTime, Duration settleTime) {
        return new ChaosOptions(scenarios, messageRate, warmUpTime, settleTime, recoveryTimeout, workFolder);
    }
}
