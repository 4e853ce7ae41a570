package city.mycity.geo.parking;

import city.mycity.citymodel.GeoPoint;
import city.mycity.geo.InvalidParameterException;
import city.mycity.geo.http.GeoJson;
import city.mycity.geo.http.Params;
import city.mycity.geo.http.Replies;
import city.mycity.routing.road.UnreachablePlaceException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** HTTP adapter for {@link ParkingQueries}: car parks, nearest free ({@link NearestParking}), zone occupancy. */
public final class ParkingRoutes {

    /** The most places {@code nearest} returns. */
    public static final int MAX_NEAREST = 50;
    /** The longest history {@code history} returns, in hours. */
    public static final int MAX_HISTORY_HOURS = 24 * 31;

    private final ParkingQueries queries;
    private final NearestParking nearest;

    private final ParkingNow now;
    /** The car parks' GeoJSON of the newest state, encoded once for all the requests that share that state. */
    private final java.util.concurrent.atomic.AtomicReference<Encoded> encoded =
            new java.util.concurrent.atomic.AtomicReference<>();

    private record Encoded(ParkingNow.State state, io.vertx.core.buffer.Buffer json) {}

    public ParkingRoutes(ParkingQueries queries, ParkingNow now, NearestParking nearest) {
        this.queries = queries;
        this.now = now;
        this.nearest = nearest;
    }

    public void mount(Router router) {
        router.get("/api/v1/parking/carparks").handler(this::carParks);
        router.get("/api/v1/parking/nearest").handler(this::nearest);
        router.get("/api/v1/parking/carparks/:id/history").handler(this::history);
        router.get("/api/v1/zones/occupancy").handler(this::zones);
    }

    /**
     * {@code GET /api/v1/parking/carparks/{id}/history?hours=24&until=...}: the car park's occupancy per minute, oldest
     * first; by default the 24 hours up to its newest minute.
     */
    private void history(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        int hours = Params.integer(ctx, "hours", 24, 1, MAX_HISTORY_HOURS);
        Instant end = Params.instant(ctx, "until", null);
        Replies.json(ctx, "application/json", () -> queries.history(id, end, Duration.ofHours(hours)), points -> {
            JsonArray minutes = new JsonArray();
            points.forEach(p -> minutes.add(new JsonObject()
                    .put("minute", GeoJson.time(p.minute()))
                    .put("occupied", p.occupied())
                    .put("free", p.free())
                    .put("bays", p.bays())));
            return new JsonObject().put("car_park", id).put("minutes", minutes);
        });
    }

    private void carParks(RoutingContext ctx) {
        ParkingNow.State fresh = now.fresh();
        // Most requests find the state young enough: answered on the event loop, no worker needed.
        io.vertx.core.Future<ParkingNow.State> current = fresh != null
                ? io.vertx.core.Future.succeededFuture(fresh)
                : ctx.vertx().executeBlocking(now::get, false);
        current.onSuccess(state -> {
                    Encoded last = encoded.get();
                    if (last == null || last.state() != state) {
                        last = new Encoded(
                                state,
                                GeoJson.collection(state.carParks().stream()
                                                .map(cp -> feature(cp, new JsonObject()))
                                                .toList())
                                        .toBuffer());
                        encoded.set(last);
                    }
                    if (!ctx.response().ended() && !ctx.response().closed()) {
                        ctx.response()
                                .putHeader("Content-Type", GeoJson.CONTENT_TYPE)
                                .putHeader("Cache-Control", "max-age=1")
                                .end(last.json());
                    }
                })
                .onFailure(e -> {
                    if (!ctx.response().closed()) {
                        ctx.fail(e);
                    }
                });
    }

    private void nearest(RoutingContext ctx) {
        double lat = Params.decimal(ctx, "lat", -90, 90);
        double lon = Params.decimal(ctx, "lon", -180, 180);
        int limit = Params.integer(ctx, "limit", 5, 1, MAX_NEAREST);
        GeoPoint from = new GeoPoint(lat, lon);
        Replies.json(
                ctx,
                GeoJson.CONTENT_TYPE,
                () -> nearestFrom(from, limit),
                list -> GeoJson.collection(
                        list.stream().map(ParkingRoutes::feature).toList()));
    }

    private List<NearbyParking> nearestFrom(GeoPoint from, int limit) throws java.sql.SQLException {
        try {
            return nearest.from(from, limit);
        } catch (UnreachablePlaceException e) {
            throw new InvalidParameterException(
                    "lat", "Parameters lat and lon name a place no car reaches: " + e.getMessage());
        }
    }

    private static JsonObject feature(NearbyParking place) {
        JsonObject extra = new JsonObject()
                .put("kind", place.kind())
                .put("distance_m", Math.round(place.distanceMetres()))
                .put(
                        "driving_s",
                        place.driving() == null
                                ? null
                                : Math.round(place.driving().seconds()))
                .put(
                        "driving_m",
                        place.driving() == null
                                ? null
                                : Math.round(place.driving().metres()));
        if (place.carPark() != null) {
            return feature(place.carPark(), extra);
        }
        return GeoJson.feature(
                place.id(),
                GeoJson.point(place.location()),
                new JsonObject()
                        .put("id", place.id())
                        .put("name", place.name())
                        .put("free", place.free())
                        .mergeIn(extra));
    }

    private void zones(RoutingContext ctx) {
        Replies.json(ctx, "application/json", queries::zones, list -> {
            JsonArray zones = new JsonArray();
            list.forEach(z -> zones.add(new JsonObject()
                    .put("id", z.id())
                    .put("name", z.name())
                    .put("occupied", z.occupied())
                    .put("bays", z.bays())
                    .put("free", z.occupied() == null ? null : Math.max(0, z.bays() - z.occupied()))
                    .put("updated", GeoJson.time(z.updated()))));
            return new JsonObject().put("zones", zones);
        });
    }

    private static JsonArray forecast(CarParkStatus cp) {
        JsonArray forecasts = new JsonArray();
        cp.forecast()
                .forEach(f -> forecasts.add(new JsonObject()
                        .put("in_min", f.horizonMinutes())
                        .put("at", GeoJson.time(f.at()))
                        .put("free", f.free())
                        .put("issued", GeoJson.time(f.issued()))));
        return forecasts;
    }

    static JsonObject feature(CarParkStatus cp, JsonObject extra) {
        JsonObject properties = new JsonObject()
                .put("id", cp.id())
                .put("name", cp.name())
                .put("zone", cp.zone())
                .put("capacity", cp.capacity())
                .put("free", cp.free())
                .put("occupied", cp.occupied())
                .put("updated", GeoJson.time(cp.updated()))
                .put("forecast", forecast(cp))
                .mergeIn(extra);
        return GeoJson.feature(cp.id(), GeoJson.point(cp.location()), properties);
    }
}
