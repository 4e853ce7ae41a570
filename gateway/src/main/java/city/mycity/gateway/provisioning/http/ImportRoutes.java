package city.mycity.gateway.provisioning.http;

import city.mycity.gateway.accounts.Principal;
import city.mycity.gateway.accounts.Role;
import city.mycity.gateway.http.Authentication;
import city.mycity.gateway.http.Replies;
import city.mycity.gateway.provisioning.DeviceImport;
import city.mycity.gateway.provisioning.ImportReport;
import city.mycity.gateway.provisioning.RowProblem;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /api/v1/registry/devices/import}: bulk provisioning from a CSV body ({@code text/csv}, at most
 * {@value #BODY_LIMIT} bytes), for operators. The answer is the import's report: a JSON document, or, when the client
 * accepts {@code text/event-stream}, {@code progress} events ({@code {"done":1000,"total":20000}}) followed by one
 * {@code report} event.
 */
public final class ImportRoutes {

    public static final String PATH = "/api/v1/registry/devices/import";
    /** 32 MiB: a few hundred thousand rows. */
    public static final long BODY_LIMIT = 32L * 1024 * 1024;

    private final DeviceImport imports;
    private final Authentication authentication;

    public ImportRoutes(DeviceImport imports, Authentication authentication) {
        this.imports = imports;
        this.authentication = authentication;
    }

    public void mount(Router router) {
        // Vert.x reads the body before any other handler; the rate limit in front bounds what a stranger can send.
        router.post(PATH)
                .handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT))
                .handler(authentication.require(Role.OPERATOR))
                .handler(this::importCsv);
    }

    private void importCsv(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv")) {
            Replies.problem(ctx, 415, "unsupported-media-type", "Unsupported Media Type", "Send text/csv.", null);
            return;
        }
        Principal who = Authentication.principal(ctx);
        String csv = ctx.body().buffer() == null ? "" : ctx.body().buffer().toString(StandardCharsets.UTF_8);
        String accept = ctx.request().getHeader("Accept");
        boolean stream = accept != null && accept.contains("text/event-stream");
        HttpServerResponse response = ctx.response();
        if (stream) {
            response.setChunked(true)
                    .putHeader("Content-Type", "text/event-stream")
                    .putHeader("Cache-Control", "no-store")
                    .write(": import started\n\n");
        }
        Replies.blocking(
                ctx,
                () -> imports.importCsv(
                        who.username(), who.tenant(), new StringReader(csv), "api upload", (done, total) -> {
                            if (stream) {
                                String event = "event: progress\ndata: "
                                        + new JsonObject()
                                                .put("done", done)
                                                .put("total", total)
                                                .encode() + "\n\n";
                                ctx.vertx().runOnContext(v -> {
                                    if (!response.closed()) {
                                        response.write(event);
                                    }
                                });
                            }
                        }),
                report -> {
                    if (stream) {
                        ctx.vertx().runOnContext(v -> {
                            if (!response.closed()) {
                                response.end(
                                        "event: report\ndata: " + json(report).encode() + "\n\n");
                            }
                        });
                    } else {
                        Replies.json(ctx, 200, json(report));
                    }
                });
    }

    static JsonObject json(ImportReport report) {
        JsonArray refused = new JsonArray();
        for (RowProblem p : report.refused()) {
            refused.add(new JsonObject()
                    .put("line", p.line())
                    .put("column", p.column())
                    .put("reason", p.reason()));
        }
        return new JsonObject()
                .put("rows", report.rows())
                .put("created", report.created())
                .put("updated", report.updated())
                .put("unchanged", report.unchanged())
                .put("refused", refused);
    }
}
