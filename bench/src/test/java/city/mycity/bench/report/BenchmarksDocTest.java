package city.mycity.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchmarksDocTest {

    @Test
    void appends_the_report_under_its_own_heading_the_first_time() {
        String document = "# Benchmarks\n\nOlder figures.\n";

        String written = BenchmarksDoc.splice(document, "mosquitto", "## On Mosquitto", "| a | b |\n");

        assertThat(written)
                .startsWith(document)
                .contains("## On Mosquitto\n\n" + BenchmarksDoc.begin("mosquitto") + "\n\n| a | b |\n\n"
                        + BenchmarksDoc.end("mosquitto"))
                .endsWith(BenchmarksDoc.end("mosquitto") + "\n");
    }

    @Test
    void replaces_only_what_lies_between_the_markers_of_the_same_broker_the_next_time() {
        String first = BenchmarksDoc.splice("# Benchmarks\n", "mosquitto", "## On Mosquitto", "old table");
        String both = BenchmarksDoc.splice(first, "embedded_hivemq", "## Embedded", "embedded table");
        String edited = both + "\n## Later section\n\nKept.\n";

        String second = BenchmarksDoc.splice(edited, "mosquitto", "## On Mosquitto", "new table");

        assertThat(second)
                .contains("new table", "embedded table")
                .doesNotContain("old table")
                .endsWith("## Later section\n\nKept.\n");
        assertThat(second.indexOf("## On Mosquitto")).isEqualTo(second.lastIndexOf("## On Mosquitto"));
        assertThat(second.indexOf("new table")).isLessThan(second.indexOf("embedded table"));
    }
}
