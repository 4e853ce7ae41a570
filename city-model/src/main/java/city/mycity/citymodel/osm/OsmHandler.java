package city.mycity.citymodel.osm;

import java.util.List;
import java.util.Map;

/** What a reader of one OSM format reports, element by element, in file order. */
interface OsmHandler {

    void node(long id, double latitude, double longitude, Map<String, String> tags);

    void way(long id, long[] nodeIds, Map<String, String> tags);

    void relation(long id, List<Member> members, Map<String, String> tags);

    /** A relation member; {@code type} is {@code node}, {@code way} or {@code relation}. */
    record Member(String type, long ref, String role) {}
}
