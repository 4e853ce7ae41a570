package city.mycity.geo.rounds;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.citymodel.GeoPoint;
import city.mycity.geo.TestCity;
import city.mycity.routing.road.RoadGraph;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoadReplanningTest {

    private static final RoadGraph ROADS = RoadGraph.of(TestCity.create("town"));
    /** Where High Street meets Harbour Road. */
    private static final GeoPoint DEPOT = new GeoPoint(50.010, 8.020);

    private static CrewStop stop(String bin, double latitude, double longitude) {
        return new CrewStop(
                1, bin, new GeoPoint(latitude, longitude), null, null, StopStatus.PLANNED, null, null, null, null);
    }

    @Test
    void orders_the_stops_left_from_where_the_crew_is_along_the_roads_to_the_depot() {
        RoadReplanning replanning = new RoadReplanning(ROADS, DEPOT);
        // The crew is at the west end of High Street; the stops are along it, given east to west.
        List<CrewStop> left =
                List.of(stop("east", 50.0101, 8.014), stop("middle", 50.0101, 8.008), stop("west", 50.0101, 8.003));

        Replan replan = replanning.from(new GeoPoint(50.0101, 8.0005), left);

        assertThat(replan.bins()).containsExactly("west", "middle", "east");
        JsonObject route = new JsonObject(replan.route());
        assertThat(route.getString("type")).isEqualTo("LineString");
        assertThat(route.getJsonArray("coordinates").getJsonArray(0).getDouble(0))
                .isCloseTo(8.0005, org.assertj.core.data.Offset.offset(1e-3));
        var coordinates = route.getJsonArray("coordinates");
        assertThat(coordinates.getJsonArray(coordinates.size() - 1).getDouble(0))
                .as("back at the depot")
                .isCloseTo(8.020, org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void a_stop_with_no_road_near_is_left_at_the_end() {
        RoadReplanning replanning = new RoadReplanning(ROADS, DEPOT);
        List<CrewStop> left = List.of(stop("field", 50.050, 8.100), stop("street", 50.0101, 8.010));

        assertThat(replanning.from(new GeoPoint(50.0101, 8.0005), left).bins()).containsExactly("street", "field");
    }

    @Test
    void with_nothing_left_the_route_leads_back_to_the_depot() {
        Replan replan = new RoadReplanning(ROADS, DEPOT).from(new GeoPoint(50.0101, 8.0005), List.of());

        assertThat(replan.bins()).isEmpty();
        assertThat(replan.route()).contains("LineString");
    }
}
