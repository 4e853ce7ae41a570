package city.mycity.routing.vrp;

import java.util.Arrays;
import java.util.Objects;

/**
 * A vehicle routing problem: a depot (index 0) and customers 1..n, each with a demand; a fleet of identical vehicles
 * of one capacity, every route starting and ending at the depot; a travel cost between any two places, which is also
 * the travel time unless travel times are given apart (e.g. metres to minimise and seconds to keep the windows);
 * and, optionally, a time window and a service time at each place (the depot's window is the shift:
 * leave after it opens, be back before it closes). A vehicle that arrives early waits.
 *
 * <p>Built by {@link #builder}, which refuses what cannot be solved with a reason: a demand above the capacity, a
 * customer no vehicle can reach within its window, a matrix of the wrong size or with negative or missing entries.
 */
public final class Problem {

    private final String name;
    private final double[][] cost;
    private final double[][] time;
    private final int[] demand;
    private final int capacity;
    private final int vehicles;
    private final double[] ready;
    private final double[] due;
    private final double[] service;
    private final int costDecimals;

    private Problem(Builder b) {
        this.name = b.name;
        this.cost = b.cost;
        this.time = b.time == null ? b.cost : b.time;
        this.demand = b.demand;
        this.capacity = b.capacity;
        this.vehicles = b.vehicles;
        this.ready = b.ready;
        this.due = b.due;
        this.service = b.service;
        this.costDecimals = b.costDecimals;
    }

    /** A problem of this travel-cost matrix (the depot's row and column first) and demands (the depot's, 0, first). */
    public static Builder builder(String name, double[][] cost, int[] demand, int capacity) {
        return new Builder(name, cost, demand, capacity);
    }

    public String name() {
        return name;
    }

    /** Places, the depot included. */
    public int size() {
        return demand.length;
    }

    /** Customers: {@code size() - 1}, numbered 1 to this. */
    public int customers() {
        return demand.length - 1;
    }

    public double cost(int from, int to) {
        return cost[from][to];
    }

    /** The travel time from one place to another: the cost, unless travel times were given apart. */
    public double time(int from, int to) {
        return time[from][to];
    }

    /** The travel-time matrix itself, for a solver's inner loop; never change it. */
    public double[][] times() {
        return time;
    }

    /** The matrix itself, for a solver's inner loop; never change it. */
    public double[][] costs() {
        return cost;
    }

    public int demand(int place) {
        return demand[place];
    }

    public int capacity() {
        return capacity;
    }

    /** The most routes a plan may have; {@link Integer#MAX_VALUE} when the fleet is not limited. */
    public int vehicles() {
        return vehicles;
    }

    public boolean hasTimeWindows() {
        return ready != null;
    }

    /** When service may start at a place (for the depot: when vehicles may leave); 0 without windows. */
    public double ready(int place) {
        return ready == null ? 0 : ready[place];
    }

    /** When service must have started (for the depot: when vehicles must be back); infinity without windows. */
    public double due(int place) {
        return due == null ? Double.POSITIVE_INFINITY : due[place];
    }

    public double service(int place) {
        return service == null ? 0 : service[place];
    }

    /** A cost as this problem's convention writes it (e.g. {@code 784}, {@code 1637.7}). */
    public String costText(double cost) {
        return java.math.BigDecimal.valueOf(cost)
                .setScale(costDecimals, java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** How many decimals a plan's cost is given with in this problem's convention (CVRPLIB: 0; Solomon: 1). */
    public int costDecimals() {
        return costDecimals;
    }

    /** Settings of a {@link Problem}. */
    public static final class Builder {
        private final String name;
        private final double[][] cost;
        private double[][] time;
        private final int[] demand;
        private final int capacity;
        private int vehicles = Integer.MAX_VALUE;
        private double[] ready;
        private double[] due;
        private double[] service;
        private int costDecimals;

        private Builder(String name, double[][] cost, int[] demand, int capacity) {
            this.name = Objects.requireNonNull(name, "A problem needs a name.");
            this.cost = Objects.requireNonNull(cost, "A problem needs a cost matrix.");
            this.demand =
                    Objects.requireNonNull(demand, "A problem needs demands.").clone();
            this.capacity = capacity;
        }

        /** Travel times apart from the costs, the same size. By default, the costs are the times. */
        public Builder travelTimes(double[][] times) {
            this.time = times;
            return this;
        }

        /** The most routes (vehicles). By default, as many as needed. */
        public Builder vehicles(int vehicles) {
            this.vehicles = vehicles;
            return this;
        }

        /** Time windows and service times, one per place, the depot's first. By default, none. */
        public Builder timeWindows(double[] ready, double[] due, double[] service) {
            this.ready = ready.clone();
            this.due = due.clone();
            this.service = service.clone();
            return this;
        }

        /** Decimals of a plan's cost in the problem's convention. By default, 0. */
        public Builder costDecimals(int decimals) {
            this.costDecimals = decimals;
            return this;
        }

        public Problem build() {
            int n = demand.length;
            if (n < 2) {
                throw new InvalidProblemException(name + ": a problem needs a depot and at least one customer.");
            }
            if (capacity <= 0 || vehicles <= 0) {
                throw new InvalidProblemException(name + ": the capacity and the number of vehicles must be positive.");
            }
            checkMatrix(cost, "cost", n);
            if (time != null) {
                checkMatrix(time, "time", n);
            }
            for (int c = 1; c < n; c++) {
                if (demand[c] < 0) {
                    throw new InvalidProblemException(name + ": customer " + c + " has a negative demand.");
                }
                if (demand[c] > capacity) {
                    throw new InvalidProblemException(name + ": customer " + c + " needs " + demand[c]
                            + " but a vehicle carries " + capacity + ".");
                }
            }
            if (ready != null) {
                checkWindows(n);
            }
            if (costDecimals < 0 || costDecimals > 6) {
                throw new InvalidProblemException(name + ": a cost has 0 to 6 decimals.");
            }
            return new Problem(this);
        }

        private void checkMatrix(double[][] matrix, String what, int n) {
            if (matrix.length != n || Arrays.stream(matrix).anyMatch(row -> row == null || row.length != n)) {
                throw new InvalidProblemException(name + ": the " + what + " matrix must be " + n + " by " + n + ".");
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (!(matrix[i][j] >= 0) || Double.isInfinite(matrix[i][j])) {
                        throw new InvalidProblemException(name + ": place " + j + " cannot be reached from place " + i
                                + " (travel " + what + " " + matrix[i][j] + ").");
                    }
                }
            }
        }

        private void checkWindows(int n) {
            double[][] t = time == null ? cost : time;
            if (ready.length != n || due.length != n || service.length != n) {
                throw new InvalidProblemException(name + ": every place needs a time window and a service time.");
            }
            for (int c = 0; c < n; c++) {
                if (!(ready[c] <= due[c]) || service[c] < 0) {
                    throw new InvalidProblemException(name + ": place " + c
                            + " has a window that closes before it opens, or a negative service.");
                }
            }
            for (int c = 1; c < n; c++) {
                double start = Math.max(ready[0] + t[0][c], ready[c]);
                if (start > due[c]) {
                    throw new InvalidProblemException(name + ": customer " + c + " cannot be reached before its window"
                            + " closes (the earliest arrival is " + start + ", the window closes at " + due[c] + ").");
                }
                if (start + service[c] + t[c][0] > due[0]) {
                    throw new InvalidProblemException(name + ": a vehicle serving customer " + c
                            + " cannot be back at the depot before the shift ends (" + due[0] + ").");
                }
            }
        }
    }
}
