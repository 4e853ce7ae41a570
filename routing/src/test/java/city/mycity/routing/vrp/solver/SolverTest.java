package city.mycity.routing.vrp.solver;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.routing.vrp.Plan;
import city.mycity.routing.vrp.Problem;
import city.mycity.routing.vrp.io.Instances;
import city.mycity.testkit.SharedData;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SolverTest {

    private static Problem instance(String name) throws Exception {
        return Instances.read(SharedData.resolve(name));
    }

    @Test
    void finds_the_optimum_of_a_n32_k5_within_the_rules() throws Exception {
        Problem problem = instance("vrp/A/A-n32-k5.vrp");

        Solver.Result result = Solver.builder(problem)
                .threads(1)
                .iterations(300_000)
                .timeLimit(Duration.ofMinutes(2))
                .build()
                .solve();

        assertThat(result.plan().violations(problem)).isEmpty();
        assertThat(result.plan().costText(problem)).isEqualTo("784");
        assertThat(result.stoppedEarly()).isFalse();
    }

    @Test
    void keeps_every_time_window_of_r101_and_its_fleet() throws Exception {
        Problem problem = instance("vrp/solomon/R101.txt");

        Solver.Result result = Solver.builder(problem)
                .threads(1)
                .iterations(50_000)
                .timeLimit(Duration.ofMinutes(2))
                .build()
                .solve();

        assertThat(result.plan().violations(problem)).isEmpty();
        assertThat(result.plan().routes()).hasSizeLessThanOrEqualTo(25);
        assertThat(result.cost()).as("within 5% of 1637.7").isLessThan(1637.7 * 1.05);
    }

    @Test
    void the_same_seed_and_budget_give_the_same_plan_and_another_seed_another_search() throws Exception {
        Problem problem = instance("vrp/X/X-n101-k25.vrp");

        Plan first = solve(problem, 7);
        Plan again = solve(problem, 7);

        assertThat(again.toString()).isEqualTo(first.toString());
        assertThat(solve(problem, 8).toString()).isNotEqualTo(first.toString());
    }

    private static Plan solve(Problem problem, long seed) throws Exception {
        return Solver.builder(problem)
                .seed(seed)
                .threads(2)
                .iterations(3_000)
                .timeLimit(Duration.ofMinutes(2))
                .build()
                .solve()
                .plan();
    }

    @Test
    void a_stopped_solve_gives_the_best_plan_so_far() throws Exception {
        Problem problem = instance("vrp/X/X-n101-k25.vrp");
        AtomicInteger improvements = new AtomicInteger();
        Solver[] solver = new Solver[1];
        solver[0] = Solver.builder(problem)
                .threads(1)
                .timeLimit(Duration.ofMinutes(10))
                .listener((cost, progress) -> {
                    if (improvements.incrementAndGet() == 50) {
                        solver[0].stop();
                    }
                })
                .build();

        Solver.Result result = solver[0].solve();

        assertThat(result.stoppedEarly()).isTrue();
        assertThat(result.took()).isLessThan(Duration.ofMinutes(1));
        assertThat(result.plan().violations(problem)).isEmpty();
    }
}
