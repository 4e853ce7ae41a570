package city.mycity.geo.sensorthings.store;

import city.mycity.geo.sensorthings.entity.EntityType;
import city.mycity.geo.sensorthings.entity.Property;
import city.mycity.geo.sensorthings.entity.ResourcePath;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Creates, changes and deletes SensorThings entities of one council, each request in one transaction: a deep insert
 * stores all of its entities or none. Entities that show the registry's devices are refused (409). A Thing given new
 * Locations gets a HistoricalLocation; an Observation without a FeatureOfInterest gets one made from its Thing's
 * Location (the same one for the same Location); deleting an entity deletes what cannot exist without it.
 * Observations pass the {@link ObservationChecks} first. Blocking: call it off the event loop.
 */
public final class EntityWriter {

    /** For a POST below an entity (Things(1)/Datastreams): the member of the new entity that links it back. */
    private static final Map<String, String> INVERSE = Map.ofEntries(
            Map.entry("Thing/Datastreams", "Thing"),
            Map.entry("Thing/Locations", "Things"),
            Map.entry("Thing/HistoricalLocations", "Thing"),
            Map.entry("Location/Things", "Locations"),
            Map.entry("Location/HistoricalLocations", "Locations"),
            Map.entry("HistoricalLocation/Locations", "HistoricalLocations"),
            Map.entry("Datastream/Observations", "Datastream"),
            Map.entry("Sensor/Datastreams", "Sensor"),
            Map.entry("ObservedProperty/Datastreams", "ObservedProperty"),
            Map.entry("FeatureOfInterest/Observations", "FeatureOfInterest"));

    private final DataSource dataSource;
    private final String tenant;
    private final ObservationChecks checks;

    public EntityWriter(DataSource dataSource, String tenant, ObservationChecks checks) {
        this.dataSource = dataSource;
        this.tenant = tenant;
        this.checks = checks;
    }

    /** Creates the entity of the body in the collection at the path; returns its id. */
    public long create(ResourcePath path, JsonObject body) throws SQLException {
        if (path.single() || path.property() != null || path.ref()) {
            throw new EntityRejected(405, "method_not_allowed", "POST to a collection, e.g. /Things.");
        }
        JsonObject entity = body.copy();
        if (path.steps().size() > 1) {
            ResourcePath.Step parent = path.steps().get(path.steps().size() - 2);
            if (parent.id() == null) {
                throw EntityRejected.bad("POST below an entity named by its id, e.g. /Datastreams(1)/Observations.");
            }
            String inverse = INVERSE.get(
                    parent.type().singular() + "/" + path.last().via().name());
            JsonObject link = new JsonObject().put("@iot.id", parent.id());
            EntityType type = path.target();
            if (type.navigation(inverse).orElseThrow().collection()) {
                entity.put(inverse, new JsonArray().add(link));
            } else {
                entity.put(inverse, link);
            }
        }
        return inTransaction(c -> create(c, path.target(), entity, "the request"));
    }

    /** Changes the entity at the path: the members of the body only ({@code replace} false) or all of them. */
    public void update(ResourcePath path, JsonObject body, boolean replace) throws SQLException {
        if (!path.single() || path.property() != null || path.ref()) {
            throw new EntityRejected(405, "method_not_allowed", "PATCH or PUT one entity, e.g. /Things(1).");
        }
        inTransaction(c -> {
            long id = resolve(c, path);
            new Updates(this, c).update(path.target(), id, body, replace);
            return id;
        });
    }

    /** Deletes the entity at the path, and what cannot exist without it. */
    public void delete(ResourcePath path) throws SQLException {
        if (!path.single() || path.property() != null || path.ref()) {
            throw new EntityRejected(405, "method_not_allowed", "DELETE one entity, e.g. /Things(1).");
        }
        inTransaction(c -> {
            long id = resolve(c, path);
            EntityType type = path.target();
            if (managed(c, type, id)) {
                throw EntityRejected.managed("This " + type.singular());
            }
            if (type == EntityType.LOCATION) {
                update(
                        c,
                        "DELETE FROM sta_historical_location WHERE id IN (SELECT historical_location_id FROM"
                                + " sta_location_history WHERE location_id = ?)",
                        id);
            }
            String table = type == EntityType.OBSERVATION ? "sta_observation" : type.table();
            update(c, "DELETE FROM " + table + " WHERE id = ?", id);
            return id;
        });
    }

