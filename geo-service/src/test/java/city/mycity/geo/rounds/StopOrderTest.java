package city.mycity.geo.rounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StopOrderTest {

    /** Places on a line at these kilometres, a minute a kilometre both ways. */
    private static double[][] line(double... km) {
        double[][] seconds = new double[km.length][km.length];
        for (int i = 0; i < km.length; i++) {
            for (int j = 0; j < km.length; j++) {
                seconds[i][j] = Math.abs(km[i] - km[j]) * 60;
            }
        }
        return seconds;
    }

    @Test
    void visits_stops_on_a_line_in_order_from_the_start_to_the_end() {
        // start at 0, stops at 5, 1, 3, end at 6
        int[] order = StopOrder.of(line(0, 5, 1, 3, 6));

        assertThat(order).containsExactly(2, 3, 1);
    }

    @Test
    void two_opt_mends_what_the_nearest_stop_first_gets_wrong() {
        // Start and end at 0, stops at 1, -2 and 3 km: nearest first goes 1, -2, 3 (12 km); 2-opt finds 10 km.
        double[][] seconds = line(0, 1, -2, 3, 0);

        int[] order = StopOrder.of(seconds);

        assertThat(StopOrder.cost(seconds, new int[] {1, 2, 3}, 4)).isEqualTo(12 * 60);
        assertThat(StopOrder.cost(seconds, order, 4)).isEqualTo(10 * 60);
    }

    @Test
    void one_way_streets_count_the_way_they_are_driven() {
        // start 0, stops 1 and 2, end 3: 0->1 is quick but 1->2 is a long way round; 0->2->1->3 is quicker.
        double inf = Double.POSITIVE_INFINITY;
        double[][] seconds = {
            {0, 10, 20, 100},
            {10, 0, 500, 10},
            {20, 10, 0, 100},
            {100, 10, 100, 0}
        };

        assertThat(StopOrder.of(seconds)).containsExactly(2, 1);
        seconds[2][1] = inf;
        assertThat(StopOrder.of(seconds)).as("no road from 2 to 1 any more").containsExactly(1, 2);
    }

    @Test
    void no_stops_left_is_an_empty_order() {
        assertThat(StopOrder.of(line(0, 4))).isEmpty();
        assertThatThrownBy(() -> StopOrder.of(new double[][] {{0}})).isInstanceOf(IllegalArgumentException.class);
    }
}
