package city.mycity.citymodel.placement;

import city.mycity.citymodel.GeoPoint;
import city.mycity.citymodel.Street;
import java.util.List;

/** What a source (an OSM extract, a generated town) provides: the real things that sensors are placed along. */
public record CityFeatures(List<Street> streets, List<ParkingSite> parkingSites, List<GeoPoint> trafficSignals) {

    public CityFeatures {
        streets = List.copyOf(streets);
        parkingSites = List.copyOf(parkingSites);
        trafficSignals = List.copyOf(trafficSignals);
    }
}
