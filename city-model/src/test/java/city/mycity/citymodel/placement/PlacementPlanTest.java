package city.mycity.citymodel.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlacementPlanTest {

    @Test
    void has_the_documented_defaults() {
        PlacementPlan plan = PlacementPlan.defaults();

        assertThat(plan.seed()).isEqualTo(42);
        assertThat(plan.zoneRows()).isEqualTo(3);
        assertThat(plan.zoneColumns()).isEqualTo(3);
        assertThat(plan.minCarParkBays()).isEqualTo(20);
        assertThat(plan.maxCarParkBays()).isEqualTo(400);
        assertThat(plan.maxStreetBays()).isEqualTo(400);
        assertThat(plan.maxBins()).isEqualTo(300);
        assertThat(plan.maxTrafficCounters()).isEqualTo(80);
        assertThat(plan.maxWaterSensors()).isEqualTo(60);
        assertThat(plan.binSpacingMetres()).isEqualTo(100);
    }

    @Test
    void copies_itself_into_a_builder() {
        PlacementPlan plan = PlacementPlan.builder().seed(9).maxBins(12).build();

        assertThat(plan.toBuilder().build()).isEqualTo(plan);
    }

    @Test
    void rejects_a_car_park_range_upside_down() {
        assertThatThrownBy(() -> PlacementPlan.builder().carParkBays(50, 10).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Car park bays");
    }

    @Test
    void rejects_a_zone_grid_past_the_alphabet() {
        assertThatThrownBy(() -> PlacementPlan.builder().zones(27, 3).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Zone grid");
    }

    @Test
    void rejects_a_margin_too_small_for_car_park_bays() {
        assertThatThrownBy(() -> PlacementPlan.builder().boundsMargin(10).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("margin");
    }
}