    long create(Connection c, EntityType type, JsonObject body, String where) throws SQLException {
        Bodies.checkMembers(type, body);
        return switch (type) {
            case THING -> createThing(c, body);
            case LOCATION -> createLocation(c, body);
            case HISTORICAL_LOCATION -> createHistoricalLocation(c, body);
            case DATASTREAM -> createDatastream(c, body);
            case SENSOR, OBSERVED_PROPERTY -> {
                long id = insert(c, type, body, Map.of());
                createMembers(c, body, "Datastreams", EntityType.DATASTREAM, type.singular(), id);
                yield id;
            }
            case OBSERVATION -> createObservation(c, body);
            case FEATURE_OF_INTEREST -> {
                long id = insert(c, type, body, Map.of());
                createMembers(c, body, "Observations", EntityType.OBSERVATION, "FeatureOfInterest", id);
                yield id;
            }
        };
    }

    private long createThing(Connection c, JsonObject body) throws SQLException {
        long thing = insert(c, EntityType.THING, body, Map.of());
        List<Long> locations = linkOrCreateAll(c, body, "Locations", EntityType.LOCATION);
        if (!locations.isEmpty()) {
            setLocations(c, thing, locations);
        }
        createMembers(c, body, "Datastreams", EntityType.DATASTREAM, "Thing", thing);
        createMembers(c, body, "HistoricalLocations", EntityType.HISTORICAL_LOCATION, "Thing", thing);
        return thing;
    }

    private long createLocation(Connection c, JsonObject body) throws SQLException {
        long location = insert(c, EntityType.LOCATION, body, Map.of());
        for (long thing : linkOrCreateAll(c, body, "Things", EntityType.THING)) {
            refuseManaged(c, EntityType.THING, thing, "A Thing");
            setLocations(c, thing, List.of(location));
        }
        for (long historical : linkOrCreateAll(c, body, "HistoricalLocations", EntityType.HISTORICAL_LOCATION)) {
            refuseManaged(c, EntityType.HISTORICAL_LOCATION, historical, "A HistoricalLocation");
            update(
                    c,
                    "INSERT INTO sta_location_history (historical_location_id, location_id) VALUES (?, ?)"
                            + " ON CONFLICT DO NOTHING",
                    historical,
                    location);
        }
        return location;
    }

    private long createHistoricalLocation(Connection c, JsonObject body) throws SQLException {
        Long thing = linkOrCreate(c, body, "Thing", EntityType.THING);
        if (thing == null) {
            throw EntityRejected.bad("A HistoricalLocation needs its Thing: {\"Thing\": {\"@iot.id\": 1}}.");
        }
        refuseManaged(c, EntityType.THING, thing, "A Thing");
        long id = insert(c, EntityType.HISTORICAL_LOCATION, body, Map.of("thing_id", thing));
        for (long location : linkOrCreateAll(c, body, "Locations", EntityType.LOCATION)) {
            update(
                    c,
                    "INSERT INTO sta_location_history (historical_location_id, location_id) VALUES (?, ?)",
                    id,
                    location);
        }
        return id;
    }

    private long createDatastream(Connection c, JsonObject body) throws SQLException {
        Long thing = linkOrCreate(c, body, "Thing", EntityType.THING);
        Long sensor = linkOrCreate(c, body, "Sensor", EntityType.SENSOR);
        Long property = linkOrCreate(c, body, "ObservedProperty", EntityType.OBSERVED_PROPERTY);
        if (thing == null || sensor == null || property == null) {
            throw EntityRejected.bad("A Datastream needs its Thing, Sensor and ObservedProperty, each linked"
                    + " ({\"@iot.id\": 1}) or created with it.");
        }
        refuseManaged(c, EntityType.THING, thing, "A Thing");
        long id = insert(
                c,
                EntityType.DATASTREAM,
                body,
                Map.of("thing_id", thing, "sensor_id", sensor, "observed_property_id", property));
        createMembers(c, body, "Observations", EntityType.OBSERVATION, "Datastream", id);
        return id;
    }

    private long createObservation(Connection c, JsonObject body) throws SQLException {
        Long datastream = linkOrCreate(c, body, "Datastream", EntityType.DATASTREAM);
        if (datastream == null) {
            throw EntityRejected.bad("An Observation needs its Datastream: {\"Datastream\": {\"@iot.id\": 1}}.");
        }
        Long feature = linkOrCreate(c, body, "FeatureOfInterest", EntityType.FEATURE_OF_INTEREST);
        ObservationChecks.Stream stream = stream(c, datastream);
        if (stream.device() != null) {
            throw new EntityRejected(
                    409,
                    "managed_by_registry",
                    "Datastream " + datastream + " shows the readings of device " + stream.device() + ", which"
                            + " arrive from the device itself (MQTT, CoAP or direct ingress), not through SensorThings.");
        }
        JsonObject checked = body.copy();
        if (!checked.containsKey("phenomenonTime")) {
            checked.put("phenomenonTime", Times.format(OffsetDateTime.now()));
        }
        checks.check(stream, checked);
        if (feature == null) {
            feature = featureFromLocation(c, stream.thing());
        }
        return insert(
                c,
                EntityType.OBSERVATION,
                checked,
                Map.of("datastream_id", datastream, "feature_of_interest_id", feature));
    }

