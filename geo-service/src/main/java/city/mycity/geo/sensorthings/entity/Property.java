package city.mycity.geo.sensorthings.entity;

/**
 * A property of an entity type: its name in the API, its SQL expression over the entity's row (written with the alias {@code {e}}), and
 * its type. For a {@link PropertyType#TIME_INTERVAL} the expression is the start and {@code end} the end. A property
 * that may be absent from a create request is optional; a derived one ({@code Datastream.phenomenonTime}) is never
 * written.
 */
public record Property(String name, String column, String end, PropertyType type, boolean required, boolean derived) {

    static Property text(String name, String column) {
        return new Property(name, column, null, PropertyType.TEXT, true, false);
    }

    static Property json(String name, String column, boolean required) {
        return new Property(name, column, null, PropertyType.JSON, required, false);
    }

    static Property geojson(String name, String column) {
        return new Property(name, column, null, PropertyType.GEOJSON, true, false);
    }

    static Property time(String name, String column, boolean required) {
        return new Property(name, column, null, PropertyType.TIME, required, false);
    }

    static Property interval(String name, String start, String end, boolean required) {
        return new Property(name, start, end, PropertyType.TIME_INTERVAL, required, false);
    }

    static Property derivedInterval(String name, String start, String end) {
        return new Property(name, start, end, PropertyType.TIME_INTERVAL, false, true);
    }

    static Property derivedGeojson(String name, String expression) {
        return new Property(name, expression, null, PropertyType.GEOJSON, false, true);
    }

    /** The SQL expression of the property over alias {@code alias}. */
    public String sql(String alias) {
        return column.replace("{e}", alias);
    }

    /** The SQL expression of the interval's end over alias {@code alias}. */
    public String endSql(String alias) {
        return end.replace("{e}", alias);
    }
}
