package city.mycity.routing.vrp.io;

import city.mycity.routing.vrp.InvalidProblemException;
import city.mycity.routing.vrp.Plan;
import city.mycity.routing.vrp.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** CVRPLIB's solution format: {@code Route #k: c1 c2 ...} per route, then {@code Cost C}. */
public final class SolutionFile {

    private SolutionFile() {}

    public static String write(Plan plan, Problem problem) {
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < plan.routes().size(); r++) {
            out.append("Route #")
                    .append(r + 1)
                    .append(": ")
                    .append(Arrays.stream(plan.routes().get(r))
                            .mapToObj(Integer::toString)
                            .collect(Collectors.joining(" ")))
                    .append('\n');
        }
        return out.append("Cost ").append(plan.costText(problem)).append('\n').toString();
    }

    /** The routes of a solution file (its {@code Cost} line is not trusted: compute it with the problem). */
    public static Plan read(String source, String text) {
        List<int[]> routes = new ArrayList<>();
        for (Lines.Line line : new Lines(source, text)) {
            String content = line.text().trim();
            if (!content.startsWith("Route")) {
                continue;
            }
            int colon = content.indexOf(':');
            if (colon < 0) {
                throw line.error("expected 'Route #k: customers'");
            }
            String customers = content.substring(colon + 1).trim();
            routes.add(
                    customers.isEmpty()
                            ? new int[0]
                            : Arrays.stream(customers.split("\\s+"))
                                    .mapToInt(line::integer)
                                    .toArray());
        }
        if (routes.isEmpty()) {
            throw new InvalidProblemException(source + ": no 'Route #k:' lines.");
        }
        return new Plan(routes);
    }
}
