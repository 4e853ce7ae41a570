package city.mycity.simulator.water;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.CityModels;
import city.mycity.simulator.device.DayClock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Leak and burst detection on the generated town's water sensors, measured against planned incidents. */
class LeakTrialTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final long START = Instant.parse("2025-03-03T00:00:00Z").toEpochMilli();

    private final CityModel town = CityModels.generated(42);
    private final LeakTrial trial = new LeakTrial(town.sensors(), ZONE, 7);

    @Test
    void every_leak_is_found_within_a_night_and_every_burst_within_fifteen_minutes() {
        List<WaterIncident> incidents = WaterIncidents.plan(trial.sensors(), 11, START, 21, new DayClock(ZONE));

        LeakTrial.Result result = trial.run(START, 21, incidents, share -> {});

        assertThat(result.injected(WaterIncident.Kind.LEAK)).isPositive();
        assertThat(result.injected(WaterIncident.Kind.BURST)).isPositive();
        assertThat(result.found(WaterIncident.Kind.LEAK)).isEqualTo(result.injected(WaterIncident.Kind.LEAK));
        assertThat(result.found(WaterIncident.Kind.BURST)).isEqualTo(result.injected(WaterIncident.Kind.BURST));
        assertThat(result.falseAlarms()).isZero();
    }

    @Test
    void a_run_without_incidents_raises_at_most_one_alarm_per_thousand_sensor_days() {
        LeakTrial.Result result = trial.run(START, 60, List.of(), share -> {});

        assertThat(result.sensorDays()).isGreaterThan(1_000);
        assertThat(result.falseAlarmsPerThousandSensorDays()).isLessThanOrEqualTo(1.0);
    }
}
