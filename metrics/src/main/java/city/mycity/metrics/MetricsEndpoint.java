package city.mycity.metrics;

import city.mycity.settings.Settings;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a Prometheus registry at {@code GET /metrics}, with the JDK's own HTTP server: a standalone service (edge
 * agent, simulator, stream job) needs no web framework for it. The geo-service serves {@code /metrics} on its own
 * port instead.
 */
public final class MetricsEndpoint implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(MetricsEndpoint.class);
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Supplier<Health> NO_HEALTH_CHECK = () -> new Health(Health.UP, java.util.Map.of());

    private final HttpServer server;
    private final PrometheusMeterRegistry registry;

    private MetricsEndpoint(HttpServer server, PrometheusMeterRegistry registry) {
        this.server = server;
        this.registry = registry;
    }

    /** Serves the registry on the host and port (0 = a free port), and {@code /health} always up. */
    public static MetricsEndpoint start(String host, int port, PrometheusMeterRegistry registry) {
        return start(host, port, registry, NO_HEALTH_CHECK);
    }

    /** Serves the registry at {@code /metrics} and what {@code health} says at {@code /health}, as JSON. */
    public static MetricsEndpoint start(
            String host, int port, PrometheusMeterRegistry registry, Supplier<Health> health) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            server.createContext("/", exchange -> answer(exchange, registry, health));
            server.start();
            MetricsEndpoint endpoint = new MetricsEndpoint(server, registry);
            LOGGER.info("Metrics at http://{}:{}/metrics, health at /health", host, endpoint.port());
            return endpoint;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not serve metrics on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * Adds a Prometheus registry to Micrometer's global registry (where every MyCity component counts by default) and
     * serves it as the settings say; empty when {@link MetricsSettings#PORT} is -1.
     */
    public static Optional<MetricsEndpoint> forGlobalRegistry(Settings settings) {
        return forGlobalRegistry(settings, NO_HEALTH_CHECK);
    }

    /** {@link #forGlobalRegistry(Settings)}, with what {@code health} says at {@code /health}. */
    public static Optional<MetricsEndpoint> forGlobalRegistry(Settings settings, Supplier<Health> health) {
        int port = settings.get(MetricsSettings.PORT);
        if (port < 0) {
            return Optional.empty();
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(Descriptions.filter());
        Metrics.addRegistry(registry);
        return Optional.of(start(settings.get(MetricsSettings.HOST), port, registry, health));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        server.stop(0);
        Metrics.removeRegistry(registry);
    }

    private static void answer(HttpExchange exchange, PrometheusMeterRegistry registry, Supplier<Health> health)
            throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"/metrics".equals(path) && !"/health".equals(path)) {
                exchange.sendResponseHeaders(404, -1);
            } else if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "GET");
                exchange.sendResponseHeaders(405, -1);
            } else if ("/health".equals(path)) {
                Health now = checked(health);
                send(exchange, now.httpStatus(), "application/json", now.toJson());
            } else {
                send(exchange, 200, CONTENT_TYPE, registry.scrape());
            }
        }
    }

    private static Health checked(Supplier<Health> health) {
        try {
            return health.get();
        } catch (RuntimeException e) {
            return new Health(Health.DOWN, java.util.Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
