package city.mycity.routing.vrp.bench;

import city.mycity.routing.vrp.InvalidProblemException;
import city.mycity.routing.vrp.Plan;
import city.mycity.routing.vrp.Problem;
import city.mycity.routing.vrp.io.Instances;
import city.mycity.routing.vrp.io.SolutionFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An instance of a benchmark folder, with the best-known solution beside it ({@code NAME.sol}) when there is one: its
 * cost is computed from its routes in the instance's convention, never taken from its {@code Cost} line. Without one,
 * the optimum a CVRPLIB file states in its comment ({@code Optimal value: 1763}) stands in.
 */
public record BenchInstance(Path file, Problem problem, OptionalDouble bestKnown) {

    private static final Pattern STATED = Pattern.compile("(?:Optimal|Best) value:\\s*([0-9]+(?:\\.[0-9]+)?)");

    /** Every instance under the folder ({@code .vrp}, and Solomon {@code .txt}), by name. */
    public static List<BenchInstance> under(Path folder) throws IOException {
        List<BenchInstance> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".vrp") || isSolomon(f))
                    .sorted()
                    .toList()) {
                found.add(of(file));
            }
        }
        return found;
    }

    private static boolean isSolomon(Path file) throws RuntimeException {
        if (!file.toString().endsWith(".txt")) {
            return false;
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.contains("VEHICLE") && text.contains("CUSTOMER");
        } catch (IOException e) {
            return false;
        }
    }

    public static BenchInstance of(Path file) throws IOException {
        Problem problem = Instances.read(file);
        String name = file.getFileName().toString();
        Path solution = file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".sol");
        OptionalDouble best = statedOptimum(Files.readString(file, StandardCharsets.UTF_8));
        if (Files.isRegularFile(solution)) {
            Plan known = SolutionFile.read(solution.getFileName().toString(), Files.readString(solution));
            List<String> broken = known.violations(problem);
            if (!broken.isEmpty()) {
                throw new InvalidProblemException(
                        solution.getFileName() + " is not a solution of " + name + ": " + broken.get(0) + ".");
            }
            best = OptionalDouble.of(known.cost(problem));
        }
        return new BenchInstance(file, problem, best);
    }

    private static OptionalDouble statedOptimum(String text) {
        Matcher stated = STATED.matcher(text.lines()
                .filter(line -> line.startsWith("COMMENT"))
                .findFirst()
                .orElse(""));
        return stated.find() ? OptionalDouble.of(Double.parseDouble(stated.group(1))) : OptionalDouble.empty();
    }

    /** How far above the best known a cost is, in percent; empty without a best known. */
    public OptionalDouble gapPercent(double cost) {
        return bestKnown.isEmpty()
                ? OptionalDouble.empty()
                : OptionalDouble.of(100 * (cost - bestKnown.getAsDouble()) / bestKnown.getAsDouble());
    }
}
