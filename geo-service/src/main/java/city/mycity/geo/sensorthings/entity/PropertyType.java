package city.mycity.geo.sensorthings.entity;

/** How a property is stored, compared in filters, and written out. */
public enum PropertyType {
    /** text. */
    TEXT,
    /** jsonb: an object or any JSON value ({@code properties}, {@code result}, {@code unitOfMeasurement}). */
    JSON,
    /** jsonb holding GeoJSON ({@code location}, {@code feature}, {@code observedArea}). */
    GEOJSON,
    /** timestamptz. */
    TIME,
    /** A time or a time interval: two timestamptz columns, the second null for an instant. */
    TIME_INTERVAL
}
