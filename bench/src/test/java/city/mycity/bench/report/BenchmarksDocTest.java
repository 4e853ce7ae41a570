package city.mycity.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarksDocTest {

    @Test
    void appends_the_report_under_its_own_heading_the_first_time() {
        String document = "# Benchmarks\n\nOlder figures.\n";

        String written = BenchmarksDoc.splice(document, "| a | b |\n");

        assertThat(written)
                .startsWith(document)
                .contains(
                        BenchmarksDoc.HEADING + "\n\n" + BenchmarksDoc.BEGIN + "\n\n| a | b |\n\n" + BenchmarksDoc.END)
                .endsWith(BenchmarksDoc.END + "\n");
    }

    @Test
    void replaces_only_what_lies_between_the_markers_the_next_time() {
        String first = BenchmarksDoc.splice("# Benchmarks\n", "old table");
        String edited = first + "\n## Later section\n\nKept.\n";

        String second = BenchmarksDoc.splice(edited, "new table");

        assertThat(second).contains("new table").doesNotContain("old table").endsWith("## Later section\n\nKept.\n");
        assertThat(second.indexOf(BenchmarksDoc.HEADING)).isEqualTo(second.lastIndexOf(BenchmarksDoc.HEADING));
    }

    @Test
    void writes_a_file_that_does_not_exist_yet(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("benchmarks.md");

        BenchmarksDoc.write(file, "table");

        assertThat(Files.readString(file)).contains(BenchmarksDoc.BEGIN, "table", BenchmarksDoc.END);
    }
}
