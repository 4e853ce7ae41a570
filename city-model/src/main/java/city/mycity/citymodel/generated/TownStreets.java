package city.mycity.citymodel.generated;

import city.mycity.citymodel.GeoPoint;
import city.mycity.citymodel.RoadClass;
import city.mycity.citymodel.Street;
import city.mycity.citymodel.placement.LocalFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Cuts the grid's lines into named streets: a main road keeps its name along its line and is split where it crosses
 * another main road; a residential street runs three to five blocks, or to the next main road, whichever is first.
 */
final class TownStreets {

    private final TownGrid grid;
    private final LocalFrame frame;
    private final StreetNames names;
    private final Random random;
    private final List<Street> streets = new ArrayList<>();
    private final String[] rowNames;
    private final String[] columnNames;
    /** The name of the street on each edge, for naming car parks: [r][c][0] east, [r][c][1] south. */
    private final String[][][] edgeNames;

    TownStreets(TownGrid grid, LocalFrame frame, Random random) {
        this.grid = grid;
        this.frame = frame;
        this.random = random;
        this.names = new StreetNames(random);
        int n = grid.lines;
        rowNames = new String[n];
        columnNames = new String[n];
        edgeNames = new String[n][n][2];
        for (RoadClass roadClass : new RoadClass[] {RoadClass.PRIMARY, RoadClass.SECONDARY, RoadClass.TERTIARY}) {
            for (int i = 0; i < n; i++) {
                if (grid.rowClass[i] == roadClass) {
                    rowNames[i] = names.next(roadClass);
                }
                if (grid.columnClass[i] == roadClass) {
                    columnNames[i] = names.next(roadClass);
                }
            }
        }
        for (int r = 0; r < n; r++) {
            cutLine(r, true);
        }
        for (int c = 0; c < n; c++) {
            cutLine(c, false);
        }
    }

    List<Street> streets() {
        return List.copyOf(streets);
    }

    /** The name of the street from (r, c) eastwards ({@code eastward}) or southwards, or {@code null}. */
    String nameAt(int r, int c, boolean eastward) {
        return edgeNames[r][c][eastward ? 0 : 1];
    }

    private void cutLine(int line, boolean isRow) {
        RoadClass roadClass = isRow ? grid.rowClass[line] : grid.columnClass[line];
        RoadClass[] crossing = isRow ? grid.columnClass : grid.rowClass;
        List<int[]> run = new ArrayList<>();
        int limit = 3 + random.nextInt(3);
        for (int k = 0; k < grid.lines - 1; k++) {
            int r = isRow ? line : k;
            int c = isRow ? k : line;
            boolean edge = isRow ? grid.east[r][c] : grid.south[r][c];
            if (!edge) {
                flush(run, line, isRow, roadClass);
                continue;
            }
            if (!run.isEmpty() && (crossing[k].isMain() || (!roadClass.isMain() && run.size() >= limit))) {
                flush(run, line, isRow, roadClass);
                limit = 3 + random.nextInt(3);
            }
            run.add(new int[] {r, c});
        }
        flush(run, line, isRow, roadClass);
    }

    private void flush(List<int[]> run, int line, boolean isRow, RoadClass roadClass) {
        if (run.isEmpty()) {
            return;
        }
        String lineName = isRow ? rowNames[line] : columnNames[line];
        String name = lineName != null ? lineName : names.next(roadClass);
        List<GeoPoint> points = new ArrayList<>();
        for (int[] edge : run) {
            points.add(pointAt(edge[0], edge[1]));
            edgeNames[edge[0]][edge[1]][isRow ? 0 : 1] = name;
        }
        int[] last = run.get(run.size() - 1);
        points.add(isRow ? pointAt(last[0], last[1] + 1) : pointAt(last[0] + 1, last[1]));
        streets.add(new Street(String.format("st-%04d", streets.size() + 1), name, roadClass, points));
        run.clear();
    }

    GeoPoint pointAt(int r, int c) {
        return frame.point(grid.x[r][c], grid.y[r][c]);
    }
}
