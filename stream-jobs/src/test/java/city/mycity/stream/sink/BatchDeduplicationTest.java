package city.mycity.stream.sink;

import static city.mycity.stream.TestCity.T0;
import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.reading.Reading;
import city.mycity.reading.SensorKind;
import city.mycity.stream.parking.Occupancy;
import city.mycity.stream.parking.Scope;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchDeduplicationTest {

    @Test
    void sensor_state_keeps_the_newest_reading_of_each_quantity_in_a_batch() {
        List<Reading> batch = List.of(
                reading("bin-1", "fill", 10, T0.plusSeconds(5)),
                reading("bin-1", "fill", 20, T0),
                reading("bin-1", "temperature", 12, T0),
                reading("bin-2", "fill", 30, T0));

        assertThat(SensorStateStatement.newestPerKey(batch))
                .extracting(Reading::device, Reading::quantity, Reading::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("bin-1", "fill", 10.0),
                        org.assertj.core.groups.Tuple.tuple("bin-1", "temperature", 12.0),
                        org.assertj.core.groups.Tuple.tuple("bin-2", "fill", 30.0));
    }

    @Test
    void occupancy_keeps_the_last_of_the_newest_per_car_park() {
        List<Occupancy> batch = List.of(
                occupancy(1, T0.plusSeconds(10)), occupancy(2, T0.plusSeconds(10)), occupancy(3, T0.plusSeconds(5)));

        assertThat(OccupancyStatement.latestPerKey(batch))
                .extracting(Occupancy::occupied)
                .containsExactly(2);
    }

    @Test
    void lost_connections_and_deadlocks_are_transient_constraint_violations_are_not() {
        assertThat(SqlErrors.isTransient(new java.sql.SQLException("lost", "08006")))
                .isTrue();
        assertThat(SqlErrors.isTransient(new java.sql.SQLException("deadlock", "40P01")))
                .isTrue();
        assertThat(SqlErrors.isTransient(new java.sql.SQLException("check", "23514")))
                .isFalse();
        assertThat(SqlErrors.isTransient(new java.sql.SQLException("none"))).isFalse();
    }

    private static Reading reading(String device, String quantity, double value, Instant time) {
        return new Reading("t", "g", device, SensorKind.BIN, quantity, value, "%", time, -1, time);
    }

    private static Occupancy occupancy(int occupied, Instant time) {
        return new Occupancy("t", Scope.CAR_PARK, "cp001", occupied, 10, time);
    }
}
