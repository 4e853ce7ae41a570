package city.mycity.routing.vrp.io;

import city.mycity.routing.vrp.InvalidProblemException;
import city.mycity.routing.vrp.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CVRPLIB instance ({@code .vrp}, TSPLIB's format): {@code NAME}, {@code DIMENSION}, {@code CAPACITY}, {@code
 * EDGE_WEIGHT_TYPE : EUC_2D}, optionally {@code VEHICLES}, then {@code NODE_COORD_SECTION}, {@code DEMAND_SECTION} and
 * {@code DEPOT_SECTION}. The cost between two nodes is CVRPLIB's: the Euclidean distance rounded to the nearest
 * integer. Customers are numbered 1..n in node order, the depot left out, as CVRPLIB's {@code .sol} files number them.
 */
public final class CvrplibReader {

    private CvrplibReader() {}

    public static Problem read(String source, String text) {
        Lines lines = new Lines(source, text);
        Map<String, String> header = new HashMap<>();
        Map<Integer, double[]> coordinates = new LinkedHashMap<>();
        Map<Integer, Integer> demands = new HashMap<>();
        List<Integer> depots = new ArrayList<>();
        String section = null;
        for (Lines.Line line : lines) {
            String content = line.text().trim();
            if (content.isEmpty()) {
                continue;
            }
            if (content.equals("EOF")) {
                break;
            }
            if (content.endsWith("_SECTION")) {
                section = content;
                continue;
            }
            if (section == null) {
                int colon = content.indexOf(':');
                if (colon < 0) {
                    throw line.error("expected 'KEY : value' or a section");
                }
                header.put(
                        content.substring(0, colon).trim(),
                        content.substring(colon + 1).trim());
                continue;
            }
            String[] words = content.split("\\s+");
            switch (section) {
                case "NODE_COORD_SECTION" -> {
                    line.expectWords(words, 3);
                    coordinates.put(
                            line.integer(words[0]), new double[] {line.number(words[1]), line.number(words[2])});
                }
                case "DEMAND_SECTION" -> {
                    line.expectWords(words, 2);
                    demands.put(line.integer(words[0]), line.integer(words[1]));
                }
                case "DEPOT_SECTION" -> {
                    int depot = line.integer(words[0]);
                    if (depot != -1) {
                        depots.add(depot);
                    }
                }
                default -> throw line.error("unknown section " + section);
            }
        }
        return problem(source, header, coordinates, demands, depots);
    }

    private static Problem problem(
            String source,
            Map<String, String> header,
            Map<Integer, double[]> coordinates,
            Map<Integer, Integer> demands,
            List<Integer> depots) {
        String type = header.getOrDefault("EDGE_WEIGHT_TYPE", "");
        if (!type.equals("EUC_2D")) {
            throw new InvalidProblemException(
                    source + ": EDGE_WEIGHT_TYPE '" + type + "' is not supported (EUC_2D is).");
        }
        int dimension = positive(source, header, "DIMENSION");
        int capacity = positive(source, header, "CAPACITY");
        if (coordinates.size() != dimension || demands.size() != dimension) {
            throw new InvalidProblemException(source + ": DIMENSION is " + dimension + " but there are "
                    + coordinates.size() + " coordinates and " + demands.size() + " demands.");
        }
        int depot = depots.isEmpty() ? coordinates.keySet().iterator().next() : depots.get(0);
        if (!coordinates.containsKey(depot)) {
            throw new InvalidProblemException(source + ": the depot " + depot + " has no coordinates.");
        }
        List<Integer> order = new ArrayList<>();
        order.add(depot);
        coordinates.keySet().stream().sorted().filter(id -> id != depot).forEach(order::add);
        int n = order.size();
        double[][] cost = new double[n][n];
        int[] demand = new int[n];
        for (int i = 0; i < n; i++) {
            double[] a = coordinates.get(order.get(i));
            Integer d = demands.get(order.get(i));
            if (d == null) {
                throw new InvalidProblemException(source + ": node " + order.get(i) + " has no demand.");
            }
            demand[i] = i == 0 ? 0 : d;
            for (int j = 0; j < n; j++) {
                double[] b = coordinates.get(order.get(j));
                cost[i][j] = Math.rint(Math.hypot(a[0] - b[0], a[1] - b[1]));
            }
        }
        Problem.Builder builder = Problem.builder(header.getOrDefault("NAME", source), cost, demand, capacity);
        if (header.containsKey("VEHICLES")) {
            builder.vehicles(positive(source, header, "VEHICLES"));
        }
        return builder.build();
    }

    private static int positive(String source, Map<String, String> header, String key) {
        String value = header.get(key);
        if (value == null) {
            throw new InvalidProblemException(source + ": " + key + " is missing.");
        }
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidProblemException(
                source + ": " + key + " must be a positive whole number, not '" + value + "'.");
    }
}
