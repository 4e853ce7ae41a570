package city.mycity.geo;

import city.mycity.citymodel.BaseMap;
import city.mycity.citymodel.CityModel;
import city.mycity.geo.bins.RoundPlanning;
import city.mycity.settings.Settings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Builds a {@link GeoService}. */
public final class GeoServiceBuilder {
    Vertx vertx;
    CityModel city;
    DataSource dataSource;
    String host = "127.0.0.1";
    int rateLimit = 100;
    int managementPort;
    int port = 8080;
    Duration pollInterval = Duration.ofSeconds(1);
    Duration heartbeat = Duration.ofSeconds(15);
    Duration lookback = Duration.ofSeconds(10);
    int maxSensors = 1000;
    int maxLiveClients = 10_000;
    PrometheusMeterRegistry meterRegistry;
    DataSource writes;
    io.vertx.core.Handler<io.vertx.ext.web.RoutingContext> writeGuard;
    int sensorThingsPageSize = 100;
    int sensorThingsMaxTop = 10_000;
    int sensorThingsMaxBody = 256 * 1024;
    int reportsPerMinute = 10;
    BaseMap baseMap = BaseMap.EMPTY;
    city.mycity.storage.RefusalWriter refusals;
    DataSource crewWriter;
    io.vertx.core.Handler<io.vertx.ext.web.RoutingContext> crewGuard;
    java.time.ZoneId timeZone = java.time.ZoneOffset.UTC;
    Duration crewPlanSearch = Duration.ofSeconds(10);
    final List<Map.Entry<String, Router>> mounts = new ArrayList<>();
    final List<java.util.function.Consumer<Router>> operations = new ArrayList<>();

    GeoServiceBuilder() {}

    /**
     * Applies the {@link GeoSettings} that are given (port, host, poll interval, heartbeat, lookback, maximum sensors);
     * the others keep their current values.
     */
    public GeoServiceBuilder settings(Settings settings) {
        if (settings.isSet(GeoSettings.HTTP_PORT)) {
            port = settings.get(GeoSettings.HTTP_PORT);
        }
        if (settings.isSet(GeoSettings.HTTP_HOST)) {
            host = settings.get(GeoSettings.HTTP_HOST);
        }
        if (settings.isSet(GeoSettings.MANAGEMENT_PORT)) {
            managementPort = settings.get(GeoSettings.MANAGEMENT_PORT);
        }
        if (settings.isSet(GeoSettings.RATE_LIMIT)) {
            rateLimit = settings.get(GeoSettings.RATE_LIMIT);
        }
        if (settings.isSet(GeoSettings.POLL_INTERVAL)) {
            pollInterval = settings.get(GeoSettings.POLL_INTERVAL);
        }
        if (settings.isSet(GeoSettings.HEARTBEAT)) {
            heartbeat = settings.get(GeoSettings.HEARTBEAT);
        }
        if (settings.isSet(GeoSettings.LOOKBACK)) {
            lookback = settings.get(GeoSettings.LOOKBACK);
        }
        if (settings.isSet(GeoSettings.MAX_LIVE_CLIENTS)) {
            maxLiveClients = settings.get(GeoSettings.MAX_LIVE_CLIENTS);
        }
        if (settings.isSet(GeoSettings.MAX_SENSORS)) {
            maxSensors = settings.get(GeoSettings.MAX_SENSORS);
        }
        return this;
    }

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

    /** The address to bind. By default, {@code 127.0.0.1} (loopback: a deployment opens it, e.g. {@code 0.0.0.0}). */
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
    /**
     * The port of {@code /metrics} and {@code /health}, on loopback only; 0 for a free one. By default, 0 (the
     * setting {@code mycity.management.port}, 8081, is what a service's main and the demo use).
     */
    public GeoServiceBuilder managementPort(int port) {
        this.managementPort = port;
        return this;
    }

    /** Requests per second one client may make on average (twice as many at once). By default, 100. */
    public GeoServiceBuilder rateLimit(int perSecond) {
        this.rateLimit = perSecond;
        return this;
    }

    /** The most live-feed clients at once; one more gets 503. By default, 10,000. */
    public GeoServiceBuilder maxLiveClients(int maxLiveClients) {
        this.maxLiveClients = maxLiveClients;
        return this;
    }

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
     * Adds routes that may change things, e.g. the operators' API of the gateway module, which checks its own logins
     * and CSRF tokens: they come after the timing and the rate limit, before the public side's read-only rule and
     * its CORS. By default, none: the service is read-only.
     */
    public GeoServiceBuilder operations(java.util.function.Consumer<Router> routes) {
        operations.add(java.util.Objects.requireNonNull(routes, "Operations routes must not be null."));
        return this;
    }

