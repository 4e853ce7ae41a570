package city.mycity.stream.parking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import city.mycity.analytics.parking.ProfileForecaster;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ForecastFunctionTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Monday 7 November 2016, 00:00 in London. */
    private static final Instant MONDAY =
            LocalDate.of(2016, 11, 7).atStartOfDay(LONDON).toInstant();

    private KeyedOneInputStreamOperatorTestHarness<String, Occupancy, CarParkForecast> harness;

    @BeforeEach
    void open() throws Exception {
        ProfileForecaster noDrift = ProfileForecaster.withDriftWeights(Map.of(30, 0.0));
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new ForecastFunction(LONDON, noDrift), o -> o.tenant() + '/' + o.scopeId(), Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void occupancy(int occupied, Instant time) throws Exception {
        harness.processElement(new Occupancy("town", Scope.CAR_PARK, "cp001", occupied, 200, time), 0);
    }

    /** Every minute of {@code days} days before Monday: 20 bays taken until 09:00, then 120 until 18:00, then 20. */
    private void usualDays(int days) throws Exception {
        for (long minute = 0; minute < days * 1440L; minute += 1) {
            Instant time = MONDAY.minus(Duration.ofDays(days)).plus(Duration.ofMinutes(minute));
            int hour = time.atZone(LONDON).getHour();
            occupancy(hour >= 9 && hour < 18 ? 120 : 20, time);
        }
    }

    @Test
    void forecasts_every_five_minutes_of_device_time_at_each_horizon() throws Exception {
        occupancy(10, MONDAY);
        occupancy(12, MONDAY.plusSeconds(299));
        assertThat(harness.extractOutputValues()).isEmpty();

        occupancy(14, MONDAY.plusSeconds(301));

        List<CarParkForecast> forecasts = harness.extractOutputValues();
        assertThat(forecasts).extracting(CarParkForecast::horizonMinutes).containsExactly(15, 30, 60);
        assertThat(forecasts)
                .allSatisfy(f -> assertThat(f.issuedAt()).isEqualTo(MONDAY.plusSeconds(300)))
                .allSatisfy(f -> assertThat(f.occupied())
                        .as("no profile yet: the value at 00:05")
                        .isEqualTo(12))
                .allSatisfy(f -> assertThat(f.carPark()).isEqualTo("cp001"));
    }

    @Test
    void a_car_park_that_fills_at_nine_every_day_is_forecast_to_fill_at_nine() throws Exception {
        usualDays(7);
        harness.getOutput().clear();

        occupancy(20, MONDAY.plus(Duration.ofHours(8).plusMinutes(30)));
        occupancy(20, MONDAY.plus(Duration.ofHours(8).plusMinutes(35)));

        CarParkForecast in60 = harness.extractOutputValues().stream()
                .filter(f -> f.horizonMinutes() == 60)
                .reduce((first, second) -> second)
                .orElseThrow();
        assertThat(in60.issuedAt()).isEqualTo(MONDAY.plus(Duration.ofHours(8).plusMinutes(35)));
        // The profile is smoothed over a quarter of an hour either side, so the step at 09:00 shows a little at 09:35.
        assertThat(in60.occupied()).as("09:35, filled as every day").isCloseTo(120, within(8.0));
        assertThat(in60.free()).isCloseTo(80, within(8));
        CarParkForecast in15 = harness.extractOutputValues().stream()
                .filter(f -> f.horizonMinutes() == 15)
                .reduce((first, second) -> second)
                .orElseThrow();
        assertThat(in15.occupied()).as("08:50, not yet").isLessThan(50);
    }

    @Test
    void keeps_four_weeks_of_samples_and_forgets_older_ones() throws Exception {
        occupancy(1, MONDAY.minus(Duration.ofDays(40)));
        for (int day = 40; day >= 0; day--) {
            occupancy(5, MONDAY.minus(Duration.ofDays(day)).plusSeconds(60));
        }

        harness.getOperator().setCurrentKey("town/cp001");
        ListState<Long> state = harness.getOperator()
                .getKeyedStateBackend()
                .getPartitionedState(
                        VoidNamespace.INSTANCE,
                        VoidNamespaceSerializer.INSTANCE,
                        new ListStateDescriptor<>("samples", Types.LONG));
        int samples = 0;
        for (Long ignored : state.get()) {
            samples++;
        }
        assertThat(samples).isBetween((ForecastFunction.KEEP_DAYS - 1) * 288, (ForecastFunction.KEEP_DAYS + 1) * 288);
    }

    @Test
    void a_sample_keeps_its_minute_and_its_count() {
        long packed = ForecastFunction.pack(MONDAY.toEpochMilli() + 300_000, 1234);

        assertThat(ForecastFunction.millisOf(packed)).isEqualTo(MONDAY.toEpochMilli() + 300_000);
        assertThat(ForecastFunction.occupiedOf(packed)).isEqualTo(1234);
    }
}
