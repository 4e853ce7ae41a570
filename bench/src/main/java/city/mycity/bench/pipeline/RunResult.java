package city.mycity.bench.pipeline;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One job variant in one message form.
 *
 * @param unchained whether the sinks ran in task threads of their own
 * @param steps every rate held, in order
 * @param sustained the best rate held with a flat backlog (for the unchained variant: the chained best, if it held)
 * @param latency the run at a share of the best rate, if there was one
 * @param note what went wrong, or {@code null}
 */
public record RunResult(
        boolean unchained,
        List<StepResult> steps,
        OptionalDouble sustained,
        Optional<LatencyRun> latency,
        String note) {

    public RunResult {
        steps = List.copyOf(steps);
    }

    /** The verdict of the last full step at the sustained rate. */
    public Optional<StepVerdict> atSustained() {
        if (sustained.isEmpty()) {
            return Optional.empty();
        }
        double rate = sustained.getAsDouble();
        return steps.stream()
                .filter(s -> !s.step().probe()
                        && s.step().rate() == rate
                        && s.verdict().sustained())
                .map(StepResult::verdict)
                .reduce((first, second) -> second);
    }

    public String variant() {
        return unchained ? "unchained" : "chained";
    }
}
