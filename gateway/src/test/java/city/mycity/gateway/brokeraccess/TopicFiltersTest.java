package city.mycity.gateway.brokeraccess;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicFiltersTest {

    @Test
    void a_topic_matches_a_filter_level_by_level() {
        assertThat(TopicFilters.matches("mycity/v1/north/g1/+/up", "mycity/v1/north/g1/bin-1/up"))
                .isTrue();
        assertThat(TopicFilters.matches("mycity/v1/north/g1/+/up", "mycity/v1/north/g2/bin-1/up"))
                .isFalse();
        assertThat(TopicFilters.matches("mycity/v1/north/g1/up", "mycity/v1/north/g1/up/more"))
                .isFalse();
        assertThat(TopicFilters.matches("mycity/v1/#", "mycity/v1/north/g1/up")).isTrue();
    }

    @Test
    void a_published_topic_with_wildcards_matches_nothing() {
        assertThat(TopicFilters.matches("mycity/v1/north/g1/+/up", "mycity/v1/north/g1/+/up"))
                .isFalse();
        assertThat(TopicFilters.matches("mycity/v1/#", "mycity/v1/#")).isFalse();
    }

    @Test
    void a_subscription_may_not_reach_further_than_its_grant() {
        assertThat(TopicFilters.covers("mycity/v1/+/+/up", "mycity/v1/north/+/up"))
                .isTrue();
        assertThat(TopicFilters.covers("mycity/v1/+/+/up", "mycity/v1/+/+/up")).isTrue();
        assertThat(TopicFilters.covers("mycity/v1/+/+/up", "mycity/v1/#")).isFalse();
        assertThat(TopicFilters.covers("mycity/v1/north/g1/config", "mycity/v1/north/+/config"))
                .isFalse();
        assertThat(TopicFilters.covers("mycity/v1/north/g1/config", "mycity/v1/north/g1/config"))
                .isTrue();
        assertThat(TopicFilters.covers("mycity/v1/#", "mycity/v1/north/#")).isTrue();
    }
}
