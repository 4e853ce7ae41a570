package city.mycity.launcher;

import java.nio.file.Path;

/**
 * What {@code mycity demo} was asked for.
 *
 * @param osm an OpenStreetMap extract, or {@code null} for the generated town
 * @param speed simulated seconds per wall second, at least 1
 */
public record DemoOptions(Path osm, long seed, double speed, boolean faults) {

    public static DemoOptions defaults() {
        return new DemoOptions(null, 42, 1, true);
    }
}
