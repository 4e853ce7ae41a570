package city.mycity.bench.pipeline;

import city.mycity.bench.BenchOptions;
import city.mycity.bench.MessageForm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The pipeline stage of one message form: the job (sinks chained, as it runs in production) at rising rates until the
 * backlog grows ({@link RateSearch}), then at a share (80 %) of the best sustained rate for latency and CPU; then, if
 * asked, the same job with its sinks unchained ({@link UnchainedSink}) at the same two rates.
 */
public final class PipelineStage {

    private final PipelineContext context;
    private int runs;

    public PipelineStage(PipelineContext context) {
        this.context = context;
    }

    /** Searches the chained job's best rate and measures its latency. */
    public RunResult chained(MessageForm form, JobSizing sizing) throws InterruptedException {
        BenchOptions options = context.options();
        double start = options.startRate(form);
        List<StepResult> steps = new ArrayList<>();
        String note = null;
        Optional<LatencyRun> latency = Optional.empty();
        RateSearch search = new RateSearch(
                start, !options.probeHold().isZero(), options.probeFactor(), options.stepFactor(), options.maxSteps());
        try (PipelineRun run = PipelineRun.start(context, form, false, sizing, ++runs)) {
            run.warmUp(start / 2, options.warmUp());
            for (Optional<RateSearch.Step> next = search.next(); next.isPresent(); next = search.next()) {
                RateSearch.Step step = next.get();
                Duration hold = step.probe() ? options.probeHold() : options.hold();
                String name = (step.probe() ? "probe " : "step ") + step.number();
                StepVerdict verdict = run.hold(step.rate(), options.settle(), hold, name);
                steps.add(new StepResult(step, verdict));
                report(form, "chained", name, verdict);
                search.record(step, verdict.sustained());
                if (!verdict.sustained() && !run.drain(options.drainTimeout(), step.rate())) {
                    note = "the backlog of " + Rates.format(step.rate()) + " readings/s was not stored within "
                            + options.drainTimeout().toSeconds() + " s";
                    break;
                }
            }
            if (search.best().isPresent() && note == null) {
                latency =
                        Optional.of(latency(run, form, "chained", search.best().getAsDouble()));
            } else if (note == null) {
                note = "no rate held: not even "
                        + Rates.format(steps.get(steps.size() - 1).step().rate()) + " readings/s";
            }
        }
        return new RunResult(false, steps, search.best(), latency, note);
    }

    /** The job with unchained sinks, at the chained job's best rate and at the latency share of it. */
    public RunResult unchained(MessageForm form, JobSizing sizing, double rate) throws InterruptedException {
        BenchOptions options = context.options();
        List<StepResult> steps = new ArrayList<>();
        String note = null;
        Optional<LatencyRun> latency = Optional.empty();
        boolean held;
        try (PipelineRun run = PipelineRun.start(context, form, true, sizing, ++runs)) {
            run.warmUp(rate / 4, options.warmUp());
            RateSearch.Step step = new RateSearch.Step(1, rate, false);
            StepVerdict verdict = run.hold(rate, options.settle(), options.hold(), "at the chained best");
            steps.add(new StepResult(step, verdict));
            report(form, "unchained", "at the chained best", verdict);
            held = verdict.sustained();
            if (held || run.drain(options.drainTimeout(), rate)) {
                latency = Optional.of(latency(run, form, "unchained", rate));
            } else {
                note = "the backlog was not stored within "
                        + options.drainTimeout().toSeconds() + " s";
            }
        }
        return new RunResult(true, steps, held ? OptionalDouble.of(rate) : OptionalDouble.empty(), latency, note);
    }

    private LatencyRun latency(PipelineRun run, MessageForm form, String variant, double best)
            throws InterruptedException {
        BenchOptions options = context.options();
        LatencyRun latency = run.latency(best * options.latencyShare(), options.settle(), options.hold());
        context.listener()
                .result(String.format(
                        "%s, %s: at %s readings/s (%.0f %%): p50 %s, p99 %s; %s",
                        form.code(),
                        variant,
                        Rates.format(latency.rate()),
                        options.latencyShare() * 100,
                        Durations.format(latency.lag().p50()),
                        Durations.format(latency.lag().p99()),
                        latency.cpu().describe()));
        return latency;
    }

    private void report(MessageForm form, String variant, String step, StepVerdict verdict) {
        context.listener()
                .result(String.format(
                        "%s, %s, %s: %s readings/s asked, %s sent/s, %s stored/s: %s",
                        form.code(),
                        variant,
                        step,
                        Rates.format(verdict.target()),
                        Rates.format(verdict.sentRate()),
                        Rates.format(verdict.storedRate()),
                        verdict.reason()));
    }
}
