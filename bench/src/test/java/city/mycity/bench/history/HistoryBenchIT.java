package city.mycity.bench.history;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.bench.BenchListener;
import city.mycity.storage.Migrations;
import city.mycity.testkit.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The history bench on a small city against a real PostgreSQL: what it loads, asks and reports adds up. */
class HistoryBenchIT {

    private static final HistoryShape SMALL = new HistoryShape(40, 4, 31, Duration.ofMinutes(15));

    private TestDatabase db;

    @BeforeEach
    void freshDatabase() {
        db = TestDatabase.create();
        Migrations.apply(db.dataSource());
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void loads_the_city_and_answers_every_query_with_its_buckets() throws Exception {
        HistoryFigures figures = new HistoryBench(
                        db.dataSource(), new HistoryBench.Options(SMALL, 20, 10, 5, 1L), BenchListener.silent())
                .run();

        assertThat(figures.stored()).isEqualTo(SMALL.readings());
        assertThat(figures.sensorWeek().count()).isEqualTo(20);
        assertThat(figures.sensorWeek().rowsPerQuery()).as("an hour each").isEqualTo(7 * 24);
        assertThat(figures.zoneMonth().rowsPerQuery()).isEqualTo(30 * 24);
        assertThat(figures.rawSensorWeek().rowsPerQuery()).isEqualTo(7 * 24);
        assertThat(figures.sensorWeek().p99())
                .isPositive()
                .isLessThanOrEqualTo(figures.sensorWeek().max());
        assertThat(figures.refreshReport().minutes())
                .as("every late reading has its minute rolled up")
                .isEqualTo(figures.lateReadings());
        assertThat(figures.refreshReport().hours()).isEqualTo(SMALL.devices());
        assertThat(figures.markdown("./mycity bench-history", "a test machine", "a test database"))
                .contains("| a zone's month, hourly | reading_1h |");
    }

    @Test
    void a_second_run_uses_the_city_already_loaded() throws Exception {
        HistoryBench.Options options = new HistoryBench.Options(SMALL, 10, 10, 5, 2L);
        new HistoryBench(db.dataSource(), options, BenchListener.silent()).run();

        HistoryFigures again = new HistoryBench(db.dataSource(), options, BenchListener.silent()).run();

        assertThat(again.stored())
                .as("the load and the late readings of both runs")
                .isGreaterThan(SMALL.readings());
        assertThat(again.lateReadings()).isPositive();
    }
}
