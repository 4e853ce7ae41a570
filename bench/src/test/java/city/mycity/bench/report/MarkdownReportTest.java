package city.mycity.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.bench.MessageForm;
import city.mycity.bench.ceiling.BrokerFigures;
import city.mycity.bench.ceiling.DatabaseFigures;
import city.mycity.bench.cpu.CpuUsage;
import city.mycity.bench.pipeline.FormResult;
import city.mycity.bench.pipeline.JobSizing;
import city.mycity.bench.pipeline.LagHistogram;
import city.mycity.bench.pipeline.LatencyRun;
import city.mycity.bench.pipeline.RateSearch;
import city.mycity.bench.pipeline.RunResult;
import city.mycity.bench.pipeline.StepResult;
import city.mycity.bench.pipeline.StepVerdict;
import city.mycity.bench.services.BrokerEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    private static final MachineFacts MACHINE =
            new MachineFacts(2, "AMD EPYC", 23.5, "Debian GNU/Linux 12 (bookworm)", "OpenJDK 17.0.15", "Flink 2.3.0");
    private static final JobSizing SIZING = new JobSizing(2, Duration.ofMillis(200), 4, 1000, 1000, 1000);
    private static final CpuUsage CPU = new CpuUsage(
            30, 1.5, Map.of("job", 0.9, "simulator", 0.5, CpuUsage.JVM_REST, 0.1), Map.of("PostgreSQL", 0.4));

    private static StepVerdict verdict(double rate, double stored, boolean sustained) {
        return new StepVerdict(
                rate,
                rate,
                stored,
                sustained ? 0 : rate - stored,
                0,
                30,
                sustained,
                sustained ? "flat" : "backlog grows");
    }

    private static LatencyRun latency(double rate, long p50, long p99) {
        return new LatencyRun(
                rate,
                verdict(rate, rate, true),
                new LagHistogram.Percentiles(1000, Duration.ofMillis(p50), Duration.ofMillis(p99), false),
                CPU);
    }

    private static BenchReport report() {
        RunResult packs = new RunResult(
                false,
                List.of(
                        new StepResult(new RateSearch.Step(1, 100_000, false), verdict(100_000, 99_800, true)),
                        new StepResult(new RateSearch.Step(2, 125_000, false), verdict(125_000, 110_000, false))),
                OptionalDouble.of(100_000),
                Optional.of(latency(80_000, 120, 480)),
                null);
        RunResult packsUnchained = new RunResult(
                true,
                List.of(new StepResult(new RateSearch.Step(1, 100_000, false), verdict(100_000, 95_000, false))),
                OptionalDouble.empty(),
                Optional.of(latency(80_000, 150, 1_400)),
                null);
        RunResult devices = new RunResult(
                false,
                List.of(new StepResult(new RateSearch.Step(1, 6_000, false), verdict(6_000, 5_000, false))),
                OptionalDouble.empty(),
                Optional.empty(),
                "no rate held: not even 6,000 readings/s");
        return new BenchReport(
                "./mycity bench",
                "each rate held 30 s",
                Instant.parse("2026-11-29T10:00:00Z"),
                Duration.ofMinutes(21),
                MACHINE,
                BrokerEndpoint.Kind.MOSQUITTO,
                "Mosquitto 2.0.11",
                "PostgreSQL 17.11 embedded",
                "1.0 / 1.0 / 1.0",
                "2.0 / 1.5 / 1.1",
                new DatabaseFigures(400_000, 1000, 150_000, 60_000, 40_000, 120_000, 30_000),
                Map.of(
                        MessageForm.PACKS, new BrokerFigures(MessageForm.PACKS, 8, 2, 21_000, 200, 1_000),
                        MessageForm.DEVICES, new BrokerFigures(MessageForm.DEVICES, 8, 2, 120, 1.25, 20_000)),
                List.of(
                        new FormResult(MessageForm.PACKS, SIZING, packs, Optional.of(packsUnchained)),
                        new FormResult(MessageForm.DEVICES, SIZING, devices, Optional.empty())));
    }

    @Test
    void prints_the_pipeline_table_with_its_columns_and_one_row_per_form_and_job_variant() {
        String markdown = MarkdownReport.render(report());

        assertThat(markdown).contains("| " + String.join(" | ", MarkdownReport.PIPELINE_COLUMNS) + " |");
        assertThat(markdown)
                .contains("| gateway packs | chained | 100,000 | 99,800 | 80,000 | 120 ms | 480 ms | JVM 150 % (job 90,"
                        + " simulator 50, GC/JIT 10) · PostgreSQL 40 % | 150,000 (database) | 67 % |")
                .contains("| gateway packs | unchained | none | — | 80,000 | 150 ms | 1.40 s |")
                .contains("| one message per device | chained | none | — | — | — | — | — | 25,000 (broker) | — |");
    }

    @Test
    void prints_the_ceilings_and_which_idempotent_insert_is_faster() {
        String markdown = MarkdownReport.render(report());

        assertThat(markdown)
                .contains("| database: binary `COPY` into `reading` (400,000 rows) | 150,000 rows/s | 150,000 |")
                .contains("| 1,000 messages/s | 200,000 |")
                .contains("| 20,000 messages/s | 25,000 |")
                .contains("Faster idempotent insert: **COPY via staging**, 1.50 times the other.");
    }

    @Test
    void says_which_targets_were_met() {
        String markdown = MarkdownReport.render(report());

        assertThat(markdown)
                .contains("| gateway packs: at least 100,000 readings/s sustained | 100,000 | yes |")
                .contains("| gateway packs: at least 60 % of the lower ceiling | 67 % of 150,000 | yes |")
                .contains("| gateway packs: p99 at most 1.00 s at 80 % of the maximum | 480 ms | yes |")
                .contains("| one message per device: at least 30,000 readings/s sustained | none | **no** |");
    }

    @Test
    void lists_every_rate_step_and_the_latency_runs_with_the_machine_and_the_command() {
        String markdown = MarkdownReport.render(report());

        assertThat(markdown)
                .contains("Command: `./mycity bench` (each rate held 30 s), 2026-11-29, took 21 min 00 s.")
                .contains("Machine: 2 cores (AMD EPYC), 23.5 GiB, Debian GNU/Linux 12 (bookworm)")
                .contains("| packs | chained | 2 | 30 s | 125,000 | 125,000 | 110,000 | 15,000 | backlog grows |")
                .contains("| packs | unchained | latency | 30 s | 80,000 |")
                .contains("one message per device: job with parallelism 2")
                .contains("chained: no rate held: not even 6,000 readings/s.");
    }
}
