package city.mycity.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseCommandsTest {

    @ParameterizedTest
    @ValueSource(strings = {"accounts list --tenant t", "devices list --tenant t", "credentials list --service ingest"})
    void a_command_without_a_database_says_what_to_set_in_one_line(String command) {
        Assumptions.assumeTrue(System.getenv("MYCITY_JDBC_URL") == null, "MYCITY_JDBC_URL is set here");

        String[] run = CommandRun.run(command.split(" "));

        assertThat(run[0]).isEqualTo("2");
        assertThat(run[2].strip())
                .startsWith("Set MYCITY_JDBC_URL")
                .doesNotContain("Exception")
                .hasLineCount(1);
    }
}
