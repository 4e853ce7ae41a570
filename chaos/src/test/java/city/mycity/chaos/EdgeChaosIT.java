package city.mycity.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.embedded.MosquittoProcess;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The edge's chaos scenarios in the integration tier, with real processes: one gateway's sensors post over CoAP/DTLS
 * to the standalone edge agent, which is killed with kill -9 and started again; the broker is stopped for 60 s; the
 * agent's uplink is cut for 2 minutes. After all of them the store holds exactly the readings the sensors sent,
 * device by device, in count and content.
 */
class EdgeChaosIT {

    @Test
    void after_every_edge_fault_the_store_holds_exactly_the_readings_the_sensors_sent() throws Exception {
        Assumptions.assumeTrue(MosquittoProcess.available(), "Mosquitto is not installed (apt-get install mosquitto)");
        Path folder = Path.of(
                "target", "chaos", "edge-" + UUID.randomUUID().toString().substring(0, 8));
        ChaosOptions options = ChaosOptions.edgeDefaults(folder);

        ChaosReport report = new ChaosRun(options, new ChaosListener() {
                    @Override
                    public void started(String what) {
                        System.out.println("EdgeChaosIT: started " + what);
                    }

                    @Override
                    public void recovered(ChaosReport.Recovery recovery) {
                        System.out.println("EdgeChaosIT: " + recovery);
                    }
                })
                .run();

        System.out.println(report.render());
        assertThat(report.recoveries()).hasSize(Scenario.edgeScenarios().size());
        assertThat(report.mismatches()).isEmpty();
        assertThat(report.storedReadings()).isEqualTo(report.validReadings());
    }
}
