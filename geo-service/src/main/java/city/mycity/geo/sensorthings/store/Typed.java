package city.mycity.geo.sensorthings.store;

/**
 * A compiled expression: its SQL and its type. An interval carries the SQL of its end in {@code end}; a JSON value the
 * SQL that reads it as a number, as text and as a boolean when compared with one.
 */
record Typed(String sql, Type type, String end) {

    enum Type {
        TEXT,
        NUMBER,
        BOOLEAN,
        TIME,
        INTERVAL,
        DURATION,
        JSON,
        GEOJSON,
        NULL
    }

    Typed(String sql, Type type) {
        this(sql, type, null);
    }

    /** This value as a number: a JSON value that is not a number reads as null. */
    String asNumber() {
        return switch (type) {
            case JSON -> "(CASE WHEN jsonb_typeof(" + sql + ") = 'number' THEN (" + sql + " #>> '{}')::numeric END)";
            case TEXT ->
                "(CASE WHEN " + sql + " ~ '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$' THEN (" + sql + ")::numeric END)";
            case BOOLEAN -> "(" + sql + ")::int";
            default -> sql;
        };
    }

    /** This value as text: a JSON string without its quotes, any other JSON value as its JSON text. */
    String asText() {
        return switch (type) {
            case JSON, GEOJSON -> "(" + sql + " #>> '{}')";
            case TEXT -> sql;
            case TIME -> "to_char(" + sql + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";
            default -> "(" + sql + ")::text";
        };
    }

    /** This value as a boolean: a JSON value that is not one reads as null. */
    String asBoolean() {
        return switch (type) {
            case JSON -> "(CASE WHEN jsonb_typeof(" + sql + ") = 'boolean' THEN (" + sql + " #>> '{}')::boolean END)";
            default -> sql;
        };
    }
}
