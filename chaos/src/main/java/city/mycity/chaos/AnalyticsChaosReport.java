package city.mycity.chaos;

import java.util.ArrayList;
import java.util.List;

/**
 * What an analytics chaos run found: the readings as {@link ChaosReport} tells, and the alerts the analytics jobs
 * raised against the problems the simulator had: one per problem, none else.
 *
 * @param expected the problems, each as "device problem"
 * @param raised the alerts stored, each as "device problem"
 */
public record AnalyticsChaosReport(ChaosReport readings, List<String> expected, List<String> raised) {

    public AnalyticsChaosReport {
        expected = List.copyOf(expected);
        raised = List.copyOf(raised);
    }

    /** Problems without an alert. */
    public List<String> missed() {
        List<String> missed = new ArrayList<>(expected);
        raised.forEach(missed::remove);
        return missed;
    }

    /** Alerts without a problem, and second alerts of one problem. */
    public List<String> extra() {
        List<String> extra = new ArrayList<>(raised);
        expected.forEach(extra::remove);
        return extra;
    }

    /** Whether every reading was stored once and every problem raised exactly one alert, and nothing else did. */
    public boolean exact() {
        return readings.exact() && missed().isEmpty() && extra().isEmpty();
    }

    public String render() {
        StringBuilder out = new StringBuilder(readings.render());
        out.append("\n| problem | alerts |\n|---|---|\n");
        for (String problem : expected) {
            out.append("| ")
                    .append(problem)
                    .append(" | ")
                    .append(raised.stream().filter(problem::equals).count())
                    .append(" |\n");
        }
        out.append("\n")
                .append(expected.size())
                .append(" problems, ")
                .append(raised.size())
                .append(" alerts: ")
                .append(
                        missed().isEmpty() && extra().isEmpty()
                                ? "one per problem, none else"
                                : "missed " + missed() + ", extra " + extra())
                .append(".\n");
        return out.toString();
    }
}
