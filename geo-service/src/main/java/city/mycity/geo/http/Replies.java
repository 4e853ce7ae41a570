package city.mycity.geo.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** Runs a blocking query on a worker thread and answers with its JSON; a failure goes to the failure handler. */
public final class Replies {

    private Replies() {}

    public static <T> void json(
            RoutingContext ctx, String contentType, Callable<T> query, Function<T, JsonObject> encoder) {
        ctx.vertx()
                .executeBlocking(query, false)
                .onSuccess(result -> {
                    // A client that went away meanwhile is nobody's error.
                    if (!ctx.response().ended() && !ctx.response().closed()) {
                        ctx.response()
                                .putHeader("Content-Type", contentType)
                                .putHeader("Cache-Control", "no-cache")
                                .end(encoder.apply(result).encode());
                    }
                })
                .onFailure(e -> {
                    if (!ctx.response().closed()) {
                        ctx.fail(e);
                    }
                });
    }
}
