package city.mycity.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;

class RateSearchTest {

    /** Runs the search against a pipeline that holds every rate the predicate accepts; returns the steps tried. */
    private static List<RateSearch.Step> run(RateSearch search, DoublePredicate holds) {
        List<RateSearch.Step> tried = new ArrayList<>();
        for (Optional<RateSearch.Step> next = search.next(); next.isPresent(); next = search.next()) {
            tried.add(next.get());
            search.record(next.get(), holds.test(next.get().rate()));
        }
        return tried;
    }

    @Test
    void probes_by_doubling_then_refines_from_the_last_probe_that_held() {
        RateSearch search = new RateSearch(10_000, true, 2, 1.25, 30);

        List<RateSearch.Step> tried = run(search, rate -> rate <= 50_000);

        assertThat(tried)
                .extracting(RateSearch.Step::rate)
                .containsExactly(10_000.0, 20_000.0, 40_000.0, 80_000.0, 40_000.0, 50_000.0, 62_500.0);
        assertThat(tried)
                .extracting(RateSearch.Step::probe)
                .containsExactly(true, true, true, true, false, false, false);
        assertThat(search.best()).hasValue(50_000);
        assertThat(search.lowestFailure()).hasValue(62_500);
    }

    @Test
    void steps_past_a_failed_probe_until_a_full_step_fails_since_a_short_probe_may_fail_while_the_job_warms_up() {
        RateSearch search = new RateSearch(10_000, true, 2, 1.25, 30);

        List<RateSearch.Step> tried = run(search, rate -> rate < 20_000);

        assertThat(tried)
                .extracting(RateSearch.Step::rate)
                .containsExactly(10_000.0, 20_000.0, 10_000.0, 12_500.0, 15_625.0, 19_531.25, 24_414.0625);
        assertThat(search.best()).hasValue(19_531.25);
    }

    @Test
    void never_steps_up_to_a_rate_that_already_failed_in_full() {
        RateSearch search = new RateSearch(10_000, false, 2, 1.25, 30);

        List<RateSearch.Step> tried = run(search, rate -> rate <= 9_000);

        assertThat(tried).extracting(RateSearch.Step::rate).containsExactly(10_000.0, 8_000.0);
        assertThat(search.best()).hasValue(8_000);
    }

    @Test
    void steps_down_when_the_first_rate_fails_until_one_holds() {
        RateSearch search = new RateSearch(10_000, false, 2, 1.25, 30);

        List<RateSearch.Step> tried = run(search, rate -> rate <= 6_000);

        assertThat(tried).extracting(RateSearch.Step::rate).containsExactly(10_000.0, 8_000.0, 6_400.0, 5_120.0);
        assertThat(search.best()).hasValue(5_120);
    }

    @Test
    void steps_down_no_higher_than_what_the_pipeline_achieved() {
        RateSearch search = new RateSearch(6_000, true, 2, 1.25, 30);

        RateSearch.Step first = search.next().orElseThrow();
        search.record(first, false, 1_100);
        RateSearch.Step second = search.next().orElseThrow();
        search.record(second, true, 1_100);

        assertThat(second.rate()).isEqualTo(1_100);
        assertThat(second.probe()).isFalse();
        assertThat(search.next())
                .hasValueSatisfying(step -> assertThat(step.rate()).isEqualTo(1_375));
    }

    @Test
    void stops_after_the_most_steps_allowed() {
        RateSearch search = new RateSearch(1_000, false, 2, 1.5, 3);

        List<RateSearch.Step> tried = run(search, rate -> true);

        assertThat(tried).hasSize(3);
        assertThat(search.best()).hasValue(2_250);
        assertThat(search.next()).isEmpty();
    }

    @Test
    void has_no_best_when_nothing_held() {
        RateSearch search = new RateSearch(100, false, 2, 1.25, 5);

        run(search, rate -> false);

        assertThat(search.best()).isEmpty();
    }

    @Test
    void rejects_a_factor_that_would_not_move_the_rate() {
        assertThatThrownBy(() -> new RateSearch(100, false, 2, 1, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
