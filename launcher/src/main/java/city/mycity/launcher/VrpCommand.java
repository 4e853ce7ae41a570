package city.mycity.launcher;

import city.mycity.routing.vrp.InvalidProblemException;
import city.mycity.routing.vrp.Plan;
import city.mycity.routing.vrp.Problem;
import city.mycity.routing.vrp.bench.BenchInstance;
import city.mycity.routing.vrp.io.Instances;
import city.mycity.routing.vrp.io.SolutionFile;
import city.mycity.routing.vrp.solver.Solver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mycity vrp}: the vehicle routing solver on benchmark instances. */
@Command(
        name = "vrp",
        mixinStandardHelpOptions = true,
        header = "Solves vehicle routing instances (CVRPLIB, Solomon) and measures the solver against the best known.",
        description = {
            "The solver is the one refuse routes are planned with: ruin and recreate with string removals and",
            "simulated annealing, one search per processor, the best plan kept. Ctrl-C stops it with the best so far."
        },
        subcommands = {VrpCommand.Solve.class, VrpCommand.Bench.class})
final class VrpCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Solves on a thread of its own, so that Ctrl-C can stop it and still print the best plan. */
    static Solver.Result solveStoppable(Solver solver) throws InterruptedException {
        Thread hook = new Thread(solver::stop, "vrp-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return solver.solve();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is shutting down (Ctrl-C): the hook has stopped the solver.
            }
        }
    }

    @Command(
            name = "solve",
            mixinStandardHelpOptions = true,
            header = "Solves one instance and writes the solution in CVRPLIB's format.")
    static final class Solve implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "A CVRPLIB .vrp (EUC_2D) or Solomon instance.")
        private Path file;

        @Option(
                names = "--out",
                paramLabel = "FILE.sol",
                description = "Where to write the solution (default: print it).")
        private Path out;

        @picocli.CommandLine.Mixin
        private SolverOptions options;

        @Override
        public Integer call() throws Exception {
            Problem problem;
            try {
                options.check();
                problem = Instances.read(file);
            } catch (InvalidProblemException e) {
                System.err.println(e.getMessage());
                return 2;
            } catch (NoSuchFileException e) {
                System.err.println("No such file: " + file);
                return 2;
            }
            ProgressBar bar = new ProgressBar(System.err, 100, "% of the time");
            Solver solver = options.solver(
                    problem,
                    (cost, progress) ->
                            bar.update(Math.round(progress * 100), "best " + String.format(Locale.ROOT, "%.1f", cost)));
            Solver.Result result = solveStoppable(solver);
            bar.clear();
            Plan plan = result.plan();
            List<String> violations = plan.violations(problem);
            if (!violations.isEmpty()) {
                System.err.println("No plan within the rules was found: " + String.join("; ", violations));
                return 1;
            }
            String solution = SolutionFile.write(plan, problem);
            if (out == null) {
                System.out.print(solution);
            } else {
                Files.writeString(out, solution, StandardCharsets.UTF_8);
            }
            System.err.printf(
                    Locale.ROOT,
                    "%s: cost %s, %d routes, %,d steps in %.1f s%s%n",
                    problem.name(),
                    plan.costText(problem),
                    plan.routes().size(),
                    result.steps(),
                    result.took().toMillis() / 1000.0,
                    out == null ? "" : "; written to " + out);
            return 0;
        }
    }

    /** The solver settings both subcommands take (a picocli mixin). */
    static final class SolverOptions {
        @Option(
                names = "--seconds",
                defaultValue = "60",
                description = "The longest a solve may take (default: ${DEFAULT-VALUE}).")
        double seconds;

        @Option(names = "--seed", defaultValue = "1", description = "The first search's seed (default: 1).")
        long seed;

        @Option(
                names = "--iterations",
                defaultValue = "0",
                description = "Steps per search: the plan then depends only on the seed, not on the machine's speed"
                        + " (default: 0, the search cools over --seconds).")
        long iterations;

        @Option(names = "--threads", description = "Searches side by side (default: one per processor).")
        Integer threads;

        /** Refuses settings no solver can run with, saying which. */
        void check() {
            if (!(seconds > 0) || (threads != null && threads < 1) || iterations < 0) {
                throw new InvalidProblemException(
                        "--seconds must be positive, --threads at least 1 and --iterations not negative.");
            }
        }

        Solver solver(Problem problem, Solver.Listener listener) {
            Solver.Builder builder = Solver.builder(problem)
                    .seed(seed)
                    .timeLimit(Duration.ofMillis(Math.round(seconds * 1000)))
                    .iterations(iterations)
                    .listener(listener);
            if (threads != null) {
                builder.threads(threads);
            }
            return builder.build();
        }
    }

    @Command(
            name = "bench",
            mixinStandardHelpOptions = true,
            header = "Solves every instance of a folder and prints cost, gap to the best known and time.")
    static final class Bench implements Callable<Integer> {

        @Option(
                names = "--folder",
                defaultValue = "../shared/data/vrp",
                description = "Where the instances are, each with its best-known NAME.sol beside it"
                        + " (default: ${DEFAULT-VALUE}).")
        private Path folder;

        @Option(names = "--docs", paramLabel = "FILE", description = "Also write the table into this file's section.")
        private Path docs;

        @picocli.CommandLine.Mixin
        private SolverOptions options;

        @picocli.CommandLine.Spec
        private picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            List<BenchInstance> instances;
            try {
                options.check();
                instances = BenchInstance.under(folder);
            } catch (NoSuchFileException e) {
                System.err.println("No such folder: " + folder);
                return 2;
            } catch (InvalidProblemException e) {
                System.err.println(e.getMessage());
                return 2;
            }
            StringBuilder table =
                    new StringBuilder("| instance | customers | best known | cost | gap | routes | time | steps |\n"
                            + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (int i = 0; i < instances.size(); i++) {
                BenchInstance instance = instances.get(i);
                Problem problem = instance.problem();
                ProgressBar bar = new ProgressBar(
                        System.err, 100, "% " + problem.name() + " (" + (i + 1) + "/" + instances.size() + ")");
                Solver.Result result = solveStoppable(
                        options.solver(problem, (cost, progress) -> bar.update(Math.round(progress * 100))));
                bar.clear();
                Plan plan = result.plan();
                String gap = instance.gapPercent(Double.parseDouble(plan.costText(problem))).stream()
                        .mapToObj(g -> String.format(Locale.ROOT, "%.2f%%", Math.abs(g) < 0.005 ? 0.0 : g))
                        .findFirst()
                        .orElse("—");
                String row = String.format(
                        Locale.ROOT,
                        "| %s | %d | %s | %s%s | %s | %d | %.1f s | %,d |",
                        problem.name(),
                        problem.customers(),
                        instance.bestKnown().isPresent()
                                ? problem.costText(instance.bestKnown().getAsDouble())
                                : "—",
                        plan.costText(problem),
                        plan.violations(problem).isEmpty() ? "" : " (breaks the rules!)",
                        gap,
                        plan.routes().size(),
                        result.took().toMillis() / 1000.0,
                        result.steps());
                System.err.println(row);
                table.append(row).append('\n');
            }
            String markdown = "`" + BenchOutput.commandLine(spec) + "` on "
                    + Runtime.getRuntime().availableProcessors()
                    + " processors (" + System.getProperty("os.arch") + ", Java "
                    + Runtime.version().feature()
                    + "):\n\n" + table;
            BenchOutput.publish(markdown, docs, "vrp", "## Vehicle routing: `./mycity vrp bench`");
            return 0;
        }
    }
}
