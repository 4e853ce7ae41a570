package city.mycity.bench.report;

import city.mycity.bench.MessageForm;
import city.mycity.bench.ceiling.BrokerFigures;
import city.mycity.bench.ceiling.DatabaseFigures;
import city.mycity.bench.pipeline.Durations;
import city.mycity.bench.pipeline.FormResult;
import city.mycity.bench.pipeline.LatencyRun;
import city.mycity.bench.pipeline.Rates;
import city.mycity.bench.pipeline.RunResult;
import city.mycity.bench.pipeline.StepResult;
import city.mycity.bench.pipeline.StepVerdict;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** A {@link BenchReport} as Markdown: what ran where, the ceilings, the pipeline, the targets and every rate step. */
public final class MarkdownReport {

    /** The columns of the pipeline table, in order. */
    public static final List<String> PIPELINE_COLUMNS = List.of(
            "form",
            "sinks",
            "highest sustained (readings/s)",
            "stored/s there",
            "at 80 %: readings/s",
            "p50",
            "p99",
            "CPU at 80 % (% of one core)",
            "lower ceiling (readings/s)",
            "ratio");

    /** Targets of issue 5 on the 2-core machine with everything on it. */
    static final double PACKS_TARGET = 100_000;

    static final double DEVICES_TARGET = 30_000;
    static final double CEILING_SHARE_TARGET = 0.6;
    static final Duration P99_TARGET = Duration.ofSeconds(1);

    private MarkdownReport() {}

    public static String render(BenchReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Command: `").append(report.command()).append('`');
        if (!report.settings().isEmpty()) {
            out.append(" (").append(report.settings()).append(')');
        }
        out.append(", ")
                .append(DateTimeFormatter.ISO_LOCAL_DATE.format(report.started().atZone(ZoneOffset.UTC)))
                .append(", took ")
                .append(minutes(report.took()))
                .append(".\n\n");
        out.append("Machine: ").append(report.machine().describe()).append(".\n");
        out.append("Broker: ").append(report.broker()).append(".\n");
        out.append("Database: ").append(report.database()).append(".\n");
        out.append("Load average (1 / 5 / 15 min) before: ")
                .append(report.loadBefore())
                .append("; after: ")
                .append(report.loadAfter())
                .append(". Everything ran on this one machine, the bench's JVM included.\n\n");
        ceilings(report, out);
        pipeline(report, out);
        targets(report, out);
        steps(report, out);
        return out.toString();
    }

    private static void ceilings(BenchReport report, StringBuilder out) {
        out.append("### Ceilings\n\n");
        out.append("| ceiling | rate | readings/s |\n|---|---|---|\n");
        DatabaseFigures db = report.databaseCeiling();
        if (db != null) {
            out.append(row(
                    "database: binary `COPY` into `reading` (" + Rates.format(db.rows()) + " rows)",
                    Rates.format(db.copy()) + " rows/s",
                    Rates.format(db.copy())));
            out.append(row(
                    "database: `COPY` into a temporary staging table, then `INSERT … SELECT … ON CONFLICT DO NOTHING`,"
                            + " batches of " + db.batchSize(),
                    Rates.format(db.staging()) + " rows/s",
                    Rates.format(db.staging())));
            out.append(row(
                    "database: `INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING`, batches of " + db.batchSize(),
                    Rates.format(db.unnest()) + " rows/s",
                    Rates.format(db.unnest())));
            out.append(row(
                    "database: the sink's statement, binary `COPY` in key order behind a savepoint (the `unnest`"
                            + " insert on a duplicate), batches of " + db.batchSize(),
                    Rates.format(db.sink()) + " rows/s",
                    Rates.format(db.sink())));
            out.append(row(
                    "database: the same, replaying the same batches (every row already stored: the `COPY` fails,"
                            + " the `unnest` insert skips them)",
                    Rates.format(db.replay()) + " rows/s",
                    Rates.format(db.replay())));
        }
        for (MessageForm form : MessageForm.values()) {
            BrokerFigures broker = report.brokerCeilings().get(form);
            if (broker != null) {
                out.append(row(
                        String.format(
                                Locale.ROOT,
                                "broker: publish → subscribe, QoS 1, %s (%,.0f B, %.2f readings each; %d publishers,"
                                        + " %d shared subscribers)",
                                form.label(),
                                broker.messageBytes(),
                                broker.readingsPerMessage(),
                                broker.publishers(),
                                broker.subscribers()),
                        Rates.format(broker.messagesPerSecond()) + " messages/s",
                        Rates.format(broker.readingsPerSecond())));
            }
        }
        if (db != null) {
            double faster = Math.max(db.staging(), db.unnest());
            double slower = Math.min(db.staging(), db.unnest());
            out.append("\nFaster idempotent insert: **")
                    .append(db.fasterIdempotentInsert())
                    .append("**, ")
                    .append(String.format(Locale.ROOT, "%.2f", faster / slower))
                    .append(" times the other.\n");
        }
        out.append('\n');
    }

    private static void pipeline(BenchReport report, StringBuilder out) {
        out.append("### Pipeline\n\n");
        if (report.pipeline().isEmpty()) {
            out.append("Not run.\n\n");
            return;
        }
        out.append("| ").append(String.join(" | ", PIPELINE_COLUMNS)).append(" |\n|");
        out.append("---|".repeat(PIPELINE_COLUMNS.size())).append('\n');
        for (FormResult form : report.pipeline()) {
            pipelineRow(report, form, form.chained(), out);
            form.unchained().ifPresent(run -> pipelineRow(report, form, run, out));
        }
        out.append('\n');
        for (FormResult form : report.pipeline()) {
            out.append("- ")
                    .append(form.form().label())
                    .append(": job with ")
                    .append(form.sizing().describe())
                    .append('.');
            note(form.chained(), out);
            form.unchained().ifPresent(run -> note(run, out));
            out.append('\n');
        }
        out.append("- \"Sustained\": the simulator sent the rate and the backlog (sent − stored) grew by at most ")
                .append(Math.round(StepVerdict.FLAT_SHARE * 100))
                .append(" % of the rate per second over the hold. The unchained job's search starts at the chained"
                        + " job's best rate, and its latency is measured at the chained job's 80 % rate, so that the"
                        + " two compare at one rate. Latency: device time (stamped when the simulator hands the"
                        + " message over) to the reading's commit, `mycity.readings.lag`.\n\n");
    }

