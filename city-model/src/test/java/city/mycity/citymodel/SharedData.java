package city.mycity.citymodel;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared real-data folder in place (never copied into the repository): {@code MYCITY_SHARED_DATA} when set,
 * else the first {@code ../shared/data} beside a directory on the way up from the working directory.
 */
public final class SharedData {

    private SharedData() {}

    public static Path folder() {
        String env = System.getenv("MYCITY_SHARED_DATA");
        if (env != null && !env.isBlank()) {
            Path configured = Path.of(env);
            if (!Files.isDirectory(configured)) {
                throw new IllegalStateException("MYCITY_SHARED_DATA points to " + configured + ", which is no folder.");
            }
            return configured;
        }
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("data");
            if (dir.getParent() != null && Files.isDirectory(candidate)) {
                return candidate.normalize();
            }
        }
        throw new IllegalStateException("No shared data folder: looked for ../shared/data beside every directory above "
                + System.getProperty("user.dir") + ". Set MYCITY_SHARED_DATA to the folder that holds osm/.");
    }

    public static Path osm(String file) {
        Path path = folder().resolve("osm").resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("The shared data folder " + folder() + " has no osm/" + file + ".");
        }
        return path;
    }
}
