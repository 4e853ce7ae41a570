package city.mycity.geo.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes RFC 9457 problem documents ({@code application/problem+json}). */
public final class Problems {

    public static final String CONTENT_TYPE = "application/problem+json";

    private Problems() {}

    /** Ends the response with a problem of this status; {@code extra} members are added when not null. */
    public static void send(RoutingContext ctx, int status, String title, String detail, JsonObject extra) {
        JsonObject problem = new JsonObject()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", ctx.request().path());
        if (extra != null) {
            problem.mergeIn(extra);
        }
        if (!ctx.response().ended()) {
            ctx.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", CONTENT_TYPE)
                    .end(problem.encode());
        }
    }
}
