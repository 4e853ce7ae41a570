package city.mycity.gateway.registry;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.citymodel.BoundingBox;
import city.mycity.citymodel.CarPark;
import city.mycity.citymodel.City;
import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.CityModels;
import city.mycity.citymodel.Gateway;
import city.mycity.citymodel.GeoPoint;
import city.mycity.citymodel.Provenance;
import city.mycity.citymodel.Sensor;
import city.mycity.citymodel.Zone;
import city.mycity.reading.SensorKind;
import city.mycity.storage.JdbcDeviceDirectory;
import city.mycity.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CityRegistrationIT {

    private TestDatabase db;
    private CityRegistration registration;

    @BeforeEach
    void freshRegistry() {
        db = TestDatabase.create().migrated();
        registration = CityRegistration.on(db.dataSource()).withBatchSize(100);
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void registers_every_zone_gateway_car_park_and_device_of_a_generated_town() throws SQLException {
        CityModel town = CityModels.generated(42);

        RegistrationCounts counts = registration.register(town);

        // Every sensor, and every gateway as a device of its own (its health readings).
        int devices = town.sensors().size() + town.gateways().size();
        assertThat(counts.devices()).isEqualTo(new TableCount(devices, devices));
        assertThat(counts.zones().changed()).isEqualTo(town.zones().size());
        assertThat(counts.carParks().changed()).isEqualTo(town.carParks().size());
        assertThat(rows("device")).isEqualTo(devices);
        assertThat(rows("zone")).isEqualTo(town.zones().size());
        assertThat(rows("gateway")).isEqualTo(town.gateways().size());
        assertThat(rows("car_park")).isEqualTo(town.carParks().size());
        assertThat(JdbcDeviceDirectory.load(db.dataSource(), town.tenant()).devices())
                .containsExactlyInAnyOrderElementsOf(town.devices());
    }

    @Test
    void changes_nothing_when_the_same_city_is_registered_again() throws SQLException {
        CityModel town = CityModels.generated(42);
        registration.register(town);
        String before = registryFingerprint();

        RegistrationCounts again = registration.register(CityModels.generated(42));

        assertThat(again.changed()).isZero();
        assertThat(again.devices().registered()).isEqualTo(town.devices().size());
        assertThat(registryFingerprint()).isEqualTo(before);
    }

    @Test
    void updates_only_what_changed_in_a_hand_built_city() throws SQLException {
        City small = smallCity(new GeoPoint(55.9501, -3.1901));
        // The tenant, a zone, a gateway, a car park, two sensors and the gateway as a device.
        assertThat(registration.register(small).changed()).isEqualTo(1 + 1 + 1 + 1 + 2 + 1);

        City moved = smallCity(new GeoPoint(55.9502, -3.1902));
        RegistrationCounts counts = registration.register(moved);

        assertThat(counts.changed()).isEqualTo(1);
        assertThat(counts.devices()).isEqualTo(new TableCount(3, 1));
        assertThat(JdbcDeviceDirectory.load(db.dataSource(), "tiny-town")
                        .find("tiny-town", "bin-00001")
                        .orElseThrow()
                        .latitude())
                .isEqualTo(55.9502);
    }

    @Test
    void registers_a_car_park_bay_with_its_site_and_a_street_device_without() {
        registration.register(smallCity(new GeoPoint(55.9501, -3.1901)));

        JdbcDeviceDirectory directory = JdbcDeviceDirectory.load(db.dataSource(), "tiny-town");

        assertThat(directory.find("tiny-town", "cp001-b0001").orElseThrow().site())
                .isEqualTo("cp001");
        assertThat(directory.find("tiny-town", "bin-00001").orElseThrow().site())
                .isNull();
        assertThat(directory.find("tiny-town", "bin-00001").orElseThrow().kind())
                .isEqualTo("bin");
    }

    private static City smallCity(GeoPoint binLocation) {
        BoundingBox area = new BoundingBox(55.94, -3.20, 55.96, -3.18);
        GeoPoint carPark = new GeoPoint(55.951, -3.191);
        return new City(
                "tiny-town",
                "Tiny Town",
                area,
                List.of(new Zone("z-a1", "Old Town", area)),
                List.of(),
                List.of(new CarPark("cp001", "Castle Car Park", "z-a1", carPark, 1)),
                List.of(new Gateway("gw-z-a1", "z-a1", area.center())),
                List.of(
                        new Sensor("cp001-b0001", SensorKind.PARKING_BAY, "z-a1", "gw-z-a1", "cp001", null, carPark),
                        new Sensor("bin-00001", SensorKind.BIN, "z-a1", "gw-z-a1", null, null, binLocation)),
                new Provenance("built by hand for a test", null, null, List.of()));
    }

    private long rows(String table) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every registry row with its system columns: any insert or update changes xmin. */
    private String registryFingerprint() throws SQLException {
        List<String> parts = new ArrayList<>();
        for (String table : List.of("tenant", "zone", "gateway", "car_park", "device")) {
            try (Connection c = db.dataSource().getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT md5(string_agg(xmin::text || ':' || t::text, ',' ORDER BY"
                            + " t::text)) FROM " + table + " t")) {
                rs.next();
                parts.add(table + "=" + rs.getString(1));
            }
        }
        return String.join(";", parts);
    }
}
