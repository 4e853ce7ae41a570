package city.mycity.geo.sensorthings.entity;

/**
 * A navigation property: from an entity ({@code {p}}) to its related entities ({@code {c}}), one ({@code Thing}) or a
 * collection ({@code Datastreams}), and the SQL condition that relates the two rows.
 */
public record Navigation(String name, EntityType target, boolean collection, String condition) {

    /** The condition with the aliases of this entity's row and of the related row. */
    public String condition(String parent, String child) {
        return condition.replace("{p}", parent).replace("{c}", child);
    }
}
