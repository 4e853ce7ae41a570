package city.mycity.gateway.http;

import city.mycity.gateway.exception.ConflictException;
import city.mycity.gateway.exception.InvalidInputException;
import city.mycity.gateway.exception.NotFoundException;
import city.mycity.gateway.exception.StaleVersionException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the operators' API answers: JSON, or an RFC 9457 problem document ({@code application/problem+json}) whose
 * {@code type} names the problem, e.g. {@code urn:mycity:problem:invalid-input}.
 */
public final class Replies {

    public static final String PROBLEM_JSON = "application/problem+json";

    private static final Logger LOGGER = LoggerFactory.getLogger(Replies.class);

    private Replies() {}

    /** Runs blocking work (the database) off the event loop, then answers with what it returns or the failure. */
    public static <T> void blocking(RoutingContext ctx, Callable<T> work, Consumer<T> answer) {
        ctx.vertx().executeBlocking(work, false).onComplete(done -> {
            if (done.succeeded()) {
                answer.accept(done.result());
            } else {
                failed(ctx, done.cause());
            }
        });
    }

    /** Answers with a JSON document. */
    public static void json(RoutingContext ctx, int status, JsonObject body) {
        if (!ctx.response().ended() && !ctx.response().closed()) {
            ctx.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store")
                    .end(body.encode());
        }
    }

    /** Answers with a problem document; {@code extra} members are added when not null. */
    public static void problem(
            RoutingContext ctx, int status, String type, String title, String detail, JsonObject extra) {
        JsonObject problem = new JsonObject()
                .put("type", "urn:mycity:problem:" + type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", ctx.request().path());
        if (extra != null) {
            problem.mergeIn(extra);
        }
        if (ctx.response().headWritten()
                && !ctx.response().ended()
                && !ctx.response().closed()) {
            // An event stream has begun: its last event is the problem.
            ctx.response().end("event: problem\ndata: " + problem.encode() + "\n\n");
        } else if (!ctx.response().ended() && !ctx.response().closed()) {
            ctx.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", PROBLEM_JSON)
                    .putHeader("Cache-Control", "no-store")
                    .end(problem.encode());
        }
    }

    /** Answers for a failure: the registry's exceptions as 400, 404, 409 and 412; anything else as 500, logged. */
    public static void failed(RoutingContext ctx, Throwable failure) {
        if (failure instanceof InvalidInputException e) {
            problem(ctx, 400, "invalid-input", "Bad Request", e.getMessage(), new JsonObject().put("field", e.field()));
        } else if (failure instanceof city.mycity.gateway.accounts.oidc.OidcLogin.OidcException e) {
            problem(ctx, 401, "login-refused", "Unauthorized", e.getMessage(), null);
        } else if (failure instanceof NotFoundException e) {
            problem(ctx, 404, "not-found", "Not Found", e.getMessage(), null);
        } else if (failure instanceof StaleVersionException e) {
            problem(ctx, 412, "stale-version", "Precondition Failed", e.getMessage(), null);
        } else if (failure instanceof ConflictException e) {
            problem(ctx, 409, "conflict", "Conflict", e.getMessage(), null);
        } else if (ctx.response().closed()) {
            LOGGER.debug(
                    "{} {}: the client went away",
                    ctx.request().method(),
                    ctx.request().path());
        } else {
            LOGGER.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
            problem(
                    ctx,
                    500,
                    "internal",
                    "Internal Server Error",
                    "The request failed; the error has been logged.",
                    null);
        }
    }
}
