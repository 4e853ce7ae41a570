package city.mycity.citymodel.generated;

import city.mycity.citymodel.RoadClass;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;

/**
 * The street network of a generated town, in metres around its centre (x east, y north): a grid of jittered
 * intersections, gently bent, cut to an irregular round outline, with a few residential blocks merged. Main roads
 * (one primary, two secondary, two tertiary lines each way) cross the centre; the primary and secondary ones run on
 * out of town. Row 0 is the northernmost line, column 0 the westernmost.
 */
final class TownGrid {

    final int lines;
    final double spacing;
    final double[][] x;
    final double[][] y;
    final boolean[][] node;
    /** {@code east[r][c]}: a street from (r, c) to (r, c + 1). */
    final boolean[][] east;
    /** {@code south[r][c]}: a street from (r, c) to (r + 1, c). */
    final boolean[][] south;

    final RoadClass[] rowClass;
    final RoadClass[] columnClass;

    TownGrid(double size, double block, Random random) {
        lines = Math.max(7, (int) Math.round(size / block) + 1);
        spacing = size / (lines - 1);
        rowClass = lineClasses(random);
        columnClass = lineClasses(random);
        x = new double[lines][lines];
        y = new double[lines][lines];
        node = new boolean[lines][lines];
        east = new boolean[lines][lines];
        south = new boolean[lines][lines];
        boolean[][] inTown = new boolean[lines][lines];
        double jitter = spacing * 0.12;
        double bendPhase = random.nextDouble() * Math.PI;
        double[] outline = {random.nextDouble() * 6.3, random.nextDouble() * 6.3};
        for (int r = 0; r < lines; r++) {
            for (int c = 0; c < lines; c++) {
                double jx = (random.nextDouble() * 2 - 1) * jitter * (columnClass[c].isMain() ? 0.4 : 1);
                double jy = (random.nextDouble() * 2 - 1) * jitter * (rowClass[r].isMain() ? 0.4 : 1);
                double gx = -size / 2 + c * spacing;
                double gy = size / 2 - r * spacing;
                x[r][c] = gx + jx + 0.03 * size * Math.sin(Math.PI * gy / size + bendPhase);
                y[r][c] = gy + jy + 0.04 * size * Math.sin(Math.PI * gx / size + bendPhase);
                double angle = Math.atan2(gy, gx);
                double radius = size
                        / 2
                        * (0.8 + 0.1 * Math.sin(3 * angle + outline[0]) + 0.08 * Math.sin(5 * angle + outline[1]));
                inTown[r][c] = Math.hypot(gx, gy) <= radius;
                node[r][c] = inTown[r][c] || runsOutOfTown(rowClass[r]) || runsOutOfTown(columnClass[c]);
            }
        }
        for (int r = 0; r < lines; r++) {
            for (int c = 0; c < lines; c++) {
                east[r][c] = c + 1 < lines
                        && node[r][c]
                        && node[r][c + 1]
                        && (runsOutOfTown(rowClass[r]) || inTown[r][c] && inTown[r][c + 1]);
                south[r][c] = r + 1 < lines
                        && node[r][c]
                        && node[r + 1][c]
                        && (runsOutOfTown(columnClass[c]) || inTown[r][c] && inTown[r + 1][c]);
            }
        }
        mergeSomeBlocks(random);
        keepConnectedToCentre();
    }

    int centre() {
        return lines / 2;
    }

    /** Whether streets on both the row and the column meet at (r, c). */
    boolean isCrossing(int r, int c) {
        return (east[r][c] || (c > 0 && east[r][c - 1])) && (south[r][c] || (r > 0 && south[r - 1][c]));
    }

    private RoadClass[] lineClasses(Random random) {
        RoadClass[] classes = new RoadClass[lines];
        java.util.Arrays.fill(classes, RoadClass.RESIDENTIAL);
        int mid = lines / 2;
        int secondary = Math.max(2, (int) Math.round(lines * 0.18));
        int tertiary = secondary + Math.max(2, (int) Math.round(lines * 0.15));
        classes[mid] = RoadClass.PRIMARY;
        mark(classes, mid - secondary - random.nextInt(2), RoadClass.SECONDARY);
        mark(classes, mid + secondary + random.nextInt(2), RoadClass.SECONDARY);
        mark(classes, mid - tertiary - random.nextInt(2), RoadClass.TERTIARY);
        mark(classes, mid + tertiary + random.nextInt(2), RoadClass.TERTIARY);
        return classes;
    }

    private static void mark(RoadClass[] classes, int line, RoadClass roadClass) {
        if (line > 0 && line < classes.length - 1 && classes[line] == RoadClass.RESIDENTIAL) {
            classes[line] = roadClass;
        }
    }

    private static boolean runsOutOfTown(RoadClass roadClass) {
        return roadClass == RoadClass.PRIMARY || roadClass == RoadClass.SECONDARY;
    }

    /** Removes about one residential street in twelve, never one whose loss would cut the town in two. */
    private void mergeSomeBlocks(Random random) {
        for (int r = 0; r < lines; r++) {
            for (int c = 0; c < lines; c++) {
                if (east[r][c] && !rowClass[r].isMain() && random.nextDouble() < 0.08) {
                    east[r][c] = false;
                    east[r][c] = !stillConnected(r, c, r, c + 1);
                }
                if (south[r][c] && !columnClass[c].isMain() && random.nextDouble() < 0.08) {
                    south[r][c] = false;
                    south[r][c] = !stillConnected(r, c, r + 1, c);
                }
            }
        }
    }

    private boolean stillConnected(int r0, int c0, int r1, int c1) {
        return reachable(r0, c0)[r1][c1];
    }

    private void keepConnectedToCentre() {
        boolean[][] reached = reachable(centre(), centre());
        for (int r = 0; r < lines; r++) {
            for (int c = 0; c < lines; c++) {
                if (!reached[r][c]) {
                    node[r][c] = false;
                    east[r][c] = false;
                    south[r][c] = false;
                }
            }
        }
    }

    private boolean[][] reachable(int r0, int c0) {
        boolean[][] seen = new boolean[lines][lines];
        Deque<int[]> queue = new ArrayDeque<>();
        seen[r0][c0] = true;
        queue.add(new int[] {r0, c0});
        while (!queue.isEmpty()) {
            int[] at = queue.poll();
            int r = at[0];
            int c = at[1];
            visit(seen, queue, east[r][c], r, c + 1);
            visit(seen, queue, south[r][c], r + 1, c);
            visit(seen, queue, c > 0 && east[r][c - 1], r, c - 1);
            visit(seen, queue, r > 0 && south[r - 1][c], r - 1, c);
        }
        return seen;
    }

    private static void visit(boolean[][] seen, Deque<int[]> queue, boolean linked, int r, int c) {
        if (linked && !seen[r][c]) {
            seen[r][c] = true;
            queue.add(new int[] {r, c});
        }
    }
}
