package city.mycity.chaos.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The harness itself, as the chaos tests will use it. */
class FlinkClusterIT {

    private static FlinkCluster flink;

    @BeforeAll
    static void start() {
        flink = FlinkCluster.builder().slots(1).start();
    }

    @AfterAll
    static void stop() {
        flink.close();
    }

    @Test
    void a_task_manager_killed_with_kill_9_can_be_started_again() throws Exception {
        assertThat(flink.registeredTaskManagers()).containsExactly("taskmanager-1");
        long killed = flink.taskManagerPid();

        flink.killTaskManager();
        assertThat(ProcessHandle.of(killed)).isEmpty();
        flink.startTaskManager();

        assertThat(flink.taskManagerPid()).isNotEqualTo(killed);
        assertThat(flink.registeredTaskManagers()).contains("taskmanager-2");
    }
}
