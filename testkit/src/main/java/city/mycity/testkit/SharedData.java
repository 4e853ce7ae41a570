package city.mycity.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Finds the project's shared data folder ({@code shared/data}, beside the checkout) in place, without copying it:
 * the environment variable {@value #ENV} wins; otherwise it walks up from the working directory to a folder D with
 * {@code D/../shared/data}.
 */
public final class SharedData {

    public static final String ENV = "MYCITY_SHARED_DATA";

    private SharedData() {}

    /** The shared data folder, or an {@link IllegalStateException} saying how to point at it. */
    public static Path root() {
        return find().orElseThrow(() -> new IllegalStateException("Shared data folder not found: no ../shared/data"
                + " beside any folder above " + workingDirectory() + ". Set " + ENV
                + " to the folder holding osm/, parking-birmingham/, ... (e.g. /work/shared/data)."));
    }

    /** A file or folder inside the shared data folder, which must exist. */
    public static Path resolve(String relative) {
        Path path = root().resolve(relative);
        if (!Files.exists(path)) {
            throw new IllegalStateException(
                    "Shared data " + relative + " not found in " + root() + " (is the shared folder complete?)");
        }
        return path;
    }

    /** The shared data folder, if there is one. */
    public static Optional<Path> find() {
        String override = System.getenv(ENV);
        if (override != null && !override.isBlank()) {
            Path path = Paths.get(override.trim()).toAbsolutePath().normalize();
            if (!Files.isDirectory(path)) {
                throw new IllegalStateException(ENV + " is set to " + path + ", which is not a folder.");
            }
            return Optional.of(path);
        }
        for (Path dir = workingDirectory(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("data");
            if (dir.getParent() != null && Files.isDirectory(candidate)) {
                return Optional.of(candidate.normalize());
            }
        }
        return Optional.empty();
    }

    private static Path workingDirectory() {
        return Paths.get(System.getProperty("user.dir")).toAbsolutePath().normalize();
    }
}
