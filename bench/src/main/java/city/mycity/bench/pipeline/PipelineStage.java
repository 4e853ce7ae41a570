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
 * asked, the same job with its sinks unchained ({@link UnchainedSink}): rising rates from the chained job's best, and
 * latency at the chained job's latency rate.
 */
public final class PipelineStage {

    private final PipelineContext context;
    private int runs;

    public PipelineStage(PipelineContext context) {
        this.context = context;
    }

    /** Searches the chained job's best rate and measures its latency at 80 % of it. */
    public RunResult chained(MessageForm form, JobSizing sizing) throws InterruptedException {
        BenchOptions options = context.options();
        RateSearch search = new RateSearch(
                options.startRate(form),
                !options.probeHold().isZero(),
                options.probeFactor(),
                options.stepFactor(),
                options.maxSteps());
        return search(form, sizing, false, search, OptionalDouble.empty());
    }

    /**
     * Searches the unchained job's best rate, from the chained job's best (fine steps only), and measures its latency
     * at the same rate as the chained job's, so that the two compare at one rate.
     */
    public RunResult unchained(MessageForm form, JobSizing sizing, double chainedBest) throws InterruptedException {
        BenchOptions options = context.options();
        RateSearch search =
                new RateSearch(chainedBest, false, options.probeFactor(), options.stepFactor(), options.maxSteps());
        return search(form, sizing, true, search, OptionalDouble.of(chainedBest * options.latencyShare()));
    }

    /**
     * Runs the search on one job, then the latency run: at {@code latencyRate} if given, else at the latency share of
     * the best rate found.
     */
    private RunResult search(
            MessageForm form, JobSizing sizing, boolean unchained, RateSearch search, OptionalDouble latencyRate)
            throws InterruptedException {
        BenchOptions options = context.options();
        String variant = unchained ? "unchained" : "chained";
        List<StepResult> steps = new ArrayList<>();
        String note = null;
        Optional<LatencyRun> latency = Optional.empty();
        try (PipelineRun run = PipelineRun.start(context, form, unchained, sizing, ++runs)) {
            double first = search.next().map(RateSearch.Step::rate).orElse(options.startRate(form));
            run.warmUp(first / 2, options.warmUp());
            for (Optional<RateSearch.Step> next = search.next(); next.isPresent(); next = search.next()) {
                RateSearch.Step step = next.get();
                Duration hold = step.probe() ? options.probeHold() : options.hold();
                String name = (step.probe() ? "probe " : "step ") + step.number();
                StepVerdict verdict = run.hold(step.rate(), options.settle(), hold, name);
                steps.add(new StepResult(step, verdict));
                report(form, variant, name, verdict);
                search.record(step, verdict.sustained(), verdict.storedRate());
                if (!verdict.sustained() && !run.drain(options.drainTimeout(), step.rate())) {
                    note = "the backlog of " + Rates.format(step.rate()) + " readings/s was not stored within "
                            + options.drainTimeout().toSeconds() + " s";
                    break;
                }
            }
            OptionalDouble at = latencyRate.isPresent()
                    ? latencyRate
                    : search.best().isPresent()
                            ? OptionalDouble.of(search.best().getAsDouble() * options.latencyShare())
                            : OptionalDouble.empty();
            if (note == null && at.isPresent()) {
                latency = Optional.of(latency(run, form, variant, at.getAsDouble()));
            }
            if (note == null && search.best().isEmpty()) {
                note = "no rate held: not even "
                        + Rates.format(steps.get(steps.size() - 1).step().rate()) + " readings/s";
            }
        }
        return new RunResult(unchained, steps, search.best(), latency, note);
    }

    private LatencyRun latency(PipelineRun run, MessageForm form, String variant, double rate)
            throws InterruptedException {
        BenchOptions options = context.options();
        LatencyRun latency = run.latency(rate, options.settle(), options.hold());
        context.listener()
                .result(String.format(
                        "%s, %s: at %s readings/s: p50 %s, p99 %s; %s",
                        form.code(),
                        variant,
                        Rates.format(latency.rate()),
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
