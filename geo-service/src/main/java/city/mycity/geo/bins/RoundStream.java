package city.mycity.geo.bins;

import city.mycity.routing.refuse.RouteGeoJson;
import city.mycity.routing.vrp.solver.Solver;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A round planned while the client watches: Server-Sent Events {@code progress} ({@code metres} of the best plan so
 * far, {@code percent} of the search) at most every half second, then {@code plan} (the routes as GeoJSON), or {@code
 * problem} (why it could not be planned). A client that goes away stops the search.
 */
final class RoundStream {

    private static final long EVERY_NANOS = 500_000_000L;

    private final RoutingContext ctx;
    private final RoundPlanning planning;
    private final AtomicReference<Solver> solver = new AtomicReference<>();
    private volatile long lastSent;

    RoundStream(RoutingContext ctx, RoundPlanning planning) {
        this.ctx = ctx;
        this.planning = planning;
    }

    void start(RoundPlanning.Request request) {
        HttpServerResponse response = ctx.response()
                .setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache");
        response.write(": planning\n\n");
        response.closeHandler(v -> {
            Solver running = solver.get();
            if (running != null) {
                running.stop();
            }
        });
        ctx.vertx()
                .executeBlocking(() -> planning.plan(request, this::progress, solver::set), false)
                .onSuccess(plan -> send("plan", RouteGeoJson.of(plan), true))
                .onFailure(e -> send(
                        "problem",
                        new JsonObject().put("detail", e.getMessage()).encode(),
                        true));
    }

    private void progress(double metres, double progress) {
        long now = System.nanoTime();
        if (now - lastSent < EVERY_NANOS) {
            return;
        }
        lastSent = now;
        String data = String.format(
                Locale.ROOT, "{\"metres\":%d,\"percent\":%d}", Math.round(metres), Math.round(progress * 100));
        ctx.vertx().runOnContext(v -> send("progress", data, false));
    }

    private void send(String event, String data, boolean last) {
        HttpServerResponse response = ctx.response();
        if (response.closed() || response.ended()) {
            return;
        }
        response.write("event: " + event + "\ndata: " + data + "\n\n");
        if (last) {
            response.end();
        }
    }
}
