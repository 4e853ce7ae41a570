package city.mycity.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.embedded.MosquittoProcess;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The chaos scenarios of {@code ./mycity chaos --analytics} in the integration tier: the readings job and the four
 * analytics jobs on a real Flink cluster while a small town's week with seven problems on Friday is sent, the broker
 * and PostgreSQL restarted, the TaskManager killed and every job stopped with a savepoint and resumed; after all of
 * them the store holds exactly the readings sent and each problem has exactly one alert, and nothing else has one.
 */
class AnalyticsChaosIT {

    @Test
    void after_every_fault_each_problem_has_one_alert_and_nothing_else_has_one() throws Exception {
        Assumptions.assumeTrue(MosquittoProcess.available(), "Mosquitto is not installed (apt-get install mosquitto)");
        Path folder = Path.of("target", "chaos", UUID.randomUUID().toString().substring(0, 8));

        AnalyticsChaosReport report = new AnalyticsChaosRun(
                        ChaosOptions.analyticsDefaults(folder), new ChaosListener() {
                            @Override
                            public void started(String what) {
                                System.out.println("AnalyticsChaosIT: started " + what);
                            }

                            @Override
                            public void recovered(ChaosReport.Recovery recovery) {
                                System.out.println("AnalyticsChaosIT: " + recovery);
                            }
                        })
                .run();

        System.out.println(report.render());
        assertThat(report.readings().recoveries()).hasSize(Scenario.platform().size());
        assertThat(report.readings().mismatches()).isEmpty();
        assertThat(report.readings().storedReadings())
                .isEqualTo(report.readings().validReadings());
        assertThat(report.missed()).as("problems without an alert").isEmpty();
        assertThat(report.extra())
                .as("alerts without a problem, or a second one")
                .isEmpty();
        assertThat(report.raised()).hasSize(7);
    }
}
