package city.mycity.citymodel.placement;

import city.mycity.citymodel.BoundingBox;
import city.mycity.citymodel.CarPark;
import city.mycity.citymodel.City;
import city.mycity.citymodel.GeoPoint;
import city.mycity.citymodel.Provenance;
import city.mycity.citymodel.RoadClass;
import city.mycity.citymodel.Street;
import city.mycity.reading.SensorKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns a source's {@link CityFeatures} into a {@link City}: zones, gateways, car parks and a sensor fleet, all placed
 * deterministically from the {@link PlacementPlan}'s seed. The same features and plan always give an equal city.
 */
public final class Placement {

    private static final Set<RoadClass> BAY_STREETS =
            EnumSet.of(RoadClass.RESIDENTIAL, RoadClass.UNCLASSIFIED, RoadClass.LIVING_STREET, RoadClass.TERTIARY);

    private Placement() {}

    /**
     * Places the fleet and returns the city; its provenance is {@code source} with notes on what was placed added.
     *
     * @throws IllegalArgumentException when the features hold no street
     */
    public static City place(CityFeatures features, PlacementPlan plan, String tenant, String name, Provenance source) {
        if (features.streets().isEmpty()) {
            throw new IllegalArgumentException("A city needs at least one street to place sensors along.");
        }
        GeoPoint centre = medianOf(features.streets());
        LocalFrame frame = new LocalFrame(centre);
        BoundingBox bounds = boundsOf(features, frame, plan.boundsMarginMetres());
        ZoneGrid grid = new ZoneGrid(bounds, plan.zoneRows(), plan.zoneColumns());
        Fleet fleet = new Fleet(grid);
        Random random = new Random(plan.seed());
        List<StreetPath> paths = features.streets().stream()
                .map(s -> new StreetPath(s, frame))
                .sorted(Comparator.comparingDouble(StreetPath::distanceFromCentre)
                        .thenComparing(p -> p.street().id()))
                .toList();

        List<CarPark> carParks = new CarParkPlacer(plan, frame, random).place(features.parkingSites(), fleet);
        int bays = along(
                new AlongStreets(plan.streetBaySpacingMetres(), plan.streetBaysPerStreet(), 3),
                paths,
                s -> BAY_STREETS.contains(s.roadClass()),
                plan.maxStreetBays(),
                "bay-%05d",
                SensorKind.PARKING_BAY,
                frame,
                random,
                fleet);
        int bins = along(
                new AlongStreets(plan.binSpacingMetres(), Integer.MAX_VALUE, 5),
                paths,
                s -> s.roadClass() == RoadClass.RESIDENTIAL,
                plan.maxBins(),
                "bin-%05d",
                SensorKind.BIN,
                frame,
                random,
                fleet);
        List<StreetPath> mainStreets = select(paths, s -> s.roadClass().isMain());
        int counters =
                new CounterPlacer(plan, frame).place(features.trafficSignals(), mainStreets, paths, random, fleet);
        int water = along(
                new AlongStreets(plan.waterSpacingMetres(), Integer.MAX_VALUE, 2),
                paths,
                s -> s.roadClass().isMain() && s.roadClass() != RoadClass.MOTORWAY,
                plan.maxWaterSensors(),
                "ws-%04d",
                SensorKind.WATER,
                frame,
                random,
                fleet);

        List<String> notes = new ArrayList<>(source.notes());
        notes.add(String.format(
                "Placed deterministically (seed %d): %d car-park bay sensors (capacities clamped to %d-%d), %d on-street"
                        + " bays, %d bins every %.0f m along residential streets, %d traffic counters, %d water sensors"
                        + " every %.0f m along main roads; streets nearest the centre first.",
                plan.seed(),
                carParks.stream().mapToInt(CarPark::capacity).sum(),
                plan.minCarParkBays(),
                plan.maxCarParkBays(),
                bays,
                bins,
                plan.binSpacingMetres(),
                counters,
                water,
                plan.waterSpacingMetres()));
        Provenance provenance = new Provenance(source.source(), source.licence(), source.attribution(), notes);
        return new City(
                tenant,
                name,
                bounds,
                grid.zones(),
                features.streets(),
                carParks,
                grid.gateways(),
                fleet.sensors(),
                provenance,
                features.trafficSignals());
    }

    /** Places devices numbered by {@code idFormat} along the chosen streets; returns how many. */
    private static int along(
            AlongStreets rule,
            List<StreetPath> paths,
            Predicate<Street> which,
            int cap,
            String idFormat,
            SensorKind kind,
            LocalFrame frame,
            Random random,
            Fleet fleet) {
        int[] number = {0};
        return rule.place(select(paths, which), frame, cap, random, (street, at) -> {
            fleet.add(
                    String.format(idFormat, ++number[0]), kind, street.street().id(), at);
            return true;
        });
    }

    private static List<StreetPath> select(List<StreetPath> paths, Predicate<Street> which) {
        return paths.stream().filter(p -> which.test(p.street())).toList();
    }

    /** The median street vertex: the centre of where the streets are, robust to long roads out of town. */
    private static GeoPoint medianOf(List<Street> streets) {
        double[] lats = streets.stream()
                .flatMap(s -> s.points().stream())
                .mapToDouble(GeoPoint::latitude)
                .toArray();
        double[] lons = streets.stream()
                .flatMap(s -> s.points().stream())
                .mapToDouble(GeoPoint::longitude)
                .toArray();
        Arrays.sort(lats);
        Arrays.sort(lons);
        return new GeoPoint(lats[lats.length / 2], lons[lons.length / 2]);
    }

    private static BoundingBox boundsOf(CityFeatures features, LocalFrame frame, double margin) {
        List<GeoPoint> all = new ArrayList<>(features.trafficSignals());
        features.streets().forEach(s -> all.addAll(s.points()));
        features.parkingSites().forEach(p -> all.add(p.location()));
        double minLat = all.stream().mapToDouble(GeoPoint::latitude).min().orElseThrow();
        double maxLat = all.stream().mapToDouble(GeoPoint::latitude).max().orElseThrow();
        double minLon = all.stream().mapToDouble(GeoPoint::longitude).min().orElseThrow();
        double maxLon = all.stream().mapToDouble(GeoPoint::longitude).max().orElseThrow();
        GeoPoint corner = frame.offset(frame.origin(), margin, margin);
        double dLat = corner.latitude() - frame.origin().latitude();
        double dLon = corner.longitude() - frame.origin().longitude();
        return new BoundingBox(
                Math.max(-90, minLat - dLat),
                Math.max(-180, minLon - dLon),
                Math.min(90, maxLat + dLat),
                Math.min(180, maxLon + dLon));
    }
}
