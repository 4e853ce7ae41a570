package city.mycity.analytics.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LeastSquaresTest {

    @Test
    void recovers_the_coefficients_of_a_noisy_linear_relation_with_features_of_very_different_sizes() {
        Random random = new Random(3);
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            double big = 1_000 + 4_000 * random.nextDouble();
            double small = random.nextDouble();
            x.add(new double[] {1, big, small});
            y.add(120 + 0.8 * big - 300 * small + random.nextGaussian());
        }

        double[] b = LeastSquares.fit(x, y);

        assertThat(b[0]).isCloseTo(120, within(1.0));
        assertThat(b[1]).isCloseTo(0.8, within(0.001));
        assertThat(b[2]).isCloseTo(-300, within(1.0));
        assertThat(LeastSquares.predict(b, new double[] {1, 2_000, 0.5})).isCloseTo(1_570, within(1.0));
    }

    @Test
    void refuses_rows_of_different_lengths_and_no_rows() {
        assertThatThrownBy(() -> LeastSquares.fit(List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LeastSquares.fit(List.of(new double[] {1, 2}, new double[] {1}), List.of(1.0, 2.0)))
                .hasMessageContaining("2 features");
    }
}
