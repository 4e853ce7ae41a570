package city.mycity.geo;

import city.mycity.settings.Setting;
import java.time.Duration;
import java.util.List;

/** The geo-service's settings (system property = key, environment variable = key in upper case with underscores). */
public final class GeoSettings {

    public static final Setting<Integer> HTTP_PORT = Setting.integer(
            "mycity.http.port", "HTTP port of the API and the dashboard; 0 = any free port", 8080, "port");
    public static final Setting<String> HTTP_HOST = Setting.string(
            "mycity.http.host",
            "address the HTTP server binds to: loopback unless a deployment opens it (0.0.0.0: every interface)",
            "127.0.0.1");
    public static final Setting<Integer> MANAGEMENT_PORT = Setting.integer(
            "mycity.management.port",
            "port of /metrics and /health, on loopback only; 0 = any free port",
            8081,
            "port");
    public static final Setting<Integer> RATE_LIMIT = Setting.integer(
            "mycity.http.rate-limit",
            "requests per second one client (remote address) may make on average; twice as many at once",
            100,
            "requests/s");
    public static final Setting<Duration> POLL_INTERVAL = Setting.duration(
            "mycity.geo.poll-interval", "how often the live feed polls the store for changes", Duration.ofSeconds(1));
    public static final Setting<Duration> HEARTBEAT = Setting.duration(
            "mycity.geo.heartbeat", "how often idle live clients get a heartbeat comment", Duration.ofSeconds(15));
    public static final Setting<Duration> LOOKBACK = Setting.duration(
            "mycity.geo.lookback",
            "how far before its watermark each live poll looks for rows committed late",
            Duration.ofSeconds(10));
    public static final Setting<Integer> MAX_SENSORS = Setting.integer(
            "mycity.geo.max-sensors", "the most sensors one /api/v1/sensors response holds", 1000, "sensors");
    public static final Setting<Integer> MAX_LIVE_CLIENTS = Setting.integer(
            "mycity.geo.max-live-clients",
            "the most live-feed (SSE) clients at once; one more is answered 503 with Retry-After",
            10_000,
            "clients");
    public static final Setting<String> OSM_FILE = Setting.string(
            "mycity.osm.file",
            "OpenStreetMap extract (.osm, .osm.gz, .osm.pbf) to serve; unset: a generated town",
            null);
    public static final Setting<Long> CITY_SEED =
            Setting.longValue("mycity.city.seed", "seed of the generated town when no OSM file is set", 42L, null);

    /** Every geo-service setting, for {@code Settings.describe} and the README. */
    public static final List<Setting<?>> ALL = List.of(
            HTTP_PORT,
            HTTP_HOST,
            RATE_LIMIT,
            MANAGEMENT_PORT,
            POLL_INTERVAL,
            HEARTBEAT,
            LOOKBACK,
            MAX_SENSORS,
            MAX_LIVE_CLIENTS,
            OSM_FILE,
            CITY_SEED);

    private GeoSettings() {}
}
