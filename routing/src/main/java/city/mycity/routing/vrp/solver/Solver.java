package city.mycity.routing.vrp.solver;

import city.mycity.routing.vrp.Plan;
import city.mycity.routing.vrp.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Solves a {@link Problem} with independent ruin-and-recreate searches ({@link Search}), one per thread, each with a
 * seed of its own, and gives the best plan any of them found.
 *
 * <p>With an iteration budget, each search cools over its steps and the result depends only on the seed: the same
 * seed gives the same plan on any machine. With a time limit alone, a search cools over the time, so the plan depends
 * on how fast the machine runs. Either way it can be stopped ({@link #stop}), keeping the best plan so far, and tells
 * its {@link Listener} each new best.
 */
public final class Solver {

    /** How many steps go between two looks at the clock and the stop flag. */
    private static final int CHECK_EVERY = 64;

    private final Problem problem;
    private final long seed;
    private final int threads;
    private final Duration timeLimit;
    private final long iterations;
    private final Listener listener;
    private final AtomicBoolean stopped = new AtomicBoolean();

    /** Hears each new best plan, from the searching threads. */
    public interface Listener {
        /**
         * @param cost the new best's cost
         * @param progress how far the search is: 0 at the start, 1 at its time limit or iteration budget
         */
        void improved(double cost, double progress);
    }

    /** What a solve gives: the best plan, how many steps all searches took, and how long. */
    public record Result(Plan plan, double cost, long steps, Duration took, boolean stoppedEarly) {}

    private Solver(Builder builder) {
        this.problem = builder.problem;
        this.seed = builder.seed;
        this.threads = builder.threads;
        this.timeLimit = builder.timeLimit;
        this.iterations = builder.iterations;
        this.listener = builder.listener;
    }

    public static Builder builder(Problem problem) {
        return new Builder(problem);
    }

    /** Stops every search at its next look; {@link #solve} then returns the best plan found so far. */
    public void stop() {
        stopped.set(true);
    }

    public Result solve() throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + timeLimit.toNanos();
        double[][] cost = problem.costs();
        List<Search> searches = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "vrp-search");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Search>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long own = seed + t;
                running.add(pool.submit(() -> run(new Search(problem, cost, own), started, deadline)));
            }
            for (Future<Search> search : running) {
                searches.add(search.get());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("A search failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Search winner = searches.get(0);
        long steps = 0;
        for (Search search : searches) {
            steps += search.steps();
            if (search.best().objective() < winner.best().objective()) {
                winner = search;
            }
        }
        Plan plan = winner.best().plan();
        boolean early = stopped.get() || (iterations > 0 && steps < iterations * threads);
        return new Result(plan, plan.cost(problem), steps, Duration.ofNanos(System.nanoTime() - started), early);
    }

    private Search run(Search search, long started, long deadline) {
        long span = deadline - started;
        long step = 0;
        double progress = 0;
        while (true) {
            if (step % CHECK_EVERY == 0) {
                long now = System.nanoTime();
                if (stopped.get() || now >= deadline || Thread.currentThread().isInterrupted()) {
                    break;
                }
                progress = iterations > 0 ? step / (double) iterations : (now - started) / (double) span;
            } else if (iterations > 0) {
                progress = step / (double) iterations;
            }
            if (iterations > 0 && step >= iterations) {
                break;
            }
            if (search.step(progress)) {
                listener.improved(search.best().cost, progress);
            }
            step++;
        }
        return search;
    }

    /** Settings of a {@link Solver}. */
    public static final class Builder {
        private final Problem problem;
        private long seed = 1;
        private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        private Duration timeLimit = Duration.ofSeconds(60);
        private long iterations;
        private Listener listener = (cost, progress) -> {};

        private Builder(Problem problem) {
            this.problem = problem;
        }

        /** The first search's seed; the others take the next ones. By default, 1. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Searches run side by side. By default, one per processor. */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** The longest the solve may take. By default, 60 seconds. */
        public Builder timeLimit(Duration timeLimit) {
            this.timeLimit = timeLimit;
            return this;
        }

        /**
         * Steps per search; each cools over them, so that the result depends only on the seed (the time limit still
         * stops it). By default, 0: none, the search cools over the time limit.
         */
        public Builder iterations(long iterations) {
            this.iterations = iterations;
            return this;
        }

        /** Hears each new best. By default, nobody. */
        public Builder listener(Listener listener) {
            this.listener = listener;
            return this;
        }

        public Solver build() {
            if (problem == null || listener == null || timeLimit == null) {
                throw new IllegalStateException("The problem, the listener and the time limit must not be null.");
            }
            if (threads < 1 || iterations < 0 || timeLimit.isNegative() || timeLimit.isZero()) {
                throw new IllegalStateException(
                        "A solver needs at least one thread, a positive time limit and no negative iteration budget.");
            }
            return new Solver(this);
        }
    }
}
