package city.mycity.geo.sensorthings.store;

import city.mycity.geo.sensorthings.entity.EntityType;
import city.mycity.geo.sensorthings.entity.Navigation;
import city.mycity.geo.sensorthings.entity.Property;
import city.mycity.geo.sensorthings.entity.ResourcePath;
import city.mycity.geo.sensorthings.query.QueryOptions;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Reads SensorThings entities of one council from the store: a collection or one entity at a resource path, with the
 * query options applied in the order the standard gives (filter, count, order, skip, top) and expansions inline.
 * Blocking: call it off the event loop.
 */
public final class EntityReader {

    private final DataSource dataSource;
    private final String tenant;
    private final int pageSize;

    /**
     * @param pageSize how many entities a page holds when the request does not say ({@code $top})
     */
    public EntityReader(DataSource dataSource, String tenant, int pageSize) {
        this.dataSource = dataSource;
        this.tenant = tenant;
        this.pageSize = pageSize;
    }

    /** The collection at the path: {@code {"@iot.count":…, "value":[…], "@iot.nextLink":…}}. */
    public JsonObject collection(ResourcePath path, QueryOptions options, Links links) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Sql sql = new Sql();
            Function<String, String> where =
                    alias -> pathCondition(path.steps(), path.steps().size(), alias, sql);
            String from = source(c, path, sql);
            Page page = page(c, path.target(), from, where, sql, options, links, links.nextLink(), new Budget());
            JsonObject body = new JsonObject();
            if (page.count() != null) {
                body.put("@iot.count", page.count());
            }
            if (path.ref()) {
                JsonArray refs = new JsonArray();
                for (Object entity : page.entities()) {
                    refs.add(new JsonObject().put("@iot.selfLink", ((JsonObject) entity).getString("@iot.selfLink")));
                }
                body.put("value", refs);
            } else {
                body.put("value", page.entities());
            }
            if (page.next() != null) {
                body.put("@iot.nextLink", page.next());
            }
            return body;
        }
    }

    /** The entity at the path, if there is one. */
    public Optional<JsonObject> entity(ResourcePath path, QueryOptions options, Links links) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return entity(c, path, options, links);
        }
    }

    /** The entity at the path, read on this connection (which stays open). */
    Optional<JsonObject> entity(Connection c, ResourcePath path, QueryOptions options, Links links)
            throws SQLException {
        Sql sql = new Sql();
        Function<String, String> where =
                alias -> pathCondition(path.steps(), path.steps().size(), alias, sql);
        QueryOptions one = new QueryOptions(null, List.of(), 1, 0, false, options.select(), options.expand());
        if (path.ref()) {
            one = one.withSelect(List.of()).withExpand(List.of());
        }
        Page page = page(c, path.target(), path.target().table(), where, sql, one, links, null, new Budget());
        if (page.entities().isEmpty()) {
            return Optional.empty();
        }
        JsonObject entity = page.entities().getJsonObject(0);
        if (path.ref()) {
            return Optional.of(new JsonObject().put("@iot.selfLink", entity.getString("@iot.selfLink")));
        }
        return Optional.of(entity);
    }

    /** Whether the entity at the path exists. */
    public boolean exists(ResourcePath path) throws SQLException {
        return entity(path, QueryOptions.NONE.withSelect(List.of("id")), new Links("", (s, t) -> null))
                .isPresent();
    }

    private record Page(JsonArray entities, Long count, String next) {}

    /** One request runs at most this many queries: an {@code $expand} that asks for more is refused. */
    static final int MAX_QUERIES = 1_000;

    /** The queries one request has run. */
    private static final class Budget {
        private int queries;

        void spend() {
            if (++queries > MAX_QUERIES) {
                throw new city.mycity.geo.InvalidParameterException(
                        "$expand",
                        "$expand asks for more than " + MAX_QUERIES + " queries at once: expand fewer levels, or"
                                + " fewer entities with $top.");
            }
        }
    }

    private Page page(
            Connection c,
            EntityType type,
            String from,
            Function<String, String> where,
            Sql sql,
            QueryOptions options,
            Links links,
            Links.NextLink nextLink,
            Budget budget)
            throws SQLException {
        String alias = "e";
        Selection selection = Selection.of(type, options.select());
        String condition = where.apply(alias);
        if (options.filter() != null) {
            condition += " AND " + new FilterSql(sql, tenant, "$filter").condition(options.filter(), type, alias);
        }
        Long count = null;
        if (options.count()) {
            budget.spend();
            try (PreparedStatement ps =
                    sql.prepare(c, "SELECT count(*) FROM " + type.table() + " " + alias + " WHERE " + condition)) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    count = rs.getLong(1);
                }
            }
        }
        List<String> order = new ArrayList<>();
        FilterSql orderSql = new FilterSql(sql, tenant, "$orderby");
        for (QueryOptions.OrderBy item : options.orderBy()) {
            for (String key : orderSql.orderKeys(item.expr(), type, alias)) {
                // PostgreSQL's own order (nulls last ascending, first descending), which an index gives as it is.
                order.add(key + (item.ascending() ? " ASC" : " DESC"));
            }
        }
        order.add(alias + ".id");
        int top = options.top() == null ? pageSize : options.top();
        StringBuilder select = new StringBuilder("SELECT ").append(alias).append(".id");
        for (Property p : selection.properties()) {
            select.append(", ").append(column(p, p.sql(alias)));
            if (p.end() != null) {
                select.append(", ").append(column(p, p.endSql(alias)));
            }
        }
        select.append(" FROM ")
                .append(from)
                .append(' ')
                .append(alias)
                .append(" WHERE ")
                .append(condition)
                .append(" ORDER BY ")
                .append(String.join(", ", order))
                .append(" LIMIT ")
                .append(top + 1L)
                .append(" OFFSET ")
                .append(options.skip());
        JsonArray entities = new JsonArray();
        List<Long> ids = new ArrayList<>();
        boolean more = false;
        budget.spend();
        try (PreparedStatement ps = sql.prepare(c, select.toString())) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (top > 0 && ids.size() == top) {
                        more = true;
                        break;
                    }
                    long id = rs.getLong(1);
                    ids.add(id);
                    entities.add(entity(type, id, rs, selection, links));
                }
            }
        }
        for (int i = 0; i < entities.size(); i++) {
            expand(c, type, ids.get(i), entities.getJsonObject(i), options.expand(), links, budget);
        }
        long after = (long) options.skip() + top;
        String next = more && nextLink != null && after <= Integer.MAX_VALUE ? nextLink.after((int) after, top) : null;
        return new Page(entities, count, next);
    }

    private static String column(Property p, String expression) {
        return switch (p.type()) {
            case JSON, GEOJSON -> "(" + expression + ")::text";
            default -> expression;
        };
    }

    private JsonObject entity(EntityType type, long id, ResultSet rs, Selection selection, Links links)
            throws SQLException {
        JsonObject json = new JsonObject();
        String self = links.self(type, id);
        if (selection.id()) {
            json.put("@iot.id", id);
        }
        if (selection.selfLink()) {
            json.put("@iot.selfLink", self);
        }
        int column = 2;
        for (Property p : selection.properties()) {
            switch (p.type()) {
                case TEXT -> json.put(p.name(), rs.getString(column++));
                case JSON, GEOJSON -> {
                    String text = rs.getString(column++);
                    json.put(p.name(), text == null ? null : Json.decodeValue(text));
                }
                case TIME -> json.put(p.name(), Times.format(rs.getObject(column++, OffsetDateTime.class)));
                case TIME_INTERVAL -> {
                    OffsetDateTime start = rs.getObject(column++, OffsetDateTime.class);
                    OffsetDateTime end = rs.getObject(column++, OffsetDateTime.class);
                    json.put(p.name(), Times.interval(start, end));
                }
            }
        }
        if (selection.navigationLinks()) {
            for (Navigation nav : type.navigations()) {
                json.put(nav.name() + "@iot.navigationLink", self + "/" + nav.name());
            }
        }
        return json;
    }

    private void expand(
            Connection c,
            EntityType type,
            long id,
            JsonObject entity,
            List<QueryOptions.Expansion> expansions,
            Links links,
            Budget budget)
            throws SQLException {
        for (Map.Entry<String, QueryOptions> item : merge(type, expansions).entrySet()) {
            Navigation nav = type.navigation(item.getKey()).orElseThrow();
            Sql sql = new Sql();
            Function<String, String> where = alias -> {
                String parent = sql.alias();
                return alias + ".tenant_id = " + sql.parameter(tenant) + " AND EXISTS (SELECT 1 FROM "
                        + type.table() + " " + parent + " WHERE " + parent + ".id = " + sql.parameter(id) + " AND "
                        + nav.condition(parent, alias) + ")";
            };
            QueryOptions options = item.getValue();
            if (!nav.collection()) {
                options = new QueryOptions(null, List.of(), 1, 0, false, options.select(), options.expand());
            }
            String self = links.self(type, id) + "/" + nav.name();
            Links.NextLink next = nav.collection() ? (skip, top) -> self + "?$top=" + top + "&$skip=" + skip : null;
            Page page = page(c, nav.target(), nav.target().table(), where, sql, options, links, next, budget);
            entity.remove(nav.name() + "@iot.navigationLink");
            if (nav.collection()) {
                entity.put(nav.name(), page.entities());
                if (page.count() != null) {
                    entity.put(nav.name() + "@iot.count", page.count());
                }
                if (page.next() != null) {
                    entity.put(nav.name() + "@iot.nextLink", page.next());
                }
            } else {
                entity.put(
                        nav.name(),
                        page.entities().isEmpty() ? null : page.entities().getJsonObject(0));
            }
        }
    }

    /** Expansions by their first step: {@code Datastreams/Thing,Datastreams/Sensor} become one, expanding both. */
    private static Map<String, QueryOptions> merge(EntityType type, List<QueryOptions.Expansion> expansions) {
        Map<String, QueryOptions> merged = new LinkedHashMap<>();
        for (QueryOptions.Expansion e : expansions) {
            String first = e.path().get(0);
            Navigation nav = type.navigation(first)
                    .orElseThrow(() -> new city.mycity.geo.InvalidParameterException(
                            "$expand", "$expand: a " + type.singular() + " has no navigation " + first + "."));
            QueryOptions current = merged.getOrDefault(first, QueryOptions.NONE);
            if (e.path().size() == 1) {
                List<QueryOptions.Expansion> nested =
                        new ArrayList<>(e.options().expand());
                nested.addAll(current.expand());
                merged.put(first, e.options().withExpand(List.copyOf(nested)));
            } else {
                List<QueryOptions.Expansion> nested = new ArrayList<>(current.expand());
                nested.add(
                        new QueryOptions.Expansion(e.path().subList(1, e.path().size()), e.options()));
                merged.put(first, current.withExpand(List.copyOf(nested)));
            }
            // Check the deeper steps now, so that a bad path is refused before any query runs.
            EntityType target = nav.target();
            for (String step : e.path().subList(1, e.path().size())) {
                EntityType from = target;
                target = from.navigation(step)
                        .orElseThrow(() -> new city.mycity.geo.InvalidParameterException(
                                "$expand", "$expand: a " + from.singular() + " has no navigation " + step + "."))
                        .target();
            }
        }
        return merged;
    }

    /**
     * Where a collection's rows come from: the entity type's table or view; for the Observations of one of the
     * registry's Datastreams ({@code Datastreams(1)/Observations}), that device's readings straight from {@code
     * reading}, so that the newest are read from its primary key rather than through the view of every observation.
     */
    private String source(Connection c, ResourcePath path, Sql sql) throws SQLException {
        EntityType type = path.target();
        if (type != EntityType.OBSERVATION || path.steps().size() != 2) {
            return type.table();
        }
        ResourcePath.Step datastream = path.steps().get(0);
        if (datastream.type() != EntityType.DATASTREAM || datastream.id() == null) {
            return type.table();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT d.device_id, d.quantity, f.id FROM sta_datastream d"
                + " LEFT JOIN sta_feature_of_interest f ON f.tenant_id = d.tenant_id AND f.device_id = d.device_id"
                + " WHERE d.id = ? AND d.tenant_id = ?")) {
            ps.setLong(1, datastream.id());
            ps.setString(2, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null || rs.getObject(3) == null) {
                    return type.table();
                }
                return "(SELECT r.id, r.tenant_id, " + sql.parameter(datastream.id()) + "::bigint AS datastream_id, "
                        + sql.parameter(rs.getLong(3)) + "::bigint AS feature_of_interest_id, r.time AS"
                        + " phenomenon_time_start, NULL::timestamptz AS phenomenon_time_end, r.time AS result_time,"
                        + " to_jsonb(r.value) AS result, NULL::jsonb AS result_quality, NULL::timestamptz AS"
                        + " valid_time_start, NULL::timestamptz AS valid_time_end, CASE WHEN r.seq >= 0 THEN"
                        + " jsonb_build_object('seq', r.seq) END AS parameters FROM reading r WHERE r.tenant_id = "
                        + sql.parameter(tenant) + " AND r.device_id = " + sql.parameter(rs.getString(1))
                        + " AND r.quantity = " + sql.parameter(rs.getString(2)) + ")";
            }
        }
    }

    /** The condition that the row under {@code alias} is the entity or in the collection the first n steps reach. */
    private String pathCondition(List<ResourcePath.Step> steps, int n, String alias, Sql sql) {
        ResourcePath.Step last = steps.get(n - 1);
        StringBuilder where = new StringBuilder(alias + ".tenant_id = " + sql.parameter(tenant));
        if (last.id() != null) {
            where.append(" AND ").append(alias).append(".id = ").append(sql.parameter(last.id()));
        }
        if (n > 1) {
            String parent = sql.alias();
            where.append(" AND EXISTS (SELECT 1 FROM ")
                    .append(steps.get(n - 2).type().table())
                    .append(' ')
                    .append(parent)
                    .append(" WHERE ")
                    .append(last.via().condition(parent, alias))
                    .append(" AND ")
                    .append(pathCondition(steps, n - 1, parent, sql))
                    .append(')');
        }
        return where.toString();
    }
}
