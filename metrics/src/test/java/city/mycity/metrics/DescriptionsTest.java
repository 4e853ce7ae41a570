package city.mycity.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.reading.ReadingMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class DescriptionsTest {

    @Test
    void the_shared_counters_say_what_they_count_and_others_are_left_alone() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(Descriptions.filter());

        registry.counter(ReadingMetrics.RECEIVED, ReadingMetrics.STAGE, "edge").increment();
        registry.counter("mycity.other").increment();

        assertThat(registry.scrape())
                .contains("# HELP mycity_readings_received_total Readings a stage received")
                .contains("mycity_readings_received_total{stage=\"edge\"} 1.0")
                .contains("mycity_other_total 1.0");
    }
}
