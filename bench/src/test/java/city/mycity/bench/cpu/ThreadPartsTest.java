package city.mycity.bench.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThreadPartsTest {

    @Test
    void tells_the_simulator_the_embedded_broker_and_the_job_apart_by_thread_name() {
        ThreadParts parts = new ThreadParts("bench-1a2b3c-sim-", true);

        assertThat(parts.apply("mycity-simulator-bench-town")).isEqualTo(ThreadParts.SIMULATOR);
        assertThat(parts.apply("MQTT Rec: bench-1a2b3c-sim-r1-bench-town-gw-3")).isEqualTo(ThreadParts.SIMULATOR);
        assertThat(parts.apply("hivemq-eventloop-child-1")).isEqualTo(ThreadParts.BROKER);
        assertThat(parts.apply("MQTT Rec: bench-1a2b3c-job-r1-0-c2")).isEqualTo(ThreadParts.JOB);
        assertThat(parts.apply("Source: mqtt-uplinks -> validate (1/2)#0")).isEqualTo(ThreadParts.JOB);
    }

    @Test
    void counts_broker_like_names_as_the_job_when_no_broker_is_embedded() {
        assertThat(new ThreadParts("sim-", false).apply("hivemq-eventloop-child-1"))
                .isEqualTo(ThreadParts.JOB);
    }
}
