package city.mycity.geo;

import city.mycity.geo.alerts.AlertQueries;
import city.mycity.geo.alerts.AlertRoutes;
import city.mycity.geo.basemap.BaseMapLayers;
import city.mycity.geo.basemap.BaseMapRoutes;
import city.mycity.geo.basemap.Glyphs;
import city.mycity.geo.bins.BinQueries;
import city.mycity.geo.bins.BinRoutes;
import city.mycity.geo.bins.RoundPlanning;
import city.mycity.geo.city.CityRoutes;
import city.mycity.geo.driving.DrivingTimes;
import city.mycity.geo.history.HistoryRoutes;
import city.mycity.geo.http.HttpBasics;
import city.mycity.geo.http.InvalidRequests;
import city.mycity.geo.http.RateLimits;
import city.mycity.geo.http.ServiceRoutes;
import city.mycity.geo.live.ChangeFeed;
import city.mycity.geo.live.LiveStream;
import city.mycity.geo.open311.Open311Routes;
import city.mycity.geo.open311.Photos;
import city.mycity.geo.open311.RequestStore;
import city.mycity.geo.opendata.OpenDataRoutes;
import city.mycity.geo.parking.FreeStreets;
import city.mycity.geo.parking.NearestParking;
import city.mycity.geo.parking.ParkingNow;
import city.mycity.geo.parking.ParkingQueries;
import city.mycity.geo.parking.ParkingRoutes;
import city.mycity.geo.places.PlaceIndex;
import city.mycity.geo.places.PlaceRoutes;
import city.mycity.geo.rounds.CrewRounds;
import city.mycity.geo.rounds.RoadReplanning;
import city.mycity.geo.rounds.RoundStore;
import city.mycity.geo.rounds.http.RoundRoutes;
import city.mycity.geo.sensors.SensorQueries;
import city.mycity.geo.sensors.SensorRoutes;
import city.mycity.geo.sensorthings.http.SensorThingsRoutes;
import city.mycity.geo.sensorthings.store.EntityReader;
import city.mycity.geo.sensorthings.store.EntityWriter;
import city.mycity.geo.sensorthings.store.ObservationChecks;
import city.mycity.routing.road.RoadGraph;
import city.mycity.storage.history.ReadingHistory;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The geo-service: a read-only HTTP API over the city model and the store, with a live feed. Build it with {@link
 * #builder()}, {@link #start()} it, {@link #close()} it.
 */
public final class GeoService implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(GeoService.class);
    /** Metrics and health are for the machine's own operators and their scrapers: loopback only. */
    static final String MANAGEMENT_HOST = "127.0.0.1";

    private final GeoServiceBuilder config;
    private final Router router;
    private final LiveStream live;
    private final Router management;
    private HttpServer server;
    private HttpServer managementServer;

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
                config.maxLiveClients,
                config.meterRegistry);
        HttpBasics.measure(router, config.meterRegistry, new RateLimits(config.rateLimit, 2 * config.rateLimit));
        config.operations.forEach(routes -> routes.accept(router));
        SensorThingsRoutes sensorThings = sensorThings(config, tenant);
        Open311Routes open311 = new Open311Routes(
                new RequestStore(config.dataSource, config.writes, tenant),
                new Photos(Photos.DEFAULT_MAX_BYTES),
                config.city.bounds(),
                tenant,
                config.reportsPerMinute);
        if (config.writes != null) {
            sensorThings.mountWrites(router, config.writeGuard);
            open311.mountWrites(router, config.writeGuard, uploads());
        }
        ParkingQueries parking = new ParkingQueries(config.dataSource, tenant);
        Optional<RoadGraph> roads =
                config.city.streets().isEmpty() ? Optional.empty() : Optional.of(RoadGraph.of(config.city));
        BinQueries bins = new BinQueries(config.dataSource, config.city);
        Optional<RoundPlanning> planning = roads.map(r -> new RoundPlanning(bins, r, config.city));
        if (config.crewWriter != null) {
            crews(config, roads.orElseThrow(), planning.orElseThrow()).mount(router);
        }
        HttpBasics.publicSide(router);
        sensorThings.mountReads(router);
        open311.mountReads(router);
        ParkingNow now =
                new ParkingNow(parking, new FreeStreets(config.dataSource, config.city), ParkingNow.DEFAULT_MAX_AGE);
        new ParkingRoutes(parking, now, new NearestParking(now, roads.map(DrivingTimes::new))).mount(router);
        new SensorRoutes(new SensorQueries(config.dataSource, tenant), config.maxSensors).mount(router);
        new CityRoutes(config.city).mount(router);
        new PlaceRoutes(PlaceIndex.of(config.city)).mount(router);
        new BaseMapRoutes(new BaseMapLayers(config.city, config.baseMap), new Glyphs()).mount(router);
        new BinRoutes(bins, planning.orElse(null)).mount(router);
        new AlertRoutes(new AlertQueries(config.dataSource, tenant)).mount(router);
        new HistoryRoutes(new ReadingHistory(config.dataSource), tenant).mount(router);
        new OpenDataRoutes(config.dataSource, tenant, config.city.name()).mount(router);
        live.mount(router);
        ServiceRoutes service = new ServiceRoutes(config.meterRegistry, config.dataSource);
        service.mount(router);
        this.management = Router.router(vertx);
        service.mountManagement(management);
        for (Map.Entry<String, Router> mount : config.mounts) {
            router.route(mount.getKey()).subRouter(mount.getValue());
        }
        HttpBasics.after(router);
    }

    private static RoundRoutes crews(GeoServiceBuilder config, RoadGraph roads, RoundPlanning planning) {
        CrewRounds rounds = new CrewRounds(
                new RoundStore(config.crewWriter, config.city),
                planning,
                new RoadReplanning(roads, planning.depot()),
                config.timeZone,
                config.crewPlanSearch,
                java.time.Clock.systemUTC());
        return new RoundRoutes(rounds, config.city.tenant(), config.crewGuard);
    }

    /** Where photos of reports wait while a request is read (each deleted when its request ends). */
    private static java.nio.file.Path uploads() {
        try {
            java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("mycity-open311-uploads-");
            folder.toFile().deleteOnExit();
            return folder;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Could not create a folder for uploaded photos", e);
        }
    }

    private static SensorThingsRoutes sensorThings(GeoServiceBuilder config, String tenant) {
        EntityReader reader = new EntityReader(config.dataSource, tenant, config.sensorThingsPageSize);
        EntityWriter writer = config.writes == null
                ? null
                : new EntityWriter(
                        config.writes, tenant, new ObservationChecks(config.refusals, Duration.ofMinutes(5)));
        return new SensorThingsRoutes(reader, writer, config.sensorThingsMaxTop, config.sensorThingsMaxBody);
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
                .requestHandler(management)
                .listen(config.managementPort, MANAGEMENT_HOST)
                .compose(m -> {
                    managementServer = m;
                    // Answers are compressed for clients that ask (Accept-Encoding), apart from the live feeds.
                    return config.vertx
                            .createHttpServer(new io.vertx.core.http.HttpServerOptions().setCompressionSupported(true))
                            .invalidRequestHandler(InvalidRequests::handle)
                            .requestHandler(router)
                            .listen(config.port, config.host);
                })
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

    /** The port of {@code /metrics} and {@code /health} (on loopback), or -1 before {@link #start()}. */
    public int managementPort() {
        return managementServer == null ? -1 : managementServer.actualPort();
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
        if (managementServer != null) {
            managementServer.close().await();
            managementServer = null;
        }
    }
}
