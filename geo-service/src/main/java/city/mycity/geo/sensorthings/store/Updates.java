package city.mycity.geo.sensorthings.store;

import city.mycity.geo.sensorthings.entity.EntityType;
import city.mycity.geo.sensorthings.entity.Property;
import city.mycity.geo.sensorthings.entity.PropertyType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PATCH and PUT of one entity: its properties, and its links to other entities, which may only be links ({@code
 * {"@iot.id": 1}}): an entity inline in an update is refused (400), as the standard says.
 */
final class Updates {

    /** The navigation members an update may change, and the column (or link table) each sets. */
    private static final Map<String, String> LINK_COLUMNS = Map.of(
            "Datastream/Thing", "thing_id",
            "Datastream/Sensor", "sensor_id",
            "Datastream/ObservedProperty", "observed_property_id",
            "Observation/Datastream", "datastream_id",
            "Observation/FeatureOfInterest", "feature_of_interest_id",
            "HistoricalLocation/Thing", "thing_id");

    private final EntityWriter writer;
    private final Connection c;

    Updates(EntityWriter writer, Connection c) {
        this.writer = writer;
        this.c = c;
    }

    void update(EntityType type, long id, JsonObject body, boolean replace) throws SQLException {
        writer.refuseManaged(c, type, id, "This " + type.singular());
        Bodies.checkMembers(type, body);
        List<String> sets = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (Property p : type.properties()) {
            if (p.derived() || (!replace && !body.containsKey(p.name()))) {
                continue;
            }
            if (replace && !body.containsKey(p.name()) && p.required()) {
                throw EntityRejected.bad("PUT replaces the whole " + type.singular() + ": it needs " + p.name() + ".");
            }
            Object[] value = Bodies.value(type, p, body);
            boolean json = p.type() == PropertyType.JSON || p.type() == PropertyType.GEOJSON;
            sets.add(p.column().replace("{e}.", "") + (json ? " = ?::jsonb" : " = ?"));
            values.add(value[0]);
            if (p.end() != null) {
                sets.add(p.end().replace("{e}.", "") + " = ?");
                values.add(value[1]);
            }
        }
        for (String member : body.fieldNames()) {
            if (type.navigation(member).isPresent()) {
                link(type, id, member, body.getValue(member), sets, values);
            }
        }
        if (type == EntityType.OBSERVATION
                && (body.containsKey("result")
                        || body.containsKey("phenomenonTime")
                        || body.containsKey("Datastream"))) {
            checkObservation(id, body);
        }
        if (!sets.isEmpty()) {
            String table = type == EntityType.OBSERVATION ? "sta_observation" : type.table();
            values.add(id);
            writer.update(c, "UPDATE " + table + " SET " + String.join(", ", sets) + " WHERE id = ?", values.toArray());
        }
    }

    private void link(EntityType type, long id, String member, Object value, List<String> sets, List<Object> values)
            throws SQLException {
        EntityType target = type.navigation(member).orElseThrow().target();
        String key = type.singular() + "/" + member;
        if (value instanceof JsonArray items) {
            List<Long> ids = new ArrayList<>();
            for (Object item : items) {
                ids.add(linkOnly(member, item, target));
            }
            if (key.equals("Thing/Locations")) {
                writer.setLocations(c, id, ids);
            } else if (key.equals("HistoricalLocation/Locations")) {
                writer.update(c, "DELETE FROM sta_location_history WHERE historical_location_id = ?", id);
                for (long location : ids) {
                    writer.update(
                            c,
                            "INSERT INTO sta_location_history (historical_location_id, location_id)" + " VALUES (?, ?)",
                            id,
                            location);
                }
            } else if (key.equals("Location/Things")) {
                for (long thing : ids) {
                    writer.refuseManaged(c, EntityType.THING, thing, "A Thing");
                    writer.setLocations(c, thing, List.of(id));
                }
            } else {
                throw EntityRejected.bad(
                        "Change the link from the other side: " + member + " each name their " + type.singular() + ".");
            }
            return;
        }
        String column = LINK_COLUMNS.get(key);
        if (column == null) {
            throw EntityRejected.bad(member + " of a " + type.singular() + " is a collection: give an array of links.");
        }
        long linked = linkOnly(member, value, target);
        // Nothing may be moved into what the registry shows: its readings come from its devices.
        if ((type == EntityType.DATASTREAM || type == EntityType.HISTORICAL_LOCATION) && member.equals("Thing")) {
            writer.refuseManaged(c, EntityType.THING, linked, "A Thing");
        }
        if (type == EntityType.OBSERVATION && member.equals("Datastream")) {
            writer.refuseManaged(c, EntityType.DATASTREAM, linked, "A Datastream");
        }
        sets.add(column + " = ?");
        values.add(linked);
    }

    private long linkOnly(String member, Object value, EntityType target) throws SQLException {
        if (!Bodies.isLink(value)) {
            throw EntityRejected.bad("An update links to existing entities only ({\"@iot.id\": 1}); " + member
                    + " holds an entity to create. Create it with a POST first.");
        }
        Long id = Bodies.linkId(member, value);
        writer.requireExists(c, target, id);
        return id;
    }

    /** A changed Observation passes the checks a new one does, with what it keeps of itself. */
    private void checkObservation(long id, JsonObject body) throws SQLException {
        try (var ps = c.prepareStatement(
                "SELECT datastream_id, result::text, phenomenon_time_start FROM sta_observation" + " WHERE id = ?")) {
            ps.setLong(1, id);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                long datastream = body.getValue("Datastream") instanceof JsonObject link
                                && link.getValue("@iot.id") instanceof Number n
                        ? n.longValue()
                        : rs.getLong(1);
                JsonObject changed = new JsonObject()
                        .put(
                                "result",
                                body.containsKey("result")
                                        ? body.getValue("result")
                                        : io.vertx.core.json.Json.decodeValue(rs.getString(2)))
                        .put(
                                "phenomenonTime",
                                body.containsKey("phenomenonTime")
                                        ? body.getValue("phenomenonTime")
                                        : Times.format(rs.getObject(3, java.time.OffsetDateTime.class)));
                writer.check(c, datastream, changed);
            }
        }
    }
}
