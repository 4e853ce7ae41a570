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

    private final HttpServer server;
    private final PrometheusMeterRegistry registry;

    private MetricsEndpoint(HttpServer server, PrometheusMeterRegistry registry) {
        this.server = server;
        this.registry = registry;
    }

    /** Serves the registry on the host and port (0 = a free port). */
    public static MetricsEndpoint start(String host, int port, PrometheusMeterRegistry registry) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            server.createContext("/", exchange -> answer(exchange, registry));
            server.start();
            MetricsEndpoint endpoint = new MetricsEndpoint(server, registry);
            LOGGER.info("Metrics at http://{}:{}/metrics", host, endpoint.port());
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
        int port = settings.get(MetricsSettings.PORT);
        if (port < 0) {
            return Optional.empty();
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Metrics.addRegistry(registry);
        return Optional.of(start(settings.get(MetricsSettings.HOST), port, registry));
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

    private static void answer(HttpExchange exchange, PrometheusMeterRegistry registry) throws IOException {
        try (exchange) {
            if (!"/metrics".equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
            } else if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "GET");
                exchange.sendResponseHeaders(405, -1);
            } else {
                byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", CONTENT_TYPE);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}
