package city.mycity.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.embedded.MosquittoProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The chaos scenarios of {@code ./mycity chaos} in the integration tier: under at least 5,000 readings/s, the broker
 * restarts, PostgreSQL restarts, the TaskManager is killed and the job is stopped with a savepoint and resumed; after
 * all of them the store holds exactly the valid readings sent, device by device.
 */
class ChaosIT {

    @Test
    void after_every_fault_the_store_holds_exactly_the_valid_readings_sent() throws Exception {
        Assumptions.assumeTrue(MosquittoProcess.available(), "Mosquitto is not installed (apt-get install mosquitto)");
        Path folder = Path.of("target", "chaos", UUID.randomUUID().toString().substring(0, 8));
        ChaosOptions options = ChaosOptions.defaults(folder).withTimes(Duration.ofSeconds(15), Duration.ofSeconds(5));

        ChaosReport report = new ChaosRun(options, new ChaosListener() {
                    @Override
                    public void started(String what) {
                        System.out.println("ChaosIT: started " + what);
                    }

                    @Override
                    public void recovered(ChaosReport.Recovery recovery) {
                        System.out.println("ChaosIT: " + recovery);
                    }
                })
                .run();

        System.out.println(report.render());
        assertThat(report.recoveries()).hasSize(Scenario.platform().size());
        assertThat(report.mismatches()).isEmpty();
        assertThat(report.storedReadings()).isEqualTo(report.validReadings());
        assertThat(report.readingsPerSecond()).isGreaterThanOrEqualTo(5_000);
    }
}
