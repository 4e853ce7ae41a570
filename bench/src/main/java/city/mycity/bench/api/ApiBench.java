package city.mycity.bench.api;

import city.mycity.bench.BenchListener;
import city.mycity.citymodel.CarPark;
import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.CityModels;
import city.mycity.gateway.registry.CityRegistration;
import city.mycity.geo.GeoService;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The public API under wrk on loopback: car-park availability, nearest free parking and a SensorThings Datastream's
 * newest Observations, each next to the ceiling of a trivial Vert.x endpoint (a fixed small JSON answer) measured in
 * the same run, in the same JVM, on the same event loops. Each endpoint: a warm-up, a flat-out run (its maximum
 * rate), then a run paced at half that rate (its latency when not saturated).
 */
public final class ApiBench {

    /**
     * @param duration how long each measured run lasts
     * @param connections wrk's connections
     * @param readings readings of the Datastream that SensorThings serves
     */
    public record Options(Duration duration, int connections, int readings) {}

    private final DataSource dataSource;
    private final Options options;
    private final BenchListener listener;

    public ApiBench(DataSource dataSource, Options options, BenchListener listener) {
        this.dataSource = dataSource;
        this.options = options;
        this.listener = listener;
    }

    public ApiFigures run() throws SQLException {
        Wrk.requireInstalled();
        listener.stage(1, 3, "a generated town, its occupancy and readings");
        CityModel city = CityModels.generated(7);
        CityRegistration.on(dataSource).register(city);
        long datastream = fill(city);
        Vertx vertx = Vertx.vertx();
        try {
            listener.stage(2, 3, "the geo-service and a trivial Vert.x endpoint");
            GeoService service = GeoService.builder()
                    .vertx(vertx)
                    .city(city)
                    .dataSource(dataSource)
                    .port(0)
                    .managementPort(0)
                    // The bench measures the service, not the per-client limit of 100 requests a second.
                    .rateLimit(1_000_000)
                    .build();
            int port = service.start();
            Router trivial = Router.router(vertx);
            trivial.get("/ceiling").handler(ctx -> ctx.response()
                    .putHeader("Content-Type", "application/json")
                    .end("{\"ok\":true}"));
            HttpServer ceiling = vertx.createHttpServer()
                    .requestHandler(trivial)
                    .listen(0, "127.0.0.1")
                    .await();
            try {
                listener.stage(3, 3, "wrk");
                String base = "http://127.0.0.1:" + port;
                CarPark first = city.carParks().get(0);
                List<ApiFigures.Endpoint> endpoints = new ArrayList<>();
                endpoints.add(measure(
                        "trivial Vert.x endpoint (ceiling)", "http://127.0.0.1:" + ceiling.actualPort() + "/ceiling"));
                endpoints.add(measure("car-park availability", base + "/api/v1/parking/carparks"));
                endpoints.add(measure(
                        "nearest free parking",
                        String.format(
                                Locale.ROOT,
                                "%s/api/v1/parking/nearest?lat=%.5f&lon=%.5f",
                                base,
                                first.location().latitude(),
                                first.location().longitude())));
                String observations = base + "/sta/v1.1/Datastreams(" + datastream
                        + ")/Observations?$top=10&$orderby=phenomenonTime%20desc";
                endpoints.add(measure("SensorThings Observations", observations));
                endpoints.add(measure("SensorThings Observations, each request new (no cache)", observations, true));
                return new ApiFigures(city.carParks().size(), city.sensors().size(), options, endpoints);
            } finally {
                ceiling.close().await();
                service.close();
            }
        } finally {
            vertx.close().await();
        }
    }

    private ApiFigures.Endpoint measure(String name, String url) {
        return measure(name, url, false);
    }

    private ApiFigures.Endpoint measure(String name, String url, boolean varied) {
        Wrk wrk = new Wrk(2, options.connections(), options.duration());
        listener.status(name + ": warming up");
        new Wrk(2, options.connections(), Duration.ofSeconds(5)).flatOut(url, varied);
        listener.status(name + ": flat out");
        Wrk.Figures max = wrk.flatOut(url, varied);
        listener.status(name + ": at half its maximum rate");
        Wrk.Figures half = wrk.paced(url, max.requestsPerSecond() / 2, varied);
        listener.result(String.format(
                Locale.ROOT,
                "%s: %,.0f requests/s; at %,.0f/s p99 %.2f ms",
                name,
                max.requestsPerSecond(),
                half.requestsPerSecond(),
                half.p99()));
        return new ApiFigures.Endpoint(name, url, max, half, !varied);
    }

    /** Occupancy for every car park and bay, and readings for one bay's Datastream; that Datastream's id. */
    private long fill(CityModel city) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            String tenant = city.tenant();
            s.execute("INSERT INTO car_park_occupancy (tenant_id, car_park_id, occupied, bays, time) SELECT tenant_id,"
                    + " id, capacity / 2, capacity, now() FROM car_park WHERE tenant_id = '" + tenant + "'"
                    + " ON CONFLICT DO NOTHING");
            s.execute("INSERT INTO sensor_state (tenant_id, device_id, quantity, value, unit, time) SELECT tenant_id,"
                    + " id, 'occupied', (abs(hashtext(id)) % 2)::float, '/', now() FROM device WHERE tenant_id = '"
                    + tenant + "' AND kind = 'parking-bay' ON CONFLICT DO NOTHING");
            try (PreparedStatement ps = c.prepareStatement("SELECT d.id, s.device_id FROM sta_datastream d JOIN"
                    + " (SELECT id AS device_id FROM device WHERE tenant_id = ? AND kind = 'parking-bay' ORDER BY id"
                    + " LIMIT 1) s ON d.device_id = s.device_id WHERE d.tenant_id = ? AND d.quantity = 'occupied'")) {
                ps.setString(1, tenant);
                ps.setString(2, tenant);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long datastream = rs.getLong(1);
                    String device = rs.getString(2);
                    s.execute("INSERT INTO reading (tenant_id, device_id, quantity, time, value, unit, seq,"
                            + " received_at) SELECT '" + tenant + "', '" + device + "', 'occupied', now() - n *"
                            + " interval '1 minute', n % 2, '/', -1, now() FROM generate_series(1, "
                            + options.readings() + ") n ON CONFLICT DO NOTHING");
                    s.execute("ANALYZE");
                    return datastream;
                }
            }
        }
    }
}
