package city.mycity.geo.bins;

import city.mycity.routing.refuse.RouteGeoJson;
import city.mycity.routing.vrp.solver.Solver;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A round planned while the client watches: Server-Sent Events {@code progress} ({@code metres} of the best plan so
 * far in one of the searches, {@code percent} of the search) at most every half second, then {@code plan} (the routes
 * as GeoJSON), or {@code problem} (why it could not be planned). Every write happens on the request's own context. A
 * client that goes away stops the search, even before it has started.
 */
final class RoundStream {

    private static final Logger LOGGER = LoggerFactory.getLogger(RoundStream.class);
    private static final long EVERY_NANOS = 500_000_000L;

    private final RoutingContext ctx;
    private final RoundPlanning planning;
    private final AtomicReference<Solver> solver = new AtomicReference<>();
    private volatile boolean gone;
    private volatile long lastSent;
    private Context context;

    RoundStream(RoutingContext ctx, RoundPlanning planning) {
        this.ctx = ctx;
        this.planning = planning;
    }

    void start(RoundPlanning.Request request) {
        context = ctx.vertx().getOrCreateContext();
        HttpServerResponse response = ctx.response()
                .setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                // Each event goes out as it happens, never held back by compression.
                .putHeader("Content-Encoding", "identity")
                .putHeader("Cache-Control", "no-cache");
        response.write(": planning\n\n");
        response.closeHandler(v -> {
            gone = true;
            Solver running = solver.get();
            if (running != null) {
                running.stop();
            }
        });
        ctx.vertx()
                .executeBlocking(() -> planning.plan(request, this::progress, this::started), false)
                .onSuccess(plan -> send("plan", RouteGeoJson.of(plan), true))
                .onFailure(e -> send(
                        "problem", new JsonObject().put("detail", detail(e)).encode(), true));
    }

    private void started(Solver search) {
        solver.set(search);
        if (gone) {
            search.stop();
        }
    }

    private static String detail(Throwable e) {
        if (e instanceof RoundPlanning.BusyException || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        LOGGER.error("Planning a round failed", e);
        return "The round could not be planned; the error has been logged.";
    }

    private void progress(double metres, double progress) {
        long now = System.nanoTime();
        if (now - lastSent < EVERY_NANOS) {
            return;
        }
        lastSent = now;
        String data = String.format(
                Locale.ROOT, "{\"metres\":%d,\"percent\":%d}", Math.round(metres), Math.round(progress * 100));
        context.runOnContext(v -> send("progress", data, false));
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
