package city.mycity.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.reading.ReadingMetrics;
import city.mycity.settings.Settings;
import io.micrometer.core.instrument.Metrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsEndpointIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void serves_what_components_count_in_the_global_registry_in_prometheus_format() throws Exception {
        Settings settings = Settings.of(Map.of(MetricsSettings.PORT.key(), "0"));
        try (MetricsEndpoint endpoint =
                MetricsEndpoint.forGlobalRegistry(settings).orElseThrow()) {
            Metrics.counter(ReadingMetrics.STORED).increment(3);

            HttpResponse<String> response = get(endpoint.port(), "/metrics");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            assertThat(response.body()).contains("mycity_readings_stored_total 3.0");
        }
    }

    @Test
    void answers_other_paths_with_not_found() throws Exception {
        Settings settings = Settings.of(Map.of(MetricsSettings.PORT.key(), "0"));
        try (MetricsEndpoint endpoint =
                MetricsEndpoint.forGlobalRegistry(settings).orElseThrow()) {
            assertThat(get(endpoint.port(), "/admin").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void serves_the_services_health_as_json_with_503_when_it_is_down() throws Exception {
        Settings settings = Settings.of(Map.of(MetricsSettings.PORT.key(), "0"));
        java.util.concurrent.atomic.AtomicReference<Health> health = new java.util.concurrent.atomic.AtomicReference<>(
                new Health(Health.DEGRADED, Map.of("brokerConnected", false)));
        try (MetricsEndpoint endpoint =
                MetricsEndpoint.forGlobalRegistry(settings, health::get).orElseThrow()) {
            HttpResponse<String> degraded = get(endpoint.port(), "/health");
            health.set(new Health(Health.DOWN, Map.of("reason", "no \"broker\"")));
            HttpResponse<String> down = get(endpoint.port(), "/health");

            assertThat(degraded.statusCode()).isEqualTo(200);
            assertThat(degraded.body()).isEqualTo("{\"status\":\"degraded\",\"brokerConnected\":false}");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).isEqualTo("{\"status\":\"down\",\"reason\":\"no \\\"broker\\\"\"}");
        }
    }

    @Test
    void serves_nothing_when_the_port_is_minus_one() {
        assertThat(MetricsEndpoint.forGlobalRegistry(Settings.of(Map.of(MetricsSettings.PORT.key(), "-1"))))
                .isEmpty();
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
