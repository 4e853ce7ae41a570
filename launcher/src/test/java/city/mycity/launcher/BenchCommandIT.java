package city.mycity.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.bench.report.MarkdownReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./mycity bench --quick} end to end on the embedded broker and database, with the smallest numbers: every
 * stage runs (database and broker ceilings, the pipeline chained and unchained) and the report has its tables. The
 * figures themselves are not checked: on a busy machine they say little.
 */
class BenchCommandIT {

    @Test
    void a_quick_bench_prints_the_ceilings_and_the_pipeline_table_and_writes_them_into_the_docs(@TempDir Path folder)
            throws Exception {
        Path docs = folder.resolve("benchmarks.md");
        Files.writeString(docs, "# Benchmarks\n\nKept.\n");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = new CommandLine(new MyCity())
                    .execute(
                            "bench",
                            "--quick",
                            "--form=packs",
                            "--seconds=2",
                            "--rows=5000",
                            "--max-steps=1",
                            "--start-rate=packs=2000",
                            "--docs=" + docs);
        } finally {
            System.setOut(stdout);
        }
        String report = printed.toString(StandardCharsets.UTF_8); // with the test's logs
        System.out.println(report);

        assertThat(code).isZero();
        assertThat(report)
                .contains("Command: `./mycity bench --quick --form=packs")
                .contains("Broker: HiveMQ CE")
                .contains("Database: PostgreSQL")
                .contains("| database: binary `COPY` into `reading` (5,000 rows) |")
                .contains("| database: `COPY` into a temporary staging table")
                .contains("| database: `INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING`, batches of")
                .contains("| database: the sink's statement, binary `COPY` in key order behind a savepoint")
                .contains("| database: the same, replaying the same batches")
                .contains("| broker: publish → subscribe, QoS 1, gateway packs")
                .contains("| " + String.join(" | ", MarkdownReport.PIPELINE_COLUMNS) + " |")
                .containsPattern("\\| gateway packs \\| chained \\| [0-9,]+|none \\|")
                .contains("### Rate steps");
        assertThat(Files.readString(docs))
                .startsWith("# Benchmarks\n\nKept.\n")
                .contains(
                        "## End to end: `./mycity bench`, embedded HiveMQ CE",
                        "### Ceilings",
                        "### Pipeline",
                        "### Rate steps");
    }
}
