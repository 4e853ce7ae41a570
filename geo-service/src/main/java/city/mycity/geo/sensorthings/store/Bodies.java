package city.mycity.geo.sensorthings.store;

import city.mycity.geo.sensorthings.entity.EntityType;
import city.mycity.geo.sensorthings.entity.Property;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** Reads the members of a request body: each of the right JSON type, or an {@link EntityRejected} (400) that says so. */
final class Bodies {

    private static final Set<String> GEOJSON_TYPES = Set.of(
            "Point",
            "MultiPoint",
            "LineString",
            "MultiLineString",
            "Polygon",
            "MultiPolygon",
            "GeometryCollection",
            "Feature",
            "FeatureCollection");

    private Bodies() {}

    /** Refuses a member that is neither a property nor a navigation property of the type. */
    static void checkMembers(EntityType type, JsonObject body) {
        for (String name : body.fieldNames()) {
            if (name.startsWith("@iot.")) {
                continue;
            }
            if (type.property(name).isPresent()) {
                if (type.property(name).get().derived()) {
                    throw EntityRejected.bad(
                            type.singular() + "." + name + " is worked out by the service; leave it" + " out.");
                }
                continue;
            }
            if (type.navigation(name).isEmpty()) {
                throw EntityRejected.bad("A " + type.singular() + " has no member " + name + "; it has "
                        + type.properties().stream().map(Property::name).toList() + " and "
                        + type.navigations().stream().map(n -> n.name()).toList() + ".");
            }
        }
    }

    /** The value of a property as the SQL parameter that stores it (for an interval: start and end). */
    static Object[] value(EntityType type, Property property, JsonObject body) {
        Object value = body.getValue(property.name());
        String where = type.singular() + "." + property.name();
        if (value == null) {
            if (property.required()) {
                throw EntityRejected.bad(where + " must not be null.");
            }
            return property.end() == null ? new Object[] {null} : new Object[] {null, null};
        }
        return switch (property.type()) {
            case TEXT -> {
                if (!(value instanceof String s)) {
                    throw EntityRejected.bad(where + " must be text.");
                }
                yield new Object[] {s};
            }
            case JSON -> new Object[] {Json.encode(value)};
            case GEOJSON -> {
                if (!(value instanceof JsonObject geo) || !GEOJSON_TYPES.contains(geo.getString("type", ""))) {
                    throw EntityRejected.bad(where + " must be a GeoJSON object, e.g. {\"type\":\"Point\","
                            + "\"coordinates\":[-1.9,52.48]}.");
                }
                yield new Object[] {geo.encode()};
            }
            case TIME -> new Object[] {time(where, value)};
            case TIME_INTERVAL -> {
                if (!(value instanceof String s)) {
                    throw EntityRejected.bad(where + " must be a time or an interval start/end.");
                }
                int slash = s.indexOf('/');
                if (slash < 0) {
                    yield new Object[] {time(where, s), null};
                }
                OffsetDateTime start = time(where, s.substring(0, slash));
                OffsetDateTime end = time(where, s.substring(slash + 1));
                if (end.isBefore(start)) {
                    throw EntityRejected.bad(where + " ends before it starts.");
                }
                yield new Object[] {start, end};
            }
        };
    }

    static OffsetDateTime time(String where, Object value) {
        if (!(value instanceof String s)) {
            throw EntityRejected.bad(where + " must be an ISO 8601 time, e.g. 2015-03-01T00:00:00Z.");
        }
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            throw EntityRejected.bad(where + " must be an ISO 8601 time with an offset, e.g. 2015-03-01T00:00:00Z;"
                    + " was '" + s + "'.");
        }
    }

    /** The id of a link, {@code {"@iot.id": 7}}, or null when the object is an entity to create. */
    static Long linkId(String where, Object member) {
        if (!(member instanceof JsonObject object)) {
            throw EntityRejected.bad(where + " must be an object: a link {\"@iot.id\": 1} or an entity to create.");
        }
        Object id = object.getValue("@iot.id");
        if (id == null) {
            return null;
        }
        if (!(id instanceof Number n) || n.doubleValue() != n.longValue()) {
            throw EntityRejected.bad(where + ": @iot.id must be an integer.");
        }
        return n.longValue();
    }

    /** Whether the object is a pure link: its id and nothing else. */
    static boolean isLink(Object member) {
        return member instanceof JsonObject o && o.containsKey("@iot.id") && o.size() == 1;
    }
}
