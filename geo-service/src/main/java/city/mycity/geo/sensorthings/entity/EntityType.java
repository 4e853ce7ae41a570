package city.mycity.geo.sensorthings.entity;

import java.util.List;
import java.util.Optional;

/** The eight entity types of the SensorThings API, their tables, properties and navigation properties. */
public enum EntityType {
    THING("Thing", "Things", "sta_thing"),
    LOCATION("Location", "Locations", "sta_location"),
    HISTORICAL_LOCATION("HistoricalLocation", "HistoricalLocations", "sta_historical_location"),
    DATASTREAM("Datastream", "Datastreams", "sta_datastream"),
    SENSOR("Sensor", "Sensors", "sta_sensor"),
    OBSERVED_PROPERTY("ObservedProperty", "ObservedProperties", "sta_observed_property"),
    OBSERVATION("Observation", "Observations", "sta_observations"),
    FEATURE_OF_INTEREST("FeatureOfInterest", "FeaturesOfInterest", "sta_feature_of_interest");

    private final String singular;
    private final String plural;
    private final String table;
    private List<Property> properties;
    private List<Navigation> navigations;

    EntityType(String singular, String plural, String table) {
        this.singular = singular;
        this.plural = plural;
        this.table = table;
    }

    static {
        String observationsOfDatastream = "(SELECT %s(o.%s) FROM sta_observations o WHERE o.datastream_id = {e}.id)";
        THING.define(
                List.of(
                        Property.text("name", "{e}.name"),
                        Property.text("description", "{e}.description"),
                        Property.json("properties", "{e}.properties", false)),
                List.of(
                        new Navigation(
                                "Locations",
                                LOCATION,
                                true,
                                "{c}.id IN (SELECT l.location_id FROM sta_thing_location l WHERE l.thing_id = {p}.id)"),
                        new Navigation("HistoricalLocations", HISTORICAL_LOCATION, true, "{c}.thing_id = {p}.id"),
                        new Navigation("Datastreams", DATASTREAM, true, "{c}.thing_id = {p}.id")));
        LOCATION.define(
                List.of(
                        Property.text("name", "{e}.name"),
                        Property.text("description", "{e}.description"),
                        Property.text("encodingType", "{e}.encoding_type"),
                        Property.geojson("location", "{e}.location"),
                        Property.json("properties", "{e}.properties", false)),
                List.of(
                        new Navigation(
                                "Things",
                                THING,
                                true,
                                "{c}.id IN (SELECT l.thing_id FROM sta_thing_location l WHERE l.location_id = {p}.id)"),
                        new Navigation(
                                "HistoricalLocations",
                                HISTORICAL_LOCATION,
                                true,
                                "{c}.id IN (SELECT h.historical_location_id FROM sta_location_history h"
                                        + " WHERE h.location_id = {p}.id)")));
        HISTORICAL_LOCATION.define(
                List.of(Property.time("time", "{e}.time", true)),
                List.of(
                        new Navigation("Thing", THING, false, "{c}.id = {p}.thing_id"),
                        new Navigation(
                                "Locations",
                                LOCATION,
                                true,
                                "{c}.id IN (SELECT h.location_id FROM sta_location_history h"
                                        + " WHERE h.historical_location_id = {p}.id)")));
        DATASTREAM.define(
                List.of(
                        Property.text("name", "{e}.name"),
                        Property.text("description", "{e}.description"),
                        Property.json("unitOfMeasurement", "{e}.unit_of_measurement", true),
                        Property.text("observationType", "{e}.observation_type"),
                        Property.derivedInterval(
                                "phenomenonTime",
                                String.format(observationsOfDatastream, "min", "phenomenon_time_start"),
                                String.format(
                                                observationsOfDatastream,
                                                "max",
                                                "coalesce(o.phenomenon_time_end, o.phenomenon_time_start)")
                                        .replace("o.coalesce(", "coalesce(")),
                        Property.derivedInterval(
                                "resultTime",
                                String.format(observationsOfDatastream, "min", "result_time"),
                                String.format(observationsOfDatastream, "max", "result_time")),
                        Property.json("properties", "{e}.properties", false)),
                List.of(
                        new Navigation("Thing", THING, false, "{c}.id = {p}.thing_id"),
                        new Navigation("Sensor", SENSOR, false, "{c}.id = {p}.sensor_id"),
                        new Navigation(
                                "ObservedProperty", OBSERVED_PROPERTY, false, "{c}.id = {p}.observed_property_id"),
                        new Navigation("Observations", OBSERVATION, true, "{c}.datastream_id = {p}.id")));
        SENSOR.define(
                List.of(
                        Property.text("name", "{e}.name"),
                        Property.text("description", "{e}.description"),
                        Property.text("encodingType", "{e}.encoding_type"),
                        Property.json("metadata", "{e}.metadata", true),
                        Property.json("properties", "{e}.properties", false)),
                List.of(new Navigation("Datastreams", DATASTREAM, true, "{c}.sensor_id = {p}.id")));
        OBSERVED_PROPERTY.define(
                List.of(
                        Property.text("name", "{e}.name"),
                        Property.text("definition", "{e}.definition"),
                        Property.text("description", "{e}.description"),
                        Property.json("properties", "{e}.properties", false)),
                List.of(new Navigation("Datastreams", DATASTREAM, true, "{c}.observed_property_id = {p}.id")));
        OBSERVATION.define(
                List.of(
                        Property.interval(
                                "phenomenonTime", "{e}.phenomenon_time_start", "{e}.phenomenon_time_end", false),
                        Property.time("resultTime", "{e}.result_time", false),
                        Property.json("result", "{e}.result", true),
                        Property.json("resultQuality", "{e}.result_quality", false),
                        Property.interval("validTime", "{e}.valid_time_start", "{e}.valid_time_end", false),
                        Property.json("parameters", "{e}.parameters", false)),
                List.of(
                        new Navigation("Datastream", DATASTREAM, false, "{c}.id = {p}.datastream_id"),
                        new Navigation(
                                "FeatureOfInterest",
                                FEATURE_OF_INTEREST,
                                false,
                                "{c}.id = {p}.feature_of_interest_id")));
        FEATURE_OF_INTEREST.define(
                List.of(
                        Property.text("name", "{e}.name"),
                        Property.text("description", "{e}.description"),
                        Property.text("encodingType", "{e}.encoding_type"),
                        Property.geojson("feature", "{e}.feature"),
                        Property.json("properties", "{e}.properties", false)),
                List.of(new Navigation("Observations", OBSERVATION, true, "{c}.feature_of_interest_id = {p}.id")));
    }

    private void define(List<Property> properties, List<Navigation> navigations) {
        this.properties = properties;
        this.navigations = navigations;
    }

    /** The name of one entity, e.g. {@code Thing}. */
    public String singular() {
        return singular;
    }

    /** The name of the collection, e.g. {@code Things}. */
    public String plural() {
        return plural;
    }

    /** The table (or view) of its rows. */
    public String table() {
        return table;
    }

    public List<Property> properties() {
        return properties;
    }

    public List<Navigation> navigations() {
        return navigations;
    }

    public Optional<Property> property(String name) {
        return properties.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<Navigation> navigation(String name) {
        return navigations.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** The entity type of a collection's name, e.g. {@code Things}. */
    public static Optional<EntityType> ofPlural(String name) {
        for (EntityType type : values()) {
            if (type.plural.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
