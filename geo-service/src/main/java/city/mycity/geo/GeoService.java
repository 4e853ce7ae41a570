package city.mycity.geo;

import city.mycity.citymodel.CityModel;
import city.mycity.geo.city.CityRoutes;
import city.mycity.geo.http.HttpBasics;
import city.mycity.geo.http.ServiceRoutes;
import city.mycity.geo.live.ChangeFeed;
import city.mycity.geo.live.LiveStream;
import city.mycity.geo.parking.ParkingQueries;
import city.mycity.geo.parking.ParkingRoutes;
import city.mycity.geo.sensors.SensorQueries;
import city.mycity.geo.sensors.SensorRoutes;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The geo-service: a read-only HTTP API over the city model and the store, with a live feed. Build it with {@link
 * #builder()}, {@link #start()} it, {@link #close()} it.
 */
public final class GeoService implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(GeoService.class);

    private final GeoServiceBuilder config;
    private final Router router;
    private final LiveStream live;
    private HttpServer server;

    GeoService(GeoServiceBuilder config) {
        this.config = config;
        Vertx vertx = config.vertx;
        String tenant = config.city.tenant();
        this.router = Router.router(vertx);
        this.live = new LiveStream(
                vertx,
                new ChangeFeed(config.dataSource, tenant, config.lookback),
                config.pollInterval,
                config.heartbeat,
                config.meterRegistry);
        HttpBasics.before(router, config.meterRegistry);
        new ParkingRoutes(new ParkingQueries(config.dataSource, tenant)).mount(router);
        new SensorRoutes(new SensorQueries(config.dataSource, tenant), config.maxSensors).mount(router);
        new CityRoutes(config.city).mount(router);
        live.mount(router);
        new ServiceRoutes(config.meterRegistry, config.dataSource).mount(router);
        for (Map.Entry<String, Router> mount : config.mounts) {
            router.route(mount.getKey()).subRouter(mount.getValue());
        }
        HttpBasics.after(router);
    }

    public static GeoServiceBuilder builder() {
        return new GeoServiceBuilder();
    }

    /** Starts listening and polling; blocks until the server listens. Must not be called on an event loop. */
    public int start() {
        return startAsync().await();
    }

    /** Starts listening and polling; the future holds the port the server listens on. */
    public Future<Integer> startAsync() {
        return config.vertx
                .createHttpServer()
                .requestHandler(router)
                .listen(config.port, config.host)
                .compose(s -> live.start().map(s))
                .map(s -> {
                    server = s;
                    LOGGER.info(
                            "geo-service for {} listening on http://{}:{}/",
                            config.city.name(),
                            config.host,
                            s.actualPort());
                    return s.actualPort();
                });
    }

    /** The port the server listens on, or -1 before {@link #start()}. */
    public int port() {
        return server == null ? -1 : server.actualPort();
    }

    /** The router with every route, for tests and for embedding in another server. */
    public Router router() {
        return router;
    }

    public PrometheusMeterRegistry meterRegistry() {
        return config.meterRegistry;
    }

    /** Stops the live feed and the server; blocks. The Vert.x instance and the data source stay open. */
    @Override
    public void close() {
        live.stop();
        if (server != null) {
            server.close().await();
            server = null;
        }
    }

    /** Builds a {@link GeoService}. */
    public static final class GeoServiceBuilder {
        Vertx vertx;
        CityModel city;
        DataSource dataSource;
        String host = "0.0.0.0";
        int port = 8080;
        Duration pollInterval = Duration.ofSeconds(1);
        Duration heartbeat = Duration.ofSeconds(15);
        Duration lookback = Duration.ofSeconds(10);
        int maxSensors = 1000;
        PrometheusMeterRegistry meterRegistry;
        final List<Map.Entry<String, Router>> mounts = new ArrayList<>();

        GeoServiceBuilder() {}

        /** The Vert.x instance to run on; required. The service does not close it. */
        public GeoServiceBuilder vertx(Vertx vertx) {
            this.vertx = vertx;
            return this;
        }

        /** The city to serve; required. Its tenant selects the rows in the store. */
        public GeoServiceBuilder city(CityModel city) {
            this.city = city;
            return this;
        }

        /** The store (registry and occupancy tables); required. The service does not close it. */
        public GeoServiceBuilder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /** The address to bind. By default, {@code 0.0.0.0} (every interface). */
        public GeoServiceBuilder host(String host) {
            this.host = host;
            return this;
        }

        /** The port to listen on, 0 for a free one. By default, 8080. */
        public GeoServiceBuilder port(int port) {
            this.port = port;
            return this;
        }

        /** How often the live feed polls the store. By default, one second. */
        public GeoServiceBuilder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        /** How often idle live clients get a heartbeat comment. By default, 15 seconds. */
        public GeoServiceBuilder heartbeat(Duration heartbeat) {
            this.heartbeat = heartbeat;
            return this;
        }

        /** How far before its watermark each live poll looks for late commits. By default, 10 seconds. */
        public GeoServiceBuilder lookback(Duration lookback) {
            this.lookback = lookback;
            return this;
        }

        /** The most sensors one {@code /api/v1/sensors} response holds. By default, 1000. */
        public GeoServiceBuilder maxSensors(int maxSensors) {
            this.maxSensors = maxSensors;
            return this;
        }

        /** Where the service's meters go and what {@code /metrics} shows. By default, a new Prometheus registry. */
        public GeoServiceBuilder meterRegistry(PrometheusMeterRegistry meterRegistry) {
            this.meterRegistry = meterRegistry;
            return this;
        }

        /**
         * Mounts another router, e.g. the dashboard's, after the API: {@code mount("/*", dashboardRouter)}. By default,
         * nothing else is mounted.
         */
        public GeoServiceBuilder mount(String path, Router other) {
            mounts.add(Map.entry(path, other));
            return this;
        }

        public GeoService build() {
            check(vertx != null, "Vert.x instance must not be null.");
            check(city != null, "City model must not be null.");
            check(dataSource != null, "Data source must not be null.");
            check(port >= 0 && port <= 65535, "Port must be within 0..65535, not " + port + ".");
            check(isPositive(pollInterval), "Poll interval must be positive.");
            check(isPositive(heartbeat), "Heartbeat interval must be positive.");
            check(lookback != null && !lookback.isNegative(), "Lookback must not be negative.");
            check(maxSensors > 0, "Maximum sensors must be positive, not " + maxSensors + ".");
            if (meterRegistry == null) {
                meterRegistry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            }
            return new GeoService(this);
        }

        private static boolean isPositive(Duration d) {
            return d != null && !d.isNegative() && !d.isZero();
        }

        private static void check(boolean condition, String message) {
            if (!condition) {
                throw new IllegalStateException(message);
            }
        }
    }
}
