package city.mycity.geo.sensorthings.query;

import java.util.List;

/**
 * The query options of a request, or of one {@code $expand} item, parsed.
 *
 * @param filter {@code $filter}, or null
 * @param orderBy {@code $orderby}, in order
 * @param top {@code $top}, or null for the service's page size
 * @param skip {@code $skip}
 * @param count {@code $count}
 * @param select {@code $select}, or empty for every property
 * @param expand {@code $expand}, in order
 */
public record QueryOptions(
        Expr filter,
        List<OrderBy> orderBy,
        Integer top,
        int skip,
        boolean count,
        List<String> select,
        List<Expansion> expand) {

    public static final QueryOptions NONE = new QueryOptions(null, List.of(), null, 0, false, List.of(), List.of());

    /** One {@code $orderby} item. */
    public record OrderBy(Expr expr, boolean ascending) {}

    /**
     * One {@code $expand} item: a navigation path ({@code Datastreams/Observations}) and the options of its last step.
     */
    public record Expansion(List<String> path, QueryOptions options) {}

    public QueryOptions withSelect(List<String> select) {
        return new QueryOptions(filter, orderBy, top, skip, count, select, expand);
    }

    public QueryOptions withExpand(List<Expansion> expand) {
        return new QueryOptions(filter, orderBy, top, skip, count, select, expand);
    }
}
