package city.mycity.geo.fuzz;

import static city.mycity.geo.fuzz.QueryValues.BOXES;
import static city.mycity.geo.fuzz.QueryValues.COUNTS;
import static city.mycity.geo.fuzz.QueryValues.KINDS;
import static city.mycity.geo.fuzz.QueryValues.LATITUDES;
import static city.mycity.geo.fuzz.QueryValues.LONGITUDES;
import static city.mycity.geo.fuzz.QueryValues.QUANTITIES;
import static city.mycity.geo.fuzz.QueryValues.RECENT_INSTANTS;
import static city.mycity.geo.fuzz.QueryValues.RESOLUTIONS;
import static city.mycity.geo.fuzz.QueryValues.SITES;

import city.mycity.reading.fuzz.Gen;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The geo-service's public GET routes that read query or path parameters, and what their parameters' values look like.
 * {@link #requests()} makes requests to a route: most of its parameters, now and then one twice, in another case, or
 * one the route does not read, and junk where the query's separators go.
 */
enum PublicRoute {
    NEAREST_PARKING("/api/v1/parking/nearest", params("lat", LATITUDES, "lon", LONGITUDES, "limit", COUNTS)),
    CAR_PARK_HISTORY("/api/v1/parking/carparks/{id}/history", params("hours", COUNTS, "until", RECENT_INSTANTS)),
    SENSORS("/api/v1/sensors", params("bbox", BOXES, "kind", KINDS, "site", SITES, "limit", COUNTS)),
    SENSOR_HISTORY("/api/v1/sensors/{id}/history", history()),
    ZONE_HISTORY("/api/v1/zones/{id}/history", history()),
    ALERTS("/api/v1/alerts", params("since", RECENT_INSTANTS)),
    OPEN_DATA("/api/v1/opendata/{id}", params("from", RECENT_INSTANTS, "to", RECENT_INSTANTS)),
    BINS_DUE("/api/v1/bins/due", params("before", RECENT_INSTANTS)),
    PLACES(
            "/api/v1/places",
            params("q", Gen.oneOf(Gen.pick("market", "High", "harb", "z-a1"), Gen.strings(30)), "limit", COUNTS)),
    BIN_ROUTES(
            "/api/v1/bins/routes",
            params(
                    "before",
                    RECENT_INSTANTS,
                    "trucks",
                    COUNTS,
                    "capacity",
                    COUNTS,
                    "shift_hours",
                    COUNTS,
                    "seconds",
                    COUNTS));

    /** Downloads of the open-data catalogue, and one it does not hold. */
    static final java.util.List<String> OPEN_DATA_FILES = java.util.List.of(
            "readings-bin.csv",
            "readings-parking-bay.geojson",
            "sensor-locations.geojson",
            "problem-reports.csv",
            "hourly-rollups.csv",
            "salaries.csv");

    /** Ids of the town's car parks, sensors and zones, datasets, of none, and any text. */
    private static final Gen<String> IDS = Gen.oneOf(
            Gen.pick("cp001", "cp003", "bin-00001", "bay-00003", "tc-0001", "z-a1", "z-a2", "nobody"),
            Gen.pick(OPEN_DATA_FILES),
            Gen.strings(30),
            QueryValues.sometimesLong(Gen.pick("cp001", "x")));

    private final String path;
    private final Map<String, Gen<String>> parameters;

    PublicRoute(String path, Map<String, Gen<String>> parameters) {
        this.path = path;
        this.parameters = parameters;
    }

    /** The path, with {@code {id}} where the route takes one. */
    String path() {
        return path;
    }

    /** The query parameters the route reads. */
    java.util.Set<String> parameters() {
        return parameters.keySet();
    }

    /** Request targets (path and query) to this route. */
    Gen<String> requests() {
        return random -> {
            StringBuilder target =
                    new StringBuilder(path.replace("{id}", Targets.pathSegment(IDS.next(random), random)));
            StringBuilder query = new StringBuilder();
            parameters.forEach((name, values) -> {
                if (random.nextInt(5) > 0) {
                    add(
                            query,
                            name(name, random),
                            QueryValues.sometimesLong(values).next(random),
                            random);
                }
                if (random.nextInt(20) == 0) {
                    add(query, name, values.next(random), random);
                }
            });
            if (random.nextInt(10) == 0) {
                add(query, Gen.strings(10).next(random), Gen.strings(10).next(random), random);
            }
            if (random.nextInt(20) == 0) {
                query.append(Gen.pick(Targets.JUNK).next(random));
            }
            if (!query.isEmpty() || random.nextInt(10) == 0) {
                target.append('?').append(query);
            }
            return target.toString();
        };
    }

    /** The parameter's name, or now and then in capitals, as a careless client writes it. */
    private static String name(String name, SplittableRandom random) {
        return random.nextInt(30) == 0 ? name.toUpperCase(java.util.Locale.ROOT) : name;
    }

    private static void add(StringBuilder query, String name, String value, SplittableRandom random) {
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(Targets.encode(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"));
        if (random.nextInt(30) != 0) {
            query.append('=').append(Targets.queryValue(value, random));
        }
    }

    private static Map<String, Gen<String>> history() {
        return params(
                "quantity", QUANTITIES, "resolution", RESOLUTIONS, "from", RECENT_INSTANTS, "to", RECENT_INSTANTS);
    }

    private static Map<String, Gen<String>> params(Object... namesAndValues) {
        Map<String, Gen<String>> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            Gen<String> values = (Gen<String>) namesAndValues[i + 1];
            params.put((String) namesAndValues[i], values);
        }
        return params;
    }
}
