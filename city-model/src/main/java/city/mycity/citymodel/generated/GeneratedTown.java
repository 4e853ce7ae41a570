package city.mycity.citymodel.generated;

import city.mycity.citymodel.City;
import city.mycity.citymodel.GeoPoint;
import city.mycity.citymodel.Provenance;
import city.mycity.citymodel.RoadClass;
import city.mycity.citymodel.placement.CityFeatures;
import city.mycity.citymodel.placement.LocalFrame;
import city.mycity.citymodel.placement.ParkingSite;
import city.mycity.citymodel.placement.Placement;
import city.mycity.citymodel.placement.PlacementPlan;
import city.mycity.reading.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A plausible small town generated from a seed: a bent, jittered street grid with an irregular outline, main roads
 * crossing at the centre with traffic signals, residential streets with generated names, and car parks near the
 * centre. The same settings always give an equal {@link City}.
 */
public final class GeneratedTown {

    private GeneratedTown() {}

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a generated town; every setter states its default. */
    public static final class Builder {
        private long seed = 42;
        private String tenant = "demo-town";
        private String name = "Demo Town";
        private GeoPoint centre = new GeoPoint(52.05, -1.20);
        private double sizeMetres = 2400;
        private double blockMetres = 150;
        private int carParks = 12;
        private PlacementPlan placement;

        private Builder() {}

        /** The seed of every choice. By default, 42. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The tenant that owns the town's devices. By default, {@code demo-town}. */
        public Builder tenant(String tenant) {
            this.tenant = tenant;
            return this;
        }

        /** The display name. By default, "Demo Town". */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The town centre. By default, 52.05 N, 1.20 W (a fictional place in the English Midlands). */
        public Builder centre(GeoPoint centre) {
            this.centre = centre;
            return this;
        }

        /** The width and height of the street grid in metres (the built-up area is a little smaller). By default,
         * 2400 m. */
        public Builder sizeMetres(double metres) {
            this.sizeMetres = metres;
            return this;
        }

        /** The usual distance between two parallel streets. By default, 150 m. */
        public Builder blockMetres(double metres) {
            this.blockMetres = metres;
            return this;
        }

        /** How many car parks, nearest the centre first, plus a park and ride at the edge. By default, 12. */
        public Builder carParks(int count) {
            this.carParks = count;
            return this;
        }

        /** How sensors are placed. By default, {@link PlacementPlan#defaults()} with the town's seed. */
        public Builder placement(PlacementPlan plan) {
            this.placement = plan;
            return this;
        }

        /** Generates the town; throws an {@link IllegalStateException} when a setting is out of range. */
        public City build() {
            check(Identifiers.isValid(tenant), "Tenant must be a valid identifier, but was: " + tenant);
            check(name != null && !name.isBlank(), "Name must not be blank");
            check(centre != null, "Centre must not be null");
            check(sizeMetres >= 500 && sizeMetres <= 20_000, "Size must be 500 to 20000 m");
            check(blockMetres >= 50 && blockMetres <= sizeMetres / 6, "Block must be 50 m to a sixth of the size");
            check(carParks >= 1 && carParks <= 60, "Car parks must be 1 to 60");
            PlacementPlan plan = placement != null
                    ? placement
                    : PlacementPlan.builder().seed(seed).build();
            Random random = new Random(seed);
            LocalFrame frame = new LocalFrame(centre);
            TownGrid grid = new TownGrid(sizeMetres, blockMetres, random);
            TownStreets streets = new TownStreets(grid, frame, random);
            List<ParkingSite> sites = TownCarParks.place(grid, streets, frame, carParks, random);
            CityFeatures features = new CityFeatures(streets.streets(), sites, signals(grid, streets));
            Provenance provenance = new Provenance(
                    "generated town, seed " + seed,
                    null,
                    null,
                    List.of(
                            "Streets, car parks and traffic signals were generated from seed " + seed
                                    + "; the town is fictional.",
                            "Sensors were placed deterministically along the generated streets."));
            return Placement.place(features, plan, tenant, name, provenance);
        }

        /** Signals where two main roads cross, unless both are only tertiary or secondary meets tertiary. */
        private static List<GeoPoint> signals(TownGrid grid, TownStreets streets) {
            List<GeoPoint> signals = new ArrayList<>();
            for (int r = 0; r < grid.lines; r++) {
                for (int c = 0; c < grid.lines; c++) {
                    if (grid.isCrossing(r, c) && signalled(grid.rowClass[r], grid.columnClass[c])) {
                        signals.add(streets.pointAt(r, c));
                    }
                }
            }
            return signals;
        }

        private static boolean signalled(RoadClass a, RoadClass b) {
            if (!a.isMain() || !b.isMain()) {
                return false;
            }
            boolean bigA = a.compareTo(RoadClass.SECONDARY) <= 0;
            boolean bigB = b.compareTo(RoadClass.SECONDARY) <= 0;
            return (bigA && bigB) || a == RoadClass.PRIMARY || b == RoadClass.PRIMARY;
        }

        private static void check(boolean ok, String message) {
            if (!ok) {
                throw new IllegalStateException(message + ".");
            }
        }
    }
}
