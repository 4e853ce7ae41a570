package city.mycity.citymodel.generated;

import city.mycity.citymodel.GeoPoint;
import city.mycity.citymodel.RoadClass;
import city.mycity.citymodel.placement.LocalFrame;
import city.mycity.citymodel.placement.ParkingSite;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Car parks of a generated town, inside whole blocks: the market square at the centre, a couple of multi-storeys and
 * surface car parks around it, and a park and ride on the primary road at the edge of town.
 */
final class TownCarParks {

    private TownCarParks() {}

    static List<ParkingSite> place(TownGrid grid, TownStreets streets, LocalFrame frame, int count, Random random) {
        List<int[]> blocks = new ArrayList<>();
        for (int r = 0; r + 1 < grid.lines; r++) {
            for (int c = 0; c + 1 < grid.lines; c++) {
                if (grid.east[r][c] && grid.south[r][c] && grid.east[r + 1][c] && grid.south[r][c + 1]) {
                    blocks.add(new int[] {r, c});
                }
            }
        }
        double cx = grid.x[grid.centre()][grid.centre()];
        double cy = grid.y[grid.centre()][grid.centre()];
        blocks.sort(Comparator.comparingDouble(b -> Math.hypot(centreX(grid, b) - cx, centreY(grid, b) - cy)));
        List<int[]> chosen = new ArrayList<>();
        int[] parkAndRide = count > 2 ? parkAndRideBlock(grid, blocks) : null;
        for (int[] block : blocks) {
            if (chosen.size() >= count - (parkAndRide == null ? 0 : 1)) {
                break;
            }
            boolean farEnough =
                    chosen.stream().allMatch(o -> Math.abs(o[0] - block[0]) + Math.abs(o[1] - block[1]) >= 2);
            if (block != parkAndRide && farEnough && (chosen.isEmpty() || random.nextDouble() < 0.6)) {
                chosen.add(block);
            }
        }
        List<ParkingSite> sites = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < chosen.size(); i++) {
            int[] b = chosen.get(i);
            GeoPoint at = frame.point(centreX(grid, b), centreY(grid, b));
            if (i == 0) {
                sites.add(new ParkingSite("Market Square Car Park", at, 150 + random.nextInt(60)));
            } else if (i <= 2) {
                sites.add(new ParkingSite(nameFor(streets, b, used) + " Multi-Storey", at, 250 + random.nextInt(150)));
            } else {
                sites.add(new ParkingSite(nameFor(streets, b, used) + " Car Park", at, 30 + random.nextInt(120)));
            }
        }
        if (parkAndRide != null) {
            GeoPoint at = frame.point(centreX(grid, parkAndRide), centreY(grid, parkAndRide));
            sites.add(new ParkingSite("Park and Ride", at, 300 + random.nextInt(100)));
        }
        return sites;
    }

    /** The block beside the primary row that lies farthest east. */
    private static int[] parkAndRideBlock(TownGrid grid, List<int[]> blocks) {
        return blocks.stream()
                .filter(b -> grid.rowClass[b[0]] == RoadClass.PRIMARY || grid.rowClass[b[0] + 1] == RoadClass.PRIMARY)
                .max(Comparator.comparingInt((int[] b) -> b[1]))
                .orElse(null);
    }

    private static String nameFor(TownStreets streets, int[] b, Set<String> used) {
        String[] sides = {
            streets.nameAt(b[0], b[1], true),
            streets.nameAt(b[0], b[1], false),
            streets.nameAt(b[0] + 1, b[1], true),
            streets.nameAt(b[0], b[1] + 1, false)
        };
        for (String side : sides) {
            if (side != null && used.add(side)) {
                return side;
            }
        }
        String fallback = sides[0] + " " + used.size();
        used.add(fallback);
        return fallback;
    }

    private static double centreX(TownGrid g, int[] b) {
        return (g.x[b[0]][b[1]] + g.x[b[0]][b[1] + 1] + g.x[b[0] + 1][b[1]] + g.x[b[0] + 1][b[1] + 1]) / 4;
    }

    private static double centreY(TownGrid g, int[] b) {
        return (g.y[b[0]][b[1]] + g.y[b[0]][b[1] + 1] + g.y[b[0] + 1][b[1]] + g.y[b[0] + 1][b[1] + 1]) / 4;
    }
}
