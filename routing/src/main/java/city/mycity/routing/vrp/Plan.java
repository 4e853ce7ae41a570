package city.mycity.routing.vrp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Routes for a {@link Problem}: each an ordered list of customers (1..n), leaving from and returning to the depot.
 *
 * @param routes the routes, none empty
 */
public record Plan(List<int[]> routes) {

    public Plan {
        routes = routes.stream().map(int[]::clone).toList();
    }

    /** The total travel cost. */
    public double cost(Problem problem) {
        double total = 0;
        for (int[] route : routes) {
            int previous = 0;
            for (int customer : route) {
                total += problem.cost(previous, customer);
                previous = customer;
            }
            total += problem.cost(previous, 0);
        }
        return total;
    }

    /** The cost as the problem's convention writes it (e.g. {@code 784}, {@code 1637.7}). */
    public String costText(Problem problem) {
        return problem.costText(cost(problem));
    }

    /**
     * What makes this plan break the problem's rules: a customer missing or served twice, a route over capacity, a
     * window missed, too many routes; empty when it keeps them all.
     */
    public List<String> violations(Problem problem) {
        List<String> found = new ArrayList<>();
        int[] served = new int[problem.size()];
        for (int r = 0; r < routes.size(); r++) {
            int[] route = routes.get(r);
            int load = 0;
            double time = problem.ready(0);
            int previous = 0;
            for (int customer : route) {
                if (customer < 1 || customer > problem.customers()) {
                    found.add("route " + (r + 1) + " visits " + customer + ", which is no customer");
                    continue;
                }
                served[customer]++;
                load += problem.demand(customer);
                time = Math.max(
                        time + problem.service(previous) + problem.time(previous, customer), problem.ready(customer));
                if (time > problem.due(customer) + 1e-9) {
                    found.add("route " + (r + 1) + " reaches customer " + customer + " at " + time
                            + ", after its window closes at " + problem.due(customer));
                }
                previous = customer;
            }
            if (route.length == 0) {
                found.add("route " + (r + 1) + " is empty");
            }
            if (load > problem.capacity()) {
                found.add("route " + (r + 1) + " carries " + load + ", over the capacity " + problem.capacity());
            }
            double back = time + problem.service(previous) + problem.time(previous, 0);
            if (back > problem.due(0) + 1e-9) {
                found.add("route " + (r + 1) + " is back at " + back + ", after the depot closes at " + problem.due(0));
            }
        }
        for (int c = 1; c < served.length; c++) {
            if (served[c] != 1) {
                found.add("customer " + c + " is served " + served[c] + " times");
            }
        }
        if (routes.size() > problem.vehicles()) {
            found.add(routes.size() + " routes, but only " + problem.vehicles() + " vehicles");
        }
        return found;
    }

    @Override
    public String toString() {
        return routes.stream().map(Arrays::toString).toList().toString();
    }
}
