package city.mycity.citymodel.placement;

import city.mycity.citymodel.CarPark;
import city.mycity.citymodel.GeoPoint;
import city.mycity.reading.SensorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Numbers the car parks ({@code cp001}, ...), clamps their capacity to the plan's range and lays out one bay sensor
 * per space ({@code cp001-b0001}, ...) as a square grid, turned by a seeded angle, within 40 m of the car park.
 */
final class CarParkPlacer {

    /** Half the side of the largest bay grid: its corners stay within 40 m of the centre. */
    private static final double MAX_HALF_SIDE = 28;

    private static final double BAY_PITCH = 3;

    private final PlacementPlan plan;
    private final LocalFrame frame;
    private final Random random;

    CarParkPlacer(PlacementPlan plan, LocalFrame frame, Random random) {
        this.plan = plan;
        this.frame = frame;
        this.random = random;
    }

    List<CarPark> place(List<ParkingSite> sites, Fleet fleet) {
        List<CarPark> carParks = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            ParkingSite site = sites.get(i);
            String id = String.format("cp%03d", i + 1);
            String name = site.name() == null || site.name().isBlank() ? "Car park " + (i + 1) : site.name();
            int capacity = Math.max(plan.minCarParkBays(), Math.min(plan.maxCarParkBays(), site.capacity()));
            String zone = fleet.zoneAt(site.location()).id();
            carParks.add(new CarPark(id, name, zone, site.location(), capacity));
            placeBays(id, zone, site.location(), capacity, fleet);
        }
        return carParks;
    }

    private void placeBays(String carPark, String zone, GeoPoint centre, int capacity, Fleet fleet) {
        int side = (int) Math.ceil(Math.sqrt(capacity));
        double pitch = side <= 1 ? 0 : Math.min(BAY_PITCH, 2 * MAX_HALF_SIDE / (side - 1));
        double angle = random.nextDouble() * Math.PI / 2;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        for (int bay = 0; bay < capacity; bay++) {
            double u = (bay % side - (side - 1) / 2.0) * pitch;
            double v = ((side - 1) / 2.0 - bay / side) * pitch;
            GeoPoint at = frame.offset(centre, u * cos - v * sin, u * sin + v * cos);
            String id = String.format("%s-b%04d", carPark, bay + 1);
            fleet.addInZone(id, SensorKind.PARKING_BAY, zone, carPark, null, at);
        }
    }
}
