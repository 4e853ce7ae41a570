package city.mycity.bench.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatTest {

    @Test
    void reads_user_and_system_time_after_a_command_name_with_spaces_and_parentheses() {
        String line = "4242 (postgres: (x) writer) S 4200 4200 4200 0 -1 4194368 120 0 0 0 150 25 7 3 20 0 1 0 9000"
                + " 220000000 4000 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 17 1 0 0 0 0 0";

        ProcStat.Times times = ProcStat.parse(line);

        assertThat(times.own()).isEqualTo(175);
        assertThat(times.reapedChildren()).isEqualTo(10);
    }

    @Test
    void reads_this_process_and_its_children() {
        long pid = ProcessHandle.current().pid();

        assertThat(ProcStat.read(pid)).isPresent();
        assertThat(ProcStat.treeNanos(pid))
                .hasValueSatisfying(nanos -> assertThat(nanos).isPositive());
        assertThat(ProcStat.treeNanos(Long.MAX_VALUE)).isEmpty();
    }
}
