package city.mycity.geo.parking;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.citymodel.GeoPoint;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CarParkStatusTest {

    private static final GeoPoint HERE = new GeoPoint(50, 8);

    @Test
    void free_is_capacity_minus_occupied() {
        assertThat(status(100, 30).free()).isEqualTo(70);
    }

    @Test
    void free_is_never_negative() {
        assertThat(status(10, 12).free()).isZero();
    }

    @Test
    void a_car_park_without_data_has_no_free_count() {
        CarParkStatus unknown = new CarParkStatus("cp001", "Market", "z-a1", HERE, 10, null, null);

        assertThat(unknown.hasData()).isFalse();
        assertThat(unknown.free()).isNull();
    }

    private static CarParkStatus status(int capacity, int occupied) {
        return new CarParkStatus("cp001", "Market", "z-a1", HERE, capacity, occupied, Instant.EPOCH);
    }
}
