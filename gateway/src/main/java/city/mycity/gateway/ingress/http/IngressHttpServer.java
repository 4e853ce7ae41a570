package city.mycity.gateway.ingress.http;

import city.mycity.codec.ContentFormats;
import city.mycity.gateway.ingress.DeviceRateLimits;
import city.mycity.gateway.ingress.DirectIngress;
import city.mycity.gateway.ingress.IngressOutcome;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Direct ingress over HTTPS: {@code POST /ingress/v1/up/{device}} with HTTP Basic authentication as the device
 * ({@code dev~tenant~device} and its password) and a body of SenML JSON ({@code application/senml+json}) or the
 * device's vendor frame ({@code application/octet-stream}). 204 once the broker has the message; otherwise an RFC
 * 9457 problem document whose {@code reason} says why (401, 403, 404, 413, 415, 429 with {@code Retry-After}, 400,
 * 503). TLS only, unless configured for a loopback test.
 */
public final class IngressHttpServer implements AutoCloseable {

    public static final String PATH = "/ingress/v1/up/:device";

    private static final org.slf4j.Logger LOGGER = org.slf4j.LoggerFactory.getLogger(IngressHttpServer.class);

    private final HttpServer server;

    private IngressHttpServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts the server.
     *
     * @param certificate PEM certificate (chain) and key files of the server; {@code null} for plain HTTP
     */
    public static IngressHttpServer start(
            Vertx vertx, DirectIngress ingress, String host, int port, PemKeyCertOptions certificate, int maxBytes) {
        Router router = Router.router(vertx);
        // Before any body is read or the registry asked: a client address sends at most 20 messages a second.
        DeviceRateLimits addresses = new DeviceRateLimits(20, 40);
        router.route().handler(ctx -> {
            String address = ctx.request().remoteAddress() == null
                    ? "unknown"
                    : ctx.request().remoteAddress().hostAddress();
            if (addresses.take(address, System.nanoTime())) {
                ctx.next();
            } else {
                ctx.response().putHeader("Retry-After", "1");
                problem(ctx, 429, "rate_limited", "Too many requests from this address: wait a moment.");
            }
        });
        router.post(PATH)
                .handler(BodyHandler.create(false).setBodyLimit(Math.max(4L * maxBytes, 64 * 1024)))
                .handler(ctx -> handle(ctx, ingress));
        router.route().handler(ctx -> problem(ctx, 404, "not_found", "POST to /ingress/v1/up/{device}."));
        HttpServerOptions options = new HttpServerOptions()
                .setHost(host)
                .setPort(port)
                .setIdleTimeout(30)
                .setIdleTimeoutUnit(java.util.concurrent.TimeUnit.SECONDS);
        if (certificate != null) {
            options.setSsl(true).setKeyCertOptions(certificate);
        }
        HttpServer server =
                vertx.createHttpServer(options).requestHandler(router).listen().await();
        return new IngressHttpServer(server);
    }

    private static void handle(RoutingContext ctx, DirectIngress ingress) {
        String[] login = basic(ctx.request().getHeader("Authorization"));
        String device = ctx.pathParam("device");
        int format = contentFormat(ctx.request().getHeader("Content-Type"));
        byte[] body =
                ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        ctx.vertx()
                .executeBlocking(() -> ingress.accept(login[0], login[1], device, format, body), false)
                .onSuccess(stage ->
                        stage.whenComplete((outcome, error) -> ctx.vertx().runOnContext(v -> {
                            if (error != null) {
                                LOGGER.error("Direct ingress failed for {}", device, error);
                                problem(
                                        ctx,
                                        500,
                                        "internal",
                                        "The message could not be taken; the error has been logged.");
                            } else if (outcome instanceof IngressOutcome.Accepted) {
                                ctx.response().setStatusCode(204).end();
                            } else if (outcome instanceof IngressOutcome.Refused refused) {
                                if (refused.status() == 401) {
                                    ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"MyCity devices\"");
                                }
                                if (refused.status() == 429) {
                                    ctx.response().putHeader("Retry-After", "1");
                                }
                                problem(ctx, refused.status(), refused.reason(), refused.detail());
                            }
                        })))
                .onFailure(error -> {
                    LOGGER.error("Direct ingress failed for {}", device, error);
                    problem(ctx, 500, "internal", "The message could not be taken; the error has been logged.");
                });
    }

    /** Username and password of a Basic header, or two nulls. */
    private static String[] basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return new String[2];
        }
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? new String[2] : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return new String[2];
        }
    }

    private static int contentFormat(String type) {
        if (type == null) {
            return -1;
        }
        String t = type.toLowerCase(Locale.ROOT);
        if (t.startsWith("application/senml+json")) {
            return ContentFormats.SENML_JSON;
        }
        if (t.startsWith("application/octet-stream")) {
            return ContentFormats.OCTET_STREAM;
        }
        return -1;
    }

    private static void problem(RoutingContext ctx, int status, String reason, String detail) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject()
                        .put("type", "urn:mycity:problem:" + reason.replace('_', '-'))
                        .put("title", reason)
                        .put("status", status)
                        .put("detail", detail)
                        .put("reason", reason)
                        .encode());
    }

    public int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        server.close().await();
    }
}
