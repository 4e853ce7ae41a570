package city.mycity.bench.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuUsageTest {

    @Test
    void describes_the_jvm_by_part_largest_first_then_the_other_processes() {
        CpuUsage usage = new CpuUsage(
                30,
                1.52,
                Map.of("job", 0.8, "simulator", 0.4, "broker", 0.25, CpuUsage.JVM_REST, 0.07, "idle", 0.001),
                Map.of("PostgreSQL", 0.384));

        assertThat(usage.describe())
                .isEqualTo("JVM 152 % (job 80, simulator 40, broker 25, GC/JIT 7) · PostgreSQL 38 %");
        assertThat(usage.total()).isEqualTo(1.904, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void measures_this_jvm_between_two_snapshots() {
        CpuMeter meter = new CpuMeter(
                new ThreadParts("sim-", false),
                Map.of("self", ProcessHandle.current().pid()));
        CpuMeter.Snapshot before = meter.snapshot();
        long spin = System.nanoTime() + 50_000_000;
        double x = 0;
        while (System.nanoTime() < spin) {
            x += Math.sqrt(x + 1);
        }

        CpuUsage usage = meter.between(before, meter.snapshot());

        assertThat(x).isPositive();
        assertThat(usage.jvm()).isPositive();
        assertThat(usage.jvmParts()).containsKey(ThreadParts.JOB);
        assertThat(usage.processes()).containsKey("self");
    }
}
