package city.mycity.bench.pipeline;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Which rate to try next while looking for the highest sustained one. Coarse probes first (each rate {@code
 * probeFactor} times the last, held briefly) until one fails; then fine steps ({@code stepFactor}) from the last probe
 * that passed, each held in full, up until one fails or the next would reach a rate that already failed in full. A
 * failed probe does not cap the fine steps: it is short and may come while the job still warms up (its JIT, its
 * connections), so a full step may hold a rate a probe missed. If the very first rate fails, the search steps down
 * instead (to no more than what the pipeline achieved) until a rate holds. Not thread-safe.
 */
public final class RateSearch {

    /** One rate to hold; {@code probe} steps are short and never count as sustained. */
    public record Step(int number, double rate, boolean probe) {}

    private final double stepFactor;
    private final double probeFactor;
    private final int maxSteps;
    private boolean probing;
    private double next;
    private int steps;
    private double lastProbePass = Double.NaN;
    private double lowestFailure = Double.POSITIVE_INFINITY;
    private double lowestFullFailure = Double.POSITIVE_INFINITY;
    private double best = Double.NaN;
    private boolean done;

    /**
     * @param start the first rate
     * @param probe whether to probe coarsely first
     */
    public RateSearch(double start, boolean probe, double probeFactor, double stepFactor, int maxSteps) {
        if (!(start > 0) || !(stepFactor > 1) || !(probeFactor > 1) || maxSteps < 1) {
            throw new IllegalArgumentException("Rate search needs a positive start, factors above 1 and at least one"
                    + " step, but got " + start + ", " + probeFactor + ", " + stepFactor + ", " + maxSteps + ".");
        }
        this.next = start;
        this.probing = probe;
        this.probeFactor = probeFactor;
        this.stepFactor = stepFactor;
        this.maxSteps = maxSteps;
    }

    /** The next step to run, or empty when the search is over. */
    public Optional<Step> next() {
        if (done || steps >= maxSteps || next < 1) {
            done = true;
            return Optional.empty();
        }
        return Optional.of(new Step(steps + 1, next, probing));
    }

    /** Records how the step went; {@code sustained} means the backlog stayed flat for the whole hold. */
    public void record(Step step, boolean sustained) {
        record(step, sustained, Double.NaN);
    }

    /**
     * Records how the step went, with the rate the pipeline achieved meanwhile (readings stored per second): when
     * the search steps down, it goes no higher than that, so that a first rate far above what the pipeline takes does
     * not cost many steps.
     */
    public void record(Step step, boolean sustained, double achieved) {
        steps++;
        double rate = step.rate();
        if (step.probe()) {
            if (sustained) {
                lastProbePass = rate;
                next = rate * probeFactor;
            } else {
                lowestFailure = Math.min(lowestFailure, rate);
                probing = false;
                if (!Double.isNaN(lastProbePass)) {
                    next = lastProbePass;
                } else {
                    next = achieved > 0 ? Math.min(rate / stepFactor, achieved) : rate / stepFactor;
                }
            }
            return;
        }
        if (sustained) {
            best = Double.isNaN(best) ? rate : Math.max(best, rate);
            next = rate * stepFactor;
            // A rate within a rounding error of one that failed in full has failed too.
            done = next >= lowestFullFailure * 0.999;
        } else {
            lowestFailure = Math.min(lowestFailure, rate);
            lowestFullFailure = Math.min(lowestFullFailure, rate);
            if (Double.isNaN(best)) {
                next = achieved > 0 ? Math.min(rate / stepFactor, achieved) : rate / stepFactor;
            } else {
                done = true;
            }
        }
    }

    /** The highest rate held in full with a flat backlog, if any. */
    public OptionalDouble best() {
        return Double.isNaN(best) ? OptionalDouble.empty() : OptionalDouble.of(best);
    }

    /** The lowest rate at which the backlog grew, if any. */
    public OptionalDouble lowestFailure() {
        return Double.isInfinite(lowestFailure) ? OptionalDouble.empty() : OptionalDouble.of(lowestFailure);
    }

    public int steps() {
        return steps;
    }
}
