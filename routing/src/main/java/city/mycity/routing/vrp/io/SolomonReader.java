package city.mycity.routing.vrp.io;

import city.mycity.routing.vrp.InvalidProblemException;
import city.mycity.routing.vrp.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Solomon instance (vehicle routing with time windows): its name, {@code VEHICLE} with the number and the
 * capacity, then {@code CUSTOMER} rows of number, x, y, demand, ready time, due date and service time, the depot (0)
 * first. Travel costs and times are the Euclidean distances truncated to one decimal, and a plan's cost is given with
 * one decimal: the convention of the published best-known distances (1637.7 on R101; with exact distances the same
 * routes cost 1642.9) and of PyVRP's instance set, which ours come from.
 */
public final class SolomonReader {

    private SolomonReader() {}

    public static Problem read(String source, String text) {
        String name = null;
        int vehicles = -1;
        int capacity = -1;
        boolean vehicleNext = false;
        List<double[]> rows = new ArrayList<>();
        for (Lines.Line line : new Lines(source, text)) {
            String content = line.text().trim();
            if (content.isEmpty()
                    || content.startsWith("VEHICLE")
                    || content.startsWith("CUSTOMER")
                    || content.startsWith("CUST")) {
                continue;
            }
            if (content.startsWith("NUMBER")) {
                vehicleNext = true;
                continue;
            }
            if (name == null) {
                name = content;
                continue;
            }
            String[] words = content.split("\\s+");
            if (vehicleNext) {
                line.expectWords(words, 2);
                vehicles = line.integer(words[0]);
                capacity = line.integer(words[1]);
                vehicleNext = false;
                continue;
            }
            line.expectWords(words, 7);
            double[] row = new double[7];
            for (int i = 0; i < 7; i++) {
                row[i] = line.number(words[i]);
            }
            if (row[0] != rows.size()) {
                throw line.error("customer " + (int) row[0] + " where " + rows.size() + " was expected");
            }
            rows.add(row);
        }
        if (name == null || vehicles <= 0 || capacity <= 0 || rows.size() < 2) {
            throw new InvalidProblemException(source + ": not a Solomon instance (a name, VEHICLE NUMBER and CAPACITY,"
                    + " and CUSTOMER rows with the depot first are needed).");
        }
        int n = rows.size();
        double[][] cost = new double[n][n];
        int[] demand = new int[n];
        double[] ready = new double[n];
        double[] due = new double[n];
        double[] service = new double[n];
        for (int i = 0; i < n; i++) {
            double[] a = rows.get(i);
            demand[i] = i == 0 ? 0 : (int) a[3];
            ready[i] = a[4];
            due[i] = a[5];
            service[i] = a[6];
            for (int j = 0; j < n; j++) {
                double[] b = rows.get(j);
                cost[i][j] = Math.floor(Math.hypot(a[1] - b[1], a[2] - b[2]) * 10) / 10;
            }
        }
        return Problem.builder(name, cost, demand, capacity)
                .vehicles(vehicles)
                .timeWindows(ready, due, service)
                .costDecimals(1)
                .build();
    }
}
