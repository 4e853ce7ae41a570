package city.mycity.citymodel.placement;

import city.mycity.citymodel.GeoPoint;
import city.mycity.citymodel.Sensor;
import city.mycity.citymodel.Zone;
import city.mycity.reading.SensorKind;
import java.util.ArrayList;
import java.util.List;

/** The sensors placed so far, each put in the zone it stands in and given that zone's gateway. */
final class Fleet {

    private final ZoneGrid grid;
    private final List<Sensor> sensors = new ArrayList<>();

    Fleet(ZoneGrid grid) {
        this.grid = grid;
    }

    Zone zoneAt(GeoPoint p) {
        return grid.zoneAt(p);
    }

    void add(String id, SensorKind kind, String street, GeoPoint location) {
        addInZone(id, kind, grid.zoneAt(location).id(), null, street, location);
    }

    void addInZone(String id, SensorKind kind, String zone, String site, String street, GeoPoint location) {
        sensors.add(new Sensor(id, kind, zone, ZoneGrid.gatewayId(zone), site, street, location));
    }

    List<Sensor> sensors() {
        return List.copyOf(sensors);
    }
}
