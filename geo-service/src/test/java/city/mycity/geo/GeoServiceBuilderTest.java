package city.mycity.geo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class GeoServiceBuilderTest {

    private Vertx vertx;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    @Test
    void requires_vertx_city_and_data_source() {
        assertThatThrownBy(() -> GeoService.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Vert.x instance must not be null.");
        assertThatThrownBy(() -> GeoService.builder().vertx(vertx).build()).hasMessage("City model must not be null.");
        assertThatThrownBy(() -> GeoService.builder()
                        .vertx(vertx)
                        .city(TestCity.create("t"))
                        .build())
                .hasMessage("Data source must not be null.");
    }

    @Test
    void rejects_inconsistent_settings() {
        GeoServiceBuilder builder =
                GeoService.builder().vertx(vertx).city(TestCity.create("t")).dataSource(new PGSimpleDataSource());

        assertThatThrownBy(() -> builder.port(70000).build()).hasMessageContaining("0..65535");
        assertThatThrownBy(() -> builder.port(0).pollInterval(Duration.ZERO).build())
                .hasMessage("Poll interval must be positive.");
        assertThatThrownBy(() -> builder.pollInterval(Duration.ofSeconds(1))
                        .maxSensors(0)
                        .build())
                .hasMessageContaining("Maximum sensors");
    }

    @Test
    void rejects_crews_without_a_data_source_or_guard_or_with_a_search_out_of_range() {
        GeoServiceBuilder builder =
                GeoService.builder().vertx(vertx).city(TestCity.create("t")).dataSource(new PGSimpleDataSource());

        assertThatThrownBy(() -> builder.crews(null, ctx -> {}))
                .hasMessage("Data source of the crews' rounds must not be null.");
        assertThatThrownBy(() -> builder.crews(new PGSimpleDataSource(), null))
                .hasMessage("Guard of the crews' routes must not be null.");
        assertThatThrownBy(() -> builder.crewPlanSearch(Duration.ofMinutes(5)).build())
                .hasMessageContaining("plan search must be 1 to 30 seconds");
    }
}
