package city.mycity.geo.http;

import city.mycity.geo.InvalidParameterException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every request goes through: request timing, a rate limit per client ({@link RateLimits}: 429), a path and query
 * that decode ({@link RequestTargets}: 400), the read-only rule (GET only, 405 otherwise; no request body, 413), CORS
 * for GET of the API ({@code /api/*}) from any origin, and problem documents for 400, 404, 405 and 500.
 */
public final class HttpBasics {

    /** Timer: HTTP requests served, tagged with {@code route}, {@code method} and {@code status}. */
    public static final String REQUESTS = "mycity.http.requests";

    private static final Logger LOGGER = LoggerFactory.getLogger(HttpBasics.class);

    private HttpBasics() {}

    /**
     * Adds the handlers that run before any route: timing, the rate limit, and the check that the path and query
     * parameters decode ({@link RequestTargets}: 400).
     */
    public static void measure(Router router, MeterRegistry meters, RateLimits limits) {
        router.route().handler(ctx -> timed(ctx, meters));
        router.route().handler(limits::handle);
        router.route().handler(RequestTargets::check);
    }

    /** Adds the public side's rules, before its routes: CORS for the API, and read-only. */
    public static void publicSide(Router router) {
        // The API is open data for any web app; the dashboard's own pages and files are not shared across origins.
        router.route("/api/*")
                .handler(CorsHandler.create()
                        .addOrigin("*")
                        .allowedMethod(HttpMethod.GET)
                        .maxAgeSeconds(3600));
        router.route().handler(HttpBasics::readOnly);
    }

    /** Adds the error handlers that answer with problem documents. */
    public static void after(Router router) {
        router.errorHandler(404, ctx -> Problems.send(ctx, 404, "Not Found", "No resource at this path.", null));
        router.errorHandler(405, HttpBasics::methodNotAllowed);
        router.errorHandler(500, HttpBasics::failure);
        router.errorHandler(400, HttpBasics::failure);
        router.errorHandler(
                413,
                ctx -> Problems.send(
                        ctx,
                        413,
                        "Content Too Large",
                        "The request body is larger" + " than this resource takes.",
                        null));
        router.errorHandler(
                415,
                ctx -> Problems.send(
                        ctx,
                        415,
                        "Unsupported Media Type",
                        "This resource does not" + " take a body of this type.",
                        null));
    }

    private static void readOnly(RoutingContext ctx) {
        if (ctx.request().method() != HttpMethod.GET) {
            methodNotAllowed(ctx);
        } else if (hasBody(ctx)) {
            ctx.response().putHeader("Connection", "close");
            Problems.send(ctx, 413, "Content Too Large", "This read-only API takes no request body.", null);
        } else {
            ctx.next();
        }
    }

    private static boolean hasBody(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        return (length != null && !length.trim().equals("0")) || ctx.request().getHeader("Transfer-Encoding") != null;
    }

    private static void methodNotAllowed(RoutingContext ctx) {
        ctx.response().putHeader("Allow", "GET");
        Problems.send(ctx, 405, "Method Not Allowed", "This API is read-only: use GET.", null);
    }

    private static void failure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (ctx.response().closed()) {
            LOGGER.debug(
                    "{} {}: the client went away",
                    ctx.request().method(),
                    ctx.request().path());
            return;
        }
        if (failure instanceof InvalidParameterException e) {
            Problems.send(ctx, 400, "Bad Request", e.getMessage(), new JsonObject().put("parameter", e.parameter()));
        } else if (failure instanceof city.mycity.geo.bins.RoundPlanning.BusyException e) {
            ctx.response().putHeader("Retry-After", "10");
            Problems.send(ctx, 503, "Service Unavailable", e.getMessage(), null);
        } else if (ctx.statusCode() == 400) {
            Problems.send(ctx, 400, "Bad Request", "The request could not be read.", null);
        } else {
            LOGGER.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
            Problems.send(ctx, 500, "Internal Server Error", "The request failed; the error has been logged.", null);
        }
    }

    private static void timed(RoutingContext ctx, MeterRegistry meters) {
        long start = System.nanoTime();
        ctx.addEndHandler(v -> {
            Route route = ctx.currentRoute();
            String path = route == null || route.getPath() == null ? "other" : route.getPath();
            Timer.builder(REQUESTS)
                    .description("HTTP requests served")
                    .tag(
                            "route",
                            path.startsWith("/api") || path.equals("/health") || path.equals("/metrics")
                                    ? path
                                    : "other")
                    .tag("method", ctx.request().method().name())
                    .tag("status", Integer.toString(ctx.response().getStatusCode()))
                    .register(meters)
                    .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        });
        ctx.next();
    }
}
