package city.mycity.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mycity vrp} and {@code mycity routes} as a user runs them, on the shared data. */
class RoutingCommandsTest {

    private static String[] run(String... args) {
        return CommandRun.run(args);
    }

    @Test
    void vrp_solve_writes_the_optimum_of_a_n32_k5_in_cvrplib_s_format(@TempDir Path folder) throws Exception {
        Path solution = folder.resolve("a.sol");

        String[] result = run(
                "vrp",
                "solve",
                SharedData.resolve("vrp/A/A-n32-k5.vrp").toString(),
                "--iterations",
                "300000",
                "--threads",
                "1",
                "--out",
                solution.toString());

        assertThat(result[0]).isEqualTo("0");
        assertThat(Files.readString(solution)).startsWith("Route #1: ").endsWith("Cost 784\n");
        assertThat(result[2]).contains("A-n32-k5: cost 784, 5 routes");
    }

    @Test
    void vrp_refuses_a_malformed_file_and_a_demand_no_vehicle_carries_with_a_reason_not_a_stack_trace(
            @TempDir Path folder) throws Exception {
        Path broken = Files.writeString(
                folder.resolve("broken.vrp"),
                "NAME : broken\nDIMENSION : 2\nCAPACITY : 10\nEDGE_WEIGHT_TYPE : EUC_2D\nNODE_COORD_SECTION\n"
                        + "1 0 0\n2 x 3\nEOF\n");
        Path heavy = Files.writeString(
                folder.resolve("heavy.vrp"),
                "NAME : heavy\nDIMENSION : 2\nCAPACITY : 10\nEDGE_WEIGHT_TYPE : EUC_2D\nNODE_COORD_SECTION\n"
                        + "1 0 0\n2 3 4\nDEMAND_SECTION\n1 0\n2 11\nDEPOT_SECTION\n1\n-1\nEOF\n");

        String[] malformed = run("vrp", "solve", broken.toString());
        String[] tooHeavy = run("vrp", "solve", heavy.toString());
        String[] missing = run("vrp", "solve", folder.resolve("none.vrp").toString());

        assertThat(malformed[0]).isEqualTo("2");
        assertThat(malformed[2])
                .contains("broken.vrp, line 7: 'x' is not a number")
                .doesNotContain("\tat ");
        assertThat(tooHeavy[0]).isEqualTo("2");
        assertThat(tooHeavy[2]).contains("customer 1 needs 11 but a vehicle carries 10");
        assertThat(missing[0]).isEqualTo("2");
        assertThat(missing[2]).contains("No such file");
        String[] noTime = run("vrp", "solve", heavy.toString(), "--seconds", "0");
        assertThat(noTime[0]).isEqualTo("2");
        assertThat(noTime[2]).contains("--seconds must be positive").doesNotContain("\tat ");
    }

    @Test
    void vrp_bench_prints_cost_gap_and_time_of_every_instance_of_a_folder() {
        String[] result = run(
                "vrp",
                "bench",
                "--folder",
                SharedData.resolve("vrp/A").toString(),
                "--iterations",
                "2000",
                "--threads",
                "1");

        assertThat(result[0]).isEqualTo("0");
        assertThat(result[1])
                .contains("| instance | customers | best known | cost | gap | routes | time | steps |")
                .containsPattern("\\| A-n32-k5 \\| 31 \\| 784 \\| \\d+ \\| \\d+\\.\\d\\d% \\|")
                .containsPattern("\\| A-n80-k10 \\| 79 \\| 1763 \\|");
    }

    @Test
    void routes_plan_prints_the_route_sheet_and_writes_the_routes_along_monaco_s_roads(@TempDir Path folder)
            throws Exception {
        Path geojson = folder.resolve("routes.geojson");

        String[] result = run(
                "routes",
                "plan",
                "--osm",
                SharedData.resolve("osm/monaco.osm.gz").toString(),
                "--bins",
                "20",
                "--trucks",
                "1",
                "--capacity",
                "10",
                "--seconds",
                "1",
                "--geojson",
                geojson.toString());

        assertThat(result[0]).isEqualTo("0");
        assertThat(result[1]).contains("## Truck 1: ").contains("Trip 1: leave the depot at 06:00");
        assertThat(Files.readString(geojson))
                .startsWith("{\"type\":\"FeatureCollection\"")
                .contains("\"LineString\"");
        assertThat(run("routes", "plan", "--depot", "north")[0])
                .as("a depot that is no place")
                .isEqualTo("2");
        String[] tooShort = run(
                "routes",
                "plan",
                "--osm",
                SharedData.resolve("osm/monaco.osm.gz").toString(),
                "--bins",
                "5",
                "--shift",
                "1m",
                "--seconds",
                "1");
        assertThat(tooShort[0]).as("a shift too short for any bin").isEqualTo("0");
        assertThat(tooShort[1]).contains("## Not planned").doesNotContain("## Truck");
    }
}
