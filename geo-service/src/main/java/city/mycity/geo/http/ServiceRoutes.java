package city.mycity.geo.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import javax.sql.DataSource;

/**
 * The service's own routes: the OpenAPI document on the public side; Prometheus metrics and health on the management
 * side, which listens on loopback only.
 */
public final class ServiceRoutes {

    /** The classpath resource of the OpenAPI 3.1 document. */
    public static final String OPENAPI_RESOURCE = "city/mycity/geo/openapi.json";

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final DataSource dataSource;
    private final Buffer openApi;

    public ServiceRoutes(PrometheusMeterRegistry registry, DataSource dataSource) {
        this.registry = registry;
        this.dataSource = dataSource;
        this.openApi = Buffer.buffer(openApiText());
    }

    /** The public side: the OpenAPI document. */
    public void mount(Router router) {
        router.get("/api/v1/openapi.json").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/json")
                .end(openApi));
    }

    /** The management side: {@code /metrics} and {@code /health}. */
    public void mountManagement(Router router) {
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader("Content-Type", PROMETHEUS_TEXT)
                .end(registry.scrape()));
        router.get("/health").handler(ctx -> ctx.vertx()
                .executeBlocking(this::databaseUp, false)
                .otherwise(false)
                .onSuccess(up -> ctx.response()
                        .setStatusCode(up ? 200 : 503)
                        .putHeader("Content-Type", "application/json")
                        .putHeader("Cache-Control", "no-cache")
                        .end(new JsonObject()
                                .put("status", up ? "UP" : "DOWN")
                                .put("checks", new JsonObject().put("database", up ? "UP" : "DOWN"))
                                .encode())));
    }

    private boolean databaseUp() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        }
    }

    /** The OpenAPI document's text. */
    public static String openApiText() {
        try (InputStream in = ServiceRoutes.class.getClassLoader().getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + OPENAPI_RESOURCE);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
