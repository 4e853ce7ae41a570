package city.mycity.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StateRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
    private static final Instant LATELY = NOW.minusSeconds(60);

    private final StateRules rules = new StateRules(OperationsSettings.defaults());

    private static SensorFacts sensor(Instant lastSeen, Double battery, int alerts, boolean offline, boolean low) {
        return new SensorFacts(lastSeen, battery, alerts, offline, low);
    }

    @Test
    void a_sensor_heard_lately_with_a_good_battery_and_no_alert_is_ok() {
        assertThat(rules.sensor(sensor(LATELY, 80.0, 0, false, false), NOW)).isEqualTo(SensorState.OK);
        assertThat(rules.sensor(sensor(LATELY, null, 0, false, false), NOW))
                .as("no battery reported")
                .isEqualTo(SensorState.OK);
    }

    @Test
    void a_sensor_silent_for_longer_than_an_hour_or_never_heard_is_offline() {
        assertThat(rules.sensor(sensor(NOW.minus(Duration.ofMinutes(61)), 80.0, 0, false, false), NOW))
                .isEqualTo(SensorState.OFFLINE);
        assertThat(rules.sensor(sensor(NOW.minus(Duration.ofMinutes(60)), 80.0, 0, false, false), NOW))
                .as("exactly at the threshold")
                .isEqualTo(SensorState.OK);
        assertThat(rules.sensor(sensor(null, null, 0, false, false), NOW)).isEqualTo(SensorState.OFFLINE);
    }

    @Test
    void the_streams_offline_alert_makes_a_sensor_offline_before_the_threshold() {
        assertThat(rules.sensor(sensor(LATELY, 80.0, 1, true, false), NOW)).isEqualTo(SensorState.OFFLINE);
    }

    @Test
    void offline_comes_before_alerting_which_comes_before_low_battery() {
        assertThat(rules.sensor(sensor(null, 5.0, 2, false, true), NOW)).isEqualTo(SensorState.OFFLINE);
        assertThat(rules.sensor(sensor(LATELY, 5.0, 2, false, true), NOW)).isEqualTo(SensorState.ALERTING);
        assertThat(rules.sensor(sensor(LATELY, 5.0, 1, false, true), NOW)).isEqualTo(SensorState.LOW_BATTERY);
    }

    @Test
    void a_battery_under_twenty_percent_or_a_battery_low_alert_is_low_battery() {
        assertThat(rules.sensor(sensor(LATELY, 19.9, 0, false, false), NOW)).isEqualTo(SensorState.LOW_BATTERY);
        assertThat(rules.sensor(sensor(LATELY, 20.0, 0, false, false), NOW)).isEqualTo(SensorState.OK);
        assertThat(rules.sensor(sensor(LATELY, 50.0, 1, false, true), NOW)).isEqualTo(SensorState.LOW_BATTERY);
    }

    @Test
    void any_other_unresolved_alert_makes_a_sensor_alerting() {
        assertThat(rules.sensor(sensor(LATELY, 80.0, 1, false, false), NOW)).isEqualTo(SensorState.ALERTING);
    }

    @Test
    void the_thresholds_are_the_settings() {
        StateRules strict = new StateRules(OperationsSettings.builder()
                .offlineAfter(Duration.ofMinutes(5))
                .batteryLow(50)
                .build());

        assertThat(strict.sensor(sensor(NOW.minus(Duration.ofMinutes(6)), 80.0, 0, false, false), NOW))
                .isEqualTo(SensorState.OFFLINE);
        assertThat(strict.sensor(sensor(LATELY, 40.0, 0, false, false), NOW)).isEqualTo(SensorState.LOW_BATTERY);
    }

    @Test
    void a_gateway_reporting_with_an_outbox_that_keeps_up_is_ok() {
        assertThat(rules.gateway(new GatewayFacts(LATELY, 0.0, 0.0, false, false), NOW))
                .isEqualTo(GatewayState.OK);
        assertThat(rules.gateway(new GatewayFacts(LATELY, 30.0, 20.0, false, false), NOW))
                .as("a few readings, not old")
                .isEqualTo(GatewayState.OK);
    }

    @Test
    void a_gateway_whose_oldest_unsent_reading_is_older_than_ten_minutes_has_a_backlog() {
        assertThat(rules.gateway(new GatewayFacts(LATELY, 120.0, 601.0, false, false), NOW))
                .isEqualTo(GatewayState.BACKLOG);
        assertThat(rules.gateway(new GatewayFacts(LATELY, 0.0, 601.0, false, false), NOW))
                .as("an empty outbox has nothing waiting")
                .isEqualTo(GatewayState.OK);
        assertThat(rules.gateway(new GatewayFacts(LATELY, 0.0, 0.0, false, true), NOW))
                .as("the stream's backlog alert")
                .isEqualTo(GatewayState.BACKLOG);
    }

    @Test
    void a_gateway_silent_for_five_minutes_or_never_heard_is_offline_whatever_its_outbox() {
        assertThat(rules.gateway(new GatewayFacts(NOW.minus(Duration.ofMinutes(6)), 120.0, 900.0, false, false), NOW))
                .isEqualTo(GatewayState.OFFLINE);
        assertThat(rules.gateway(new GatewayFacts(null, null, null, false, false), NOW))
                .isEqualTo(GatewayState.OFFLINE);
        assertThat(rules.gateway(new GatewayFacts(LATELY, 0.0, 0.0, true, false), NOW))
                .isEqualTo(GatewayState.OFFLINE);
    }

    @Test
    void inconsistent_settings_are_refused_when_built() {
        assertThatThrownBy(() -> OperationsSettings.builder().batteryLow(120).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Battery low");
        assertThatThrownBy(() ->
                        OperationsSettings.builder().offlineAfter(Duration.ZERO).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Offline-after");
    }

    @Test
    void the_status_filter_of_the_queue_takes_unresolved_as_open_or_acknowledged() {
        assertThat(AlertStatusFilter.UNRESOLVED.matches("open")).isTrue();
        assertThat(AlertStatusFilter.UNRESOLVED.matches("acknowledged")).isTrue();
        assertThat(AlertStatusFilter.UNRESOLVED.matches("resolved")).isFalse();
        assertThat(AlertStatusFilter.of("resolved")).contains(AlertStatusFilter.RESOLVED);
        assertThat(AlertStatusFilter.of("closed")).isEmpty();
    }

    @Test
    void a_sensor_registered_moments_ago_that_has_not_reported_yet_is_not_offline() {
        Instant now = Instant.parse("2026-11-30T12:00:00Z");

        assertThat(rules.sensor(new SensorFacts(null, null, 0, false, false, now.minusSeconds(600)), now))
                .isEqualTo(SensorState.OK);
        assertThat(rules.sensor(new SensorFacts(null, null, 0, false, false, now.minusSeconds(7200)), now))
                .isEqualTo(SensorState.OFFLINE);
    }
}
