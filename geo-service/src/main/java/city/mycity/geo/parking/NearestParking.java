package city.mycity.geo.parking;

import city.mycity.citymodel.GeoPoint;
import city.mycity.geo.driving.DrivingTimes;
import city.mycity.routing.road.Travel;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The places to park with free spaces nearest to a motorist: car parks and streets with free bays, ranked by driving
 * time on the city's roads (one-way streets included); by straight-line distance, and car parks only, when the city
 * has no road graph. What cannot be driven to is left out.
 */
public final class NearestParking {

    /** The first search reaches this far (seconds of driving); each next one four times as far. */
    static final double FIRST_HORIZON_SECONDS = 120;

    /** Past this, the search reaches everywhere. */
    static final double LAST_HORIZON_SECONDS = 2_000;

    private final ParkingNow now;
    private final Optional<DrivingTimes> driving;

    public NearestParking(ParkingNow now, Optional<DrivingTimes> driving) {
        this.now = now;
        this.driving = driving;
    }

    public List<NearbyParking> from(GeoPoint origin, int limit) throws SQLException {
        ParkingNow.State state = now.get();
        List<CarParkStatus> open = state.carParks().stream()
                .filter(cp -> cp.free() != null && cp.free() > 0)
                .toList();
        if (driving.isEmpty()) {
            return open.stream()
                    .map(cp -> carPark(cp, origin, null))
                    .sorted(Comparator.comparingDouble(NearbyParking::distanceMetres))
                    .limit(limit)
                    .toList();
        }
        List<FreeStreets.FreeStreet> free = state.freeStreets();
        List<GeoPoint> places = new ArrayList<>();
        open.forEach(cp -> places.add(cp.location()));
        free.forEach(street -> places.addAll(street.freeBays()));
        // The nearest are near: search a few minutes' drive around first, further only when too few are found there.
        List<NearbyParking> found = List.of();
        for (double horizon = FIRST_HORIZON_SECONDS; ; horizon *= 4) {
            boolean everywhere = horizon > LAST_HORIZON_SECONDS;
            Travel[] travels = driving.get().within(origin, places, everywhere ? Double.POSITIVE_INFINITY : horizon);
            found = reached(origin, open, free, travels);
            if (found.size() >= limit || everywhere) {
                break;
            }
        }
        return found.stream()
                .sorted(Comparator.comparingDouble(
                                (NearbyParking p) -> p.driving().seconds())
                        .thenComparing(NearbyParking::id))
                .limit(limit)
                .toList();
    }

    /** The car parks and streets the travels reach, each street by its nearest free bay. */
    private static List<NearbyParking> reached(
            GeoPoint origin, List<CarParkStatus> open, List<FreeStreets.FreeStreet> free, Travel[] travels) {
        List<NearbyParking> found = new ArrayList<>();
        int k = 0;
        for (CarParkStatus cp : open) {
            Travel travel = travels[k++];
            if (travel.reachable()) {
                found.add(carPark(cp, origin, travel));
            }
        }
        for (FreeStreets.FreeStreet street : free) {
            Travel best = Travel.UNREACHABLE;
            GeoPoint bay = null;
            for (GeoPoint location : street.freeBays()) {
                Travel travel = travels[k++];
                if (travel.seconds() < best.seconds()) {
                    best = travel;
                    bay = location;
                }
            }
            if (best.reachable()) {
                found.add(new NearbyParking(
                        NearbyParking.STREET,
                        street.id(),
                        street.name(),
                        bay,
                        street.freeBays().size(),
                        null,
                        origin.distanceTo(bay),
                        best));
            }
        }
        return found;
    }

    private static NearbyParking carPark(CarParkStatus cp, GeoPoint origin, Travel travel) {
        return new NearbyParking(
                NearbyParking.CAR_PARK,
                cp.id(),
                cp.name(),
                cp.location(),
                cp.free(),
                cp,
                origin.distanceTo(cp.location()),
                travel);
    }
}
