package city.mycity.geo.opendata;

import city.mycity.reading.SensorKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The city's open datasets: nothing personal is in any of them (no contact details, no accounts, no credentials).
 * Car parks and their forecasts, where the sensors are, the readings of each kind of field sensor, the hourly rollups,
 * and the problems the public reported (without who reported them).
 */
public final class Datasets {

    private static final String SENSORS_ARE = "Measured by the council's own sensors, sent through its edge gateways or"
            + " directly, checked (registered device, known quantity, unit and range, time) and stored by the MyCity"
            + " platform; readings that fail a check are not published.";

    private Datasets() {}

    public static List<Dataset> all() {
        List<Dataset> all = new ArrayList<>();
        all.add(new Dataset(
                "car-park-availability",
                "Car park availability",
                "Every car park with its capacity and, as counted now by its bay sensors, the bays occupied and free.",
                List.of("parking", "car parks", "availability"),
                "PT1M",
                SENSORS_ARE + " Occupancy is the count of occupied bays at the newest bay reading.",
                "SELECT max(o.updated_at) FROM car_park_occupancy o WHERE o.tenant_id = ?",
                "SELECT c.id AS car_park, c.name, c.zone_id AS zone, c.capacity, o.occupied,"
                        + " greatest(c.capacity - o.occupied, 0) AS free, o.time AS counted_at, c.latitude,"
                        + " c.longitude FROM car_park c LEFT JOIN car_park_occupancy o ON o.tenant_id = c.tenant_id"
                        + " AND o.car_park_id = c.id WHERE c.tenant_id = ? ORDER BY c.id",
                List.of("car_park", "name", "zone", "capacity", "occupied", "free", "counted_at"),
                true,
                null,
                null));
        all.add(new Dataset(
                "car-park-forecasts",
                "Car park availability forecasts",
                "For each car park, the bays expected to be occupied at several horizons ahead, as last forecast.",
                List.of("parking", "car parks", "forecast"),
                "PT15M",
                "Forecast by the MyCity platform from each car park's own occupancy history (issued_at says when);"
                        + " a forecast uses only what was known at its issue time.",
                "SELECT max(f.updated_at) FROM car_park_forecast f WHERE f.tenant_id = ?",
                "SELECT f.car_park_id AS car_park, f.horizon_min AS horizon_minutes, f.issued_at,"
                        + " round(f.occupied::numeric, 1) AS occupied, f.bays, c.latitude, c.longitude FROM"
                        + " car_park_forecast f JOIN car_park c ON c.tenant_id = f.tenant_id AND c.id = f.car_park_id"
                        + " WHERE f.tenant_id = ? ORDER BY f.car_park_id, f.horizon_min",
                List.of("car_park", "horizon_minutes", "issued_at", "occupied", "bays"),
                true,
                null,
                null));
        all.add(new Dataset(
                "sensor-locations",
                "Sensor locations",
                "Where each of the city's sensors and gateways is, what kind it is and whether it is in service.",
                List.of("sensors", "internet of things", "locations"),
                "P1D",
                "The council's device registry, as its operators keep it.",
                "SELECT max(d.updated_at) FROM device d WHERE d.tenant_id = ?",
                "SELECT d.id AS device, d.kind, d.zone_id AS zone, d.status, d.installed_on, d.latitude, d.longitude"
                        + " FROM device d WHERE d.tenant_id = ? ORDER BY d.id",
                List.of("device", "kind", "zone", "status", "installed_on"),
                true,
                null,
                null));
        for (SensorKind kind : SensorKind.values()) {
            if (!kind.isFieldSensor()) {
                continue;
            }
            all.add(new Dataset(
                    "readings-" + kind.code(),
                    "Readings of " + kind.code() + " sensors",
                    kind.description() + ". Every reading, with its device, quantity, time and unit.",
                    List.of("sensors", "readings", kind.code()),
                    "PT1M",
                    SENSORS_ARE,
                    "SELECT max(s.updated_at) FROM sensor_state s JOIN device d ON d.tenant_id = s.tenant_id AND d.id"
                            + " = s.device_id WHERE s.tenant_id = ? AND d.kind = '" + kind.code() + "'",
                    "SELECT r.device_id AS device, r.quantity, r.time, r.value, r.unit, d.latitude, d.longitude FROM"
                            + " reading r JOIN device d ON d.tenant_id = r.tenant_id AND d.id = r.device_id WHERE"
                            + " r.tenant_id = ? AND d.kind = '" + kind.code() + "' AND r.time >= ? AND r.time < ?"
                            + " ORDER BY r.time",
                    List.of("device", "quantity", "time", "value", "unit"),
                    true,
                    Duration.ofDays(1),
                    Duration.ofDays(31)));
        }
        all.add(new Dataset(
                "hourly-rollups",
                "Hourly rollups of every sensor",
                "For each sensor, quantity and hour: how many readings, and their mean, minimum and maximum.",
                List.of("sensors", "statistics", "hourly"),
                "PT1H",
                SENSORS_ARE + " Rolled up by the platform from the stored readings; an hour is final once its"
                        + " readings have settled (a few minutes after it ends).",
                "SELECT max(refreshed_at) FROM rollup_progress WHERE ? IS NOT NULL",
                "SELECT r.device_id AS device, r.quantity, r.bucket AS hour, r.readings, r.sum / r.readings AS mean,"
                        + " r.min, r.max, d.latitude, d.longitude FROM reading_1h r JOIN device d ON d.tenant_id ="
                        + " r.tenant_id AND d.id = r.device_id WHERE r.tenant_id = ? AND d.kind <> 'gateway' AND"
                        + " r.bucket >= ? AND r.bucket < ? ORDER BY r.bucket",
                List.of("device", "quantity", "hour", "readings", "mean", "min", "max"),
                true,
                Duration.ofDays(7),
                Duration.ofDays(366)));
        all.add(new Dataset(
                "problem-reports",
                "Problem reports",
                "The problems the public reported (Open311): what, where, when and whether it is dealt with. Who"
                        + " reported a problem is never published.",
                List.of("open311", "reports", "street problems"),
                "PT1M",
                "Reported by members of the public through the city's Open311 service; statuses set by the council's"
                        + " operations centre.",
                "SELECT max(r.updated_at) FROM service_request r WHERE r.tenant_id = ?",
                "SELECT r.id AS request, r.service_code AS service, r.status, r.description, r.status_notes,"
                        + " r.requested_at, r.updated_at, r.latitude, r.longitude FROM service_request r WHERE"
                        + " r.tenant_id = ? AND r.requested_at >= ? AND r.requested_at < ? ORDER BY r.requested_at",
                List.of("request", "service", "status", "description", "status_notes", "requested_at", "updated_at"),
                true,
                Duration.ofDays(90),
                Duration.ofDays(366)));
        return List.copyOf(all);
    }

    public static Optional<Dataset> of(String id) {
        return all().stream().filter(d -> d.id().equals(id)).findFirst();
    }
}
