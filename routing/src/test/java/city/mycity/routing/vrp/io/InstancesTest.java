package city.mycity.routing.vrp.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.mycity.routing.vrp.InvalidProblemException;
import city.mycity.routing.vrp.Plan;
import city.mycity.routing.vrp.Problem;
import city.mycity.testkit.SharedData;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class InstancesTest {

    @Test
    void a_cvrplib_instance_has_its_depot_first_and_rounded_euclidean_costs() throws Exception {
        Problem problem = Instances.read(SharedData.resolve("vrp/A/A-n32-k5.vrp"));

        assertThat(problem.name()).isEqualTo("A-n32-k5");
        assertThat(problem.customers()).isEqualTo(31);
        assertThat(problem.capacity()).isEqualTo(100);
        assertThat(problem.demand(0)).isZero();
        assertThat(problem.demand(1)).as("node 2").isEqualTo(19);
        // node 1 (82, 76) to node 2 (96, 44): 34.93 rounds to 35
        assertThat(problem.cost(0, 1)).isEqualTo(35);
        assertThat(problem.hasTimeWindows()).isFalse();
    }

    @Test
    void the_best_known_solutions_cost_what_their_files_say_in_each_convention() throws Exception {
        assertThat(costOfBestKnown("vrp/A/A-n32-k5")).isEqualTo("784");
        assertThat(costOfBestKnown("vrp/X/X-n101-k25")).isEqualTo("27591");
        assertThat(costOfBestKnown("vrp/solomon/R101"))
                .as("distances truncated to a decimal")
                .isEqualTo("1637.7");
    }

    private static String costOfBestKnown(String name) throws Exception {
        java.nio.file.Path instance = SharedData.resolve(name + (name.contains("solomon") ? ".txt" : ".vrp"));
        Problem problem = Instances.read(instance);
        Plan plan = SolutionFile.read(name, Files.readString(SharedData.resolve(name + ".sol")));
        assertThat(plan.violations(problem)).as(name).isEmpty();
        return plan.costText(problem);
    }

    @Test
    void a_solomon_instance_has_its_fleet_and_time_windows() throws Exception {
        Problem problem = Instances.read(SharedData.resolve("vrp/solomon/R101.txt"));

        assertThat(problem.customers()).isEqualTo(100);
        assertThat(problem.vehicles()).isEqualTo(25);
        assertThat(problem.capacity()).isEqualTo(200);
        assertThat(problem.ready(1)).isEqualTo(161);
        assertThat(problem.due(1)).isEqualTo(171);
        assertThat(problem.service(1)).isEqualTo(10);
        assertThat(problem.due(0)).isEqualTo(230);
    }

    @Test
    void a_malformed_file_is_refused_with_its_line() {
        String broken = "NAME : broken\nDIMENSION : 2\nCAPACITY : 10\nEDGE_WEIGHT_TYPE : EUC_2D\n"
                + "NODE_COORD_SECTION\n1 0 0\n2 x 3\nDEMAND_SECTION\n1 0\n2 1\nEOF\n";

        assertThatThrownBy(() -> Instances.read("broken.vrp", broken))
                .isInstanceOf(InvalidProblemException.class)
                .hasMessage("broken.vrp, line 7: 'x' is not a number ('2 x 3').");
        assertThatThrownBy(() -> Instances.read("empty.vrp", ""))
                .isInstanceOf(InvalidProblemException.class)
                .hasMessageContaining("neither a CVRPLIB instance");
        assertThatThrownBy(() -> Instances.read(
                        "geo.vrp", broken.replace("2 x 3", "2 3 3").replace("EUC_2D", "GEO")))
                .hasMessageContaining("EDGE_WEIGHT_TYPE 'GEO' is not supported");
    }

    @Test
    void a_demand_above_the_capacity_is_refused_with_the_customer() {
        String heavy = "NAME : heavy\nDIMENSION : 3\nCAPACITY : 10\nEDGE_WEIGHT_TYPE : EUC_2D\n"
                + "NODE_COORD_SECTION\n1 0 0\n2 3 4\n3 6 8\nDEMAND_SECTION\n1 0\n2 4\n3 12\nDEPOT_SECTION\n1\n-1\nEOF\n";

        assertThatThrownBy(() -> Instances.read("heavy.vrp", heavy))
                .isInstanceOf(InvalidProblemException.class)
                .hasMessage("heavy: customer 2 needs 12 but a vehicle carries 10.");
    }

    @Test
    void a_time_window_no_vehicle_can_meet_is_refused_with_the_customer() {
        String late = "LATE\n\nVEHICLE\nNUMBER     CAPACITY\n  2         50\n\nCUSTOMER\n"
                + "CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE TIME\n"
                + "0 0 0 0 0 100 0\n1 30 40 5 0 20 5\n";

        assertThatThrownBy(() -> Instances.read("late.txt", late))
                .isInstanceOf(InvalidProblemException.class)
                .hasMessageContaining("customer 1 cannot be reached before its window closes");
    }
}