    /** The FeatureOfInterest made from the Thing's Location: the one made before for it, or a new one. */
    private long featureFromLocation(Connection c, long thing) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT l.id, l.name, l.encoding_type, l.location::text"
                + " FROM sta_thing_location tl JOIN sta_location l ON l.id = tl.location_id"
                + " WHERE tl.thing_id = ? ORDER BY l.id DESC LIMIT 1")) {
            ps.setLong(1, thing);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw EntityRejected.bad("The Observation has no FeatureOfInterest, and its Thing has no"
                            + " Location to make one from: give one, linked or inline.");
                }
                long location = rs.getLong(1);
                Optional<Long> existing = queryLong(
                        c,
                        "SELECT id FROM sta_feature_of_interest WHERE tenant_id = ?"
                                + " AND properties ->> 'madeFromLocation' = ?",
                        tenant,
                        Long.toString(location));
                if (existing.isPresent()) {
                    return existing.get();
                }
                return queryLong(
                                c,
                                "INSERT INTO sta_feature_of_interest (tenant_id, name, description,"
                                        + " encoding_type, feature, properties) VALUES (?, ?, ?, ?, ?::jsonb,"
                                        + " jsonb_build_object('madeFromLocation', ?::text)) RETURNING id",
                                tenant,
                                "Made from the location " + rs.getString(2),
                                "Made from the location " + rs.getString(2) + " of its Thing",
                                rs.getString(3),
                                rs.getString(4),
                                Long.toString(location))
                        .orElseThrow();
            }
        }
    }

    /** Checks an Observation of the Datastream as a new one is checked. */
    void check(Connection c, long datastream, JsonObject observation) throws SQLException {
        checks.check(stream(c, datastream), observation);
    }

    private ObservationChecks.Stream stream(Connection c, long datastream) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT d.device_id, d.thing_id, d.observation_type,"
                + " d.unit_of_measurement ->> 'symbol' FROM sta_datastream d WHERE d.id = ? AND d.tenant_id = ?")) {
            ps.setLong(1, datastream);
            ps.setString(2, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw EntityRejected.conflict("There is no Datastream " + datastream + ".");
                }
                return new ObservationChecks.Stream(
                        tenant, datastream, rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4));
            }
        }
    }

    /** Links the Thing to exactly these Locations, and notes since when in a new HistoricalLocation. */
    void setLocations(Connection c, long thing, List<Long> locations) throws SQLException {
        update(c, "DELETE FROM sta_thing_location WHERE thing_id = ?", thing);
        long historical = queryLong(
                        c,
                        "INSERT INTO sta_historical_location (tenant_id, thing_id, time)"
                                + " VALUES (?, ?, now()) RETURNING id",
                        tenant,
                        thing)
                .orElseThrow();
        for (long location : locations) {
            update(
                    c,
                    "INSERT INTO sta_thing_location (thing_id, location_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    thing,
                    location);
            update(
                    c,
                    "INSERT INTO sta_location_history (historical_location_id, location_id) VALUES (?, ?)",
                    historical,
                    location);
        }
    }

    /** Creates each entity of the member (an array), linked back to the entity just created. */
    private void createMembers(Connection c, JsonObject body, String member, EntityType type, String back, long id)
            throws SQLException {
        Object value = body.getValue(member);
        if (value == null) {
            return;
        }
        if (!(value instanceof JsonArray items)) {
            throw EntityRejected.bad(member + " must be an array.");
        }
        for (Object item : items) {
            if (!(item instanceof JsonObject object) || object.containsKey("@iot.id")) {
                throw EntityRejected.bad(member + " holds entities to create with this one, not links.");
            }
            JsonObject child = object.copy().put(back, new JsonObject().put("@iot.id", id));
            create(c, type, child, member);
        }
    }

    private List<Long> linkOrCreateAll(Connection c, JsonObject body, String member, EntityType type)
            throws SQLException {
        Object value = body.getValue(member);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray items)) {
            throw EntityRejected.bad(member + " must be an array.");
        }
        List<Long> ids = new ArrayList<>();
        for (Object item : items) {
            ids.add(linkOrCreate(c, member, item, type));
        }
        return ids;
    }

    private Long linkOrCreate(Connection c, JsonObject body, String member, EntityType type) throws SQLException {
        Object value = body.getValue(member);
        return value == null ? null : linkOrCreate(c, member, value, type);
    }

    private long linkOrCreate(Connection c, String member, Object value, EntityType type) throws SQLException {
        Long id = Bodies.linkId(member, value);
        if (id == null) {
            return create(c, type, (JsonObject) value, member);
        }
        requireExists(c, type, id);
        return id;
    }

    void requireExists(Connection c, EntityType type, long id) throws SQLException {
        if (queryLong(c, "SELECT id FROM " + type.table() + " WHERE id = ? AND tenant_id = ?", id, tenant)
                .isEmpty()) {
            throw EntityRejected.conflict("There is no " + type.singular() + " " + id + " to link to.");
        }
    }

    private long insert(Connection c, EntityType type, JsonObject body, Map<String, Long> links) throws SQLException {
        List<String> columns = new ArrayList<>(List.of("tenant_id"));
        List<String> placeholders = new ArrayList<>(List.of("?"));
        List<Object> values = new ArrayList<>(List.of(tenant));
        for (Property p : type.properties()) {
            if (p.derived()) {
                continue;
            }
            if (!body.containsKey(p.name()) && p.required()) {
                throw EntityRejected.bad("A " + type.singular() + " needs " + p.name() + ".");
            }
            Object[] value = Bodies.value(type, p, body);
            addColumn(columns, placeholders, values, p, p.column(), value[0]);
            if (p.end() != null) {
                addColumn(columns, placeholders, values, p, p.end(), value[1]);
            }
        }
        for (Map.Entry<String, Long> link : links.entrySet()) {
            columns.add(link.getKey());
            placeholders.add("?");
            values.add(link.getValue());
        }
        String table = type == EntityType.OBSERVATION ? "sta_observation" : type.table();
        return queryLong(
                        c,
                        "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                                + String.join(", ", placeholders) + ") RETURNING id",
                        values.toArray())
                .orElseThrow();
    }

    private static void addColumn(
            List<String> columns,
            List<String> placeholders,
            List<Object> values,
            Property p,
            String column,
            Object value) {
        columns.add(column.replace("{e}.", ""));
        boolean json = p.type() == city.mycity.geo.sensorthings.entity.PropertyType.JSON
                || p.type() == city.mycity.geo.sensorthings.entity.PropertyType.GEOJSON;
        placeholders.add(json ? "?::jsonb" : "?");
        values.add(value);
    }

    /** Whether the entity shows the registry (a device's Thing, Location, Datastream, FeatureOfInterest...). */
    boolean managed(Connection c, EntityType type, long id) throws SQLException {
        String sql =
                switch (type) {
                    case THING, LOCATION, DATASTREAM, FEATURE_OF_INTEREST ->
                        "SELECT id FROM " + type.table() + " WHERE id = ? AND device_id IS NOT NULL";
                    case SENSOR -> "SELECT id FROM sta_sensor WHERE id = ? AND kind IS NOT NULL";
                    case OBSERVED_PROPERTY ->
                        "SELECT id FROM sta_observed_property WHERE id = ? AND quantity IS NOT NULL";
                    case HISTORICAL_LOCATION ->
                        "SELECT h.id FROM sta_historical_location h JOIN sta_thing t"
                                + " ON t.id = h.thing_id WHERE h.id = ? AND t.device_id IS NOT NULL";
                    case OBSERVATION -> "SELECT id FROM reading WHERE id = ?";
                };
        return queryLong(c, sql, id).isPresent();
    }

    void refuseManaged(Connection c, EntityType type, long id, String what) throws SQLException {
        if (managed(c, type, id)) {
            throw EntityRejected.managed(what);
        }
    }

    /** The id of the entity at the path, or 404. */
    private long resolve(Connection c, ResourcePath path) throws SQLException {
        Optional<JsonObject> found = new EntityReader(dataSource, tenant, 1)
                .entity(
                        c,
                        path,
                        city.mycity.geo.sensorthings.query.QueryOptions.NONE.withSelect(List.of("id")),
                        new Links("", (s, t) -> null));
        if (found.isEmpty()) {
            throw new EntityRejected(404, "not_found", "There is no entity at this path.");
        }
        return found.get().getLong("@iot.id");
    }

    Optional<Long> queryLong(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, values);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, values);
            ps.executeUpdate();
        }
    }

    static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof OffsetDateTime t) {
                ps.setTimestamp(i + 1, Timestamp.from(t.toInstant()));
            } else {
                ps.setObject(i + 1, v);
            }
        }
    }

    /** Work in one transaction for this council. */
    @FunctionalInterface
    interface Work {
        long run(Connection c) throws SQLException;
    }

    private long inTransaction(Work work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("SELECT set_config('mycity.tenant', ?, true)")) {
                    ps.setString(1, tenant);
                    ps.execute();
                }
                long id = work.run(c);
                c.commit();
                return id;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
}