    private static void note(RunResult run, StringBuilder out) {
        if (run.note() != null) {
            out.append(' ')
                    .append(run.variant())
                    .append(": ")
                    .append(run.note())
                    .append('.');
        }
    }

    private static void pipelineRow(BenchReport report, FormResult form, RunResult run, StringBuilder out) {
        Optional<StepVerdict> at = run.atSustained();
        Optional<LatencyRun> latency = run.latency();
        Optional<BenchReport.Ceiling> ceiling = report.lowerCeiling(form.form());
        String sustained =
                run.sustained().isPresent() ? Rates.format(run.sustained().getAsDouble()) : "none";
        out.append(row(
                form.form().label(),
                run.variant(),
                sustained,
                at.map(v -> Rates.format(v.storedRate())).orElse("—"),
                latency.map(l -> Rates.format(l.rate()) + (l.verdict().sustained() ? "" : " (backlog grew)"))
                        .orElse("—"),
                latency.map(l -> Durations.format(l.lag().p50())).orElse("—"),
                latency.map(l -> (l.lag().p99Overflow() ? "> " : "")
                                + Durations.format(l.lag().p99()))
                        .orElse("—"),
                latency.map(l -> l.cpu().describe()).orElse("—"),
                ceiling.map(c -> Rates.format(c.readingsPerSecond()) + " (" + c.what() + ")")
                        .orElse("—"),
                ratio(run.sustained(), ceiling)));
    }

    private static String ratio(OptionalDouble sustained, Optional<BenchReport.Ceiling> ceiling) {
        if (sustained.isEmpty() || ceiling.isEmpty()) {
            return "—";
        }
        return Math.round(100 * sustained.getAsDouble() / ceiling.get().readingsPerSecond()) + " %";
    }

    private static void targets(BenchReport report, StringBuilder out) {
        List<String[]> rows = new ArrayList<>();
        for (FormResult form : report.pipeline()) {
            RunResult run = form.chained();
            double target = form.form() == MessageForm.PACKS ? PACKS_TARGET : DEVICES_TARGET;
            OptionalDouble best = run.sustained();
            rows.add(new String[] {
                form.form().label() + ": at least " + Rates.format(target) + " readings/s sustained",
                best.isPresent() ? Rates.format(best.getAsDouble()) : "none",
                met(best.isPresent() && best.getAsDouble() >= target)
            });
            Optional<BenchReport.Ceiling> ceiling = report.lowerCeiling(form.form());
            if (ceiling.isPresent()) {
                double share = best.orElse(0) / ceiling.get().readingsPerSecond();
                rows.add(new String[] {
                    form.form().label() + ": at least " + Math.round(CEILING_SHARE_TARGET * 100)
                            + " % of the lower ceiling",
                    Math.round(share * 100) + " % of "
                            + Rates.format(ceiling.get().readingsPerSecond()),
                    met(share >= CEILING_SHARE_TARGET)
                });
            }
            run.latency()
                    .ifPresent(latency -> rows.add(new String[] {
                        form.form().label() + ": p99 at most " + Durations.format(P99_TARGET)
                                + " at 80 % of the maximum",
                        Durations.format(latency.lag().p99()),
                        met(!latency.lag().p99Overflow()
                                && latency.lag().p99() != null
                                && latency.lag().p99().compareTo(P99_TARGET) <= 0)
                    }));
        }
        if (rows.isEmpty()) {
            return;
        }
        out.append("### Targets (issue 5, this machine with everything on it)\n\n");
        out.append("| target | measured | met |\n|---|---|---|\n");
        rows.forEach(r -> out.append(row(r)));
        out.append('\n');
    }

    private static String met(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static void steps(BenchReport report, StringBuilder out) {
        if (report.pipeline().isEmpty()) {
            return;
        }
        out.append("### Rate steps\n\n");
        out.append("| form | sinks | step | hold | asked (readings/s) | sent/s | stored/s | backlog growth/s | verdict"
                + " |\n|---|---|---|---|---|---|---|---|---|\n");
        for (FormResult form : report.pipeline()) {
            List<RunResult> runs = new ArrayList<>();
            runs.add(form.chained());
            form.unchained().ifPresent(runs::add);
            for (RunResult run : runs) {
                for (StepResult step : run.steps()) {
                    String name =
                            (step.step().probe() ? "probe " : "") + step.step().number();
                    out.append(stepRow(form, run, name, step.verdict()));
                }
                run.latency().ifPresent(latency -> out.append(stepRow(form, run, "latency", latency.verdict())));
            }
        }
        out.append('\n');
    }

    private static String stepRow(FormResult form, RunResult run, String step, StepVerdict v) {
        return row(
                form.form().code(),
                run.variant(),
                step,
                String.format(Locale.ROOT, "%.0f s", v.seconds()),
                Rates.format(v.target()),
                Rates.format(v.sentRate()),
                Rates.format(v.storedRate()),
                Rates.format(v.backlogSlope()),
                v.reason());
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static String minutes(Duration took) {
        long seconds = took.toSeconds();
        return seconds < 120 ? seconds + " s" : String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }
}
