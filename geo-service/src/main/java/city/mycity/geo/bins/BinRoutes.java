package city.mycity.geo.bins;

import city.mycity.geo.http.GeoJson;
import city.mycity.geo.http.Params;
import city.mycity.geo.http.Replies;
import city.mycity.routing.refuse.RouteGeoJson;
import city.mycity.routing.vrp.solver.Solver;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;

/**
 * HTTP adapter for {@link BinQueries}: {@code GET /api/v1/bins/due?before=...} lists the bins that need emptying by a
 * time (ISO-8601; by default 12 hours from now), as GeoJSON points, soonest first: what a refuse round is planned
 * from; {@code GET /api/v1/bins/routes?before=&trucks=&capacity=&shift_hours=&seconds=} plans that round
 * ({@link RoundPlanning}) and gives the routes as GeoJSON, or, asked for {@code text/event-stream}, streams
 * {@code progress} events while it searches and a {@code plan} event at the end (closing the stream stops the
 * search). Bin fill levels and routes are not personal, so this is public and read-only.
 */
public final class BinRoutes {

    /** How far ahead {@code due} looks without {@code before}. */
    public static final Duration DEFAULT_AHEAD = Duration.ofHours(12);

    private final BinQueries queries;
    private final RoundPlanning planning;

    /** @param planning the round planner, or {@code null} for a city without roads (no routes then) */
    public BinRoutes(BinQueries queries, RoundPlanning planning) {
        this.queries = queries;
        this.planning = planning;
    }

    public void mount(Router router) {
        router.get("/api/v1/bins/due").handler(this::due);
        if (planning != null) {
            router.get("/api/v1/bins/routes").handler(this::routes);
        }
    }

    private void routes(RoutingContext ctx) {
        RoundPlanning.Request request = new RoundPlanning.Request(
                before(ctx),
                Params.integer(ctx, "trucks", 3, 1, 50),
                Params.integer(ctx, "capacity", 60, 1, 10_000),
                Duration.ofHours(Params.integer(ctx, "shift_hours", 8, 1, 24)),
                Params.integer(ctx, "seconds", 10, 1, RoundPlanning.LONGEST));
        String accept = ctx.request().getHeader("Accept");
        if (accept != null && accept.contains("text/event-stream")) {
            new RoundStream(ctx, planning).start(request);
            return;
        }
        // A client that goes away stops the search.
        java.util.concurrent.atomic.AtomicReference<Solver> running =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean gone = new java.util.concurrent.atomic.AtomicBoolean();
        ctx.response().closeHandler(v -> {
            gone.set(true);
            Solver solver = running.get();
            if (solver != null) {
                solver.stop();
            }
        });
        Replies.json(
                ctx,
                GeoJson.CONTENT_TYPE,
                () -> planning.plan(request, (metres, progress) -> {}, solver -> {
                    running.set(solver);
                    if (gone.get()) {
                        solver.stop();
                    }
                }),
                plan -> new JsonObject(RouteGeoJson.of(plan)));
    }

    private void due(RoutingContext ctx) {
        Instant before = before(ctx);
        Replies.json(
                ctx,
                GeoJson.CONTENT_TYPE,
                () -> queries.dueBefore(before),
                bins -> GeoJson.collection(bins.stream()
                        .map(bin -> GeoJson.feature(
                                bin.id(),
                                GeoJson.point(bin.location()),
                                new JsonObject()
                                        .put("id", bin.id())
                                        .put("zone", bin.zone())
                                        .put("fill", bin.fill())
                                        .put("fill_rate_per_hour", bin.ratePerHour())
                                        .put("full_at", GeoJson.time(bin.fullAt()))
                                        .put("last_collected", GeoJson.time(bin.lastCollected()))
                                        .put("updated", GeoJson.time(bin.updated()))))
                        .toList()));
    }

    private static Instant before(RoutingContext ctx) {
        Instant before = Params.instant(ctx, "before", null);
        return before == null ? Instant.now().plus(DEFAULT_AHEAD) : before;
    }
}