    /**
     * Lets the service write: operators create, change and delete SensorThings entities and close Open311 requests,
     * the public reports problems through Open311. {@code guard} lets a request through only for a logged-in operator
     * (e.g. the gateway module's {@code OperatorApi.operatorGuard()}), {@code writes} is a data source that may write
     * those tables (the registry's role), and {@code refusals}, when not null, records the Observations refused. By
     * default, none: SensorThings is read-only (405) and Open311 takes no reports.
     */
    public GeoServiceBuilder writes(
            DataSource writes,
            io.vertx.core.Handler<io.vertx.ext.web.RoutingContext> guard,
            city.mycity.storage.RefusalWriter refusals) {
        this.writes = java.util.Objects.requireNonNull(writes, "Data source for writes must not be null.");
        this.writeGuard = java.util.Objects.requireNonNull(guard, "Guard of the operators' writes must not be null.");
        this.refusals = refusals;
        return this;
    }

    /**
     * Serves the refuse crews their rounds: {@code GET /api/v1/crew/round} (today's round of the logged-in crew member,
     * planned for all the council's crews the first time one asks) and {@code POST /api/v1/crew/round/stops/{bin}}
     * (emptied, or not with the reason). {@code guard} lets a request through only for a logged-in account of at least
     * the crew role and leaves its username, council and role in the context as plain strings under {@code
     * mycity.account}, {@code mycity.council} and {@code mycity.role} (e.g. the gateway module's {@code
     * OperatorApi.guard(Role.CREW)}); {@code writer} is a data source that may read the accounts and write the rounds
     * and {@code bin_status} (the registry's role). Needs a city with streets. By default, none: no crew routes.
     */
    public GeoServiceBuilder crews(DataSource writer, io.vertx.core.Handler<io.vertx.ext.web.RoutingContext> guard) {
        this.crewWriter =
                java.util.Objects.requireNonNull(writer, "Data source of the crews' rounds must not be null.");
        this.crewGuard = java.util.Objects.requireNonNull(guard, "Guard of the crews' routes must not be null.");
        return this;
    }

    /** The city's time zone: a crew's day is a day of its clock. By default, UTC. */
    public GeoServiceBuilder timeZone(java.time.ZoneId zone) {
        this.timeZone = java.util.Objects.requireNonNull(zone, "Time zone must not be null.");
        return this;
    }

    /**
     * How long the solver searches for a council's plan of the day when its first crew member asks for a round (whole
     * seconds, 1 to 30). By default, 10 seconds.
     */
    public GeoServiceBuilder crewPlanSearch(Duration search) {
        this.crewPlanSearch = search;
        return this;
    }

    /**
     * What the base map shows beneath the streets (buildings, water, green areas), e.g. {@code
     * CityModels.baseMap(city, extract)}. By default, nothing: the base map has the city's roads only.
     */
    public GeoServiceBuilder baseMap(BaseMap baseMap) {
        this.baseMap = java.util.Objects.requireNonNull(baseMap, "Base map must not be null.");
        return this;
    }

    /** How many Open311 reports one address may post a minute. By default, 10. */
    public GeoServiceBuilder reportsPerMinute(int perMinute) {
        this.reportsPerMinute = perMinute;
        return this;
    }

    /**
     * How many entities a SensorThings page holds when the request gives no {@code $top}, and the largest {@code $top}
     * it may give. By default, 100 and 10,000.
     */
    public GeoServiceBuilder sensorThingsPages(int pageSize, int maxTop) {
        this.sensorThingsPageSize = pageSize;
        this.sensorThingsMaxTop = maxTop;
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
        check(
                managementPort >= 0 && managementPort <= 65535,
                "Management port must be within 0..65535, not " + managementPort + ".");
        check(isPositive(pollInterval), "Poll interval must be positive.");
        check(isPositive(heartbeat), "Heartbeat interval must be positive.");
        check(lookback != null && !lookback.isNegative(), "Lookback must not be negative.");
        check(maxSensors > 0, "Maximum sensors must be positive, not " + maxSensors + ".");
        check(maxLiveClients > 0, "Maximum live clients must be positive, not " + maxLiveClients + ".");
        check(rateLimit > 0, "The rate limit must be positive, not " + rateLimit + ".");
        check(reportsPerMinute > 0, "Reports per minute must be positive, not " + reportsPerMinute + ".");
        check(
                sensorThingsPageSize > 0 && sensorThingsPageSize <= sensorThingsMaxTop,
                "The SensorThings page size must be positive and at most the largest $top.");
        check(
                crewPlanSearch != null
                        && crewPlanSearch.toSeconds() >= 1
                        && crewPlanSearch.toSeconds() <= RoundPlanning.LONGEST,
                "The crews' plan search must be 1 to " + RoundPlanning.LONGEST + " seconds.");
        check(
                crewWriter == null || !city.streets().isEmpty(),
                "Crews' rounds need a city with streets to plan on; " + city.name() + " has none.");
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
