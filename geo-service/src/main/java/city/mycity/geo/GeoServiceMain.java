package city.mycity.geo;

import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.CityModels;
import city.mycity.settings.Setting;
import city.mycity.settings.Settings;
import city.mycity.storage.Database;
import city.mycity.storage.DatabaseSettings;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the geo-service on its own: {@code mycity.jdbc.url} names the store (migrated on start), {@code mycity.osm.file}
 * the city (else a generated town). The city must be registered in the store (the gateway's registration or the
 * launcher does it). When {@code mycity.http.port} is not set and 8080 is taken, any free port is used.
 */
public final class GeoServiceMain {

    private static final Logger LOGGER = LoggerFactory.getLogger(GeoServiceMain.class);

    private GeoServiceMain() {}

    public static void main(String[] args) {
        Settings settings = Settings.fromEnvironment();
        List<Setting<?>> described = new ArrayList<>(GeoSettings.ALL);
        described.addAll(DatabaseSettings.ALL);
        LOGGER.info("Settings:{}{}", System.lineSeparator(), settings.describe(described));
        CityModel city = city(settings);
        // A read service: the schema is migrated as a step of its own (./mycity migrate), not by this account.
        // Its connections name the city's council: under a read-only role, row-level security keeps it to that one.
        Database database = Database.connect(DatabaseSettings.from(settings), city.tenant());
        warnIfNotRegistered(database.dataSource(), city);
        Vertx vertx = Vertx.vertx();
        Consumer<GeoServiceBuilder> common = b -> b.vertx(vertx)
                .city(city)
                .dataSource(database.dataSource())
                .settings(settings)
                .managementPort(settings.get(GeoSettings.MANAGEMENT_PORT));
        GeoService service = start(common, !settings.isSet(GeoSettings.HTTP_PORT));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            vertx.close().await();
            database.close();
        }));
        System.out.println("geo-service for " + city.name() + " at http://localhost:" + service.port()
                + "/ (metrics and health: http://127.0.0.1:" + service.managementPort() + "/metrics)");
    }

    private static void warnIfNotRegistered(DataSource dataSource, CityModel city) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("SELECT count(*) FROM tenant WHERE id = ?")) {
            st.setString(1, city.tenant());
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next() && rs.getLong(1) == 0) {
                    LOGGER.warn(
                            "City {} (tenant {}) is not registered in the store: car parks and sensors will be empty"
                                    + " until the gateway registers it (or run the launcher).",
                            city.name(),
                            city.tenant());
                }
            }
        } catch (SQLException e) {
            LOGGER.warn("Could not check the registration of tenant {}: {}", city.tenant(), e.getMessage());
        }
    }

    static CityModel city(Settings settings) {
        return settings.find(GeoSettings.OSM_FILE)
                .map(file -> CityModels.openStreetMap(Path.of(file)))
                .orElseGet(() -> CityModels.generated(settings.get(GeoSettings.CITY_SEED)));
    }

    private static GeoService start(Consumer<GeoServiceBuilder> common, boolean mayFallBack) {
        GeoServiceBuilder builder = GeoService.builder();
        common.accept(builder);
        GeoService service = builder.build();
        try {
            service.start();
            return service;
        } catch (Exception e) { // Future.await() rethrows the cause, a BindException when the port is taken
            if (!mayFallBack) {
                throw e;
            }
            LOGGER.warn("Port {} is taken ({}); using a free port", GeoSettings.HTTP_PORT.defaultValue(), e.toString());
            service.close();
            GeoServiceBuilder fallback = GeoService.builder();
            common.accept(fallback);
            GeoService other = fallback.port(0).build();
            other.start();
            return other;
        }
    }
}
