package city.mycity.embedded.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Creates and deletes the private working folders of the embedded services. */
public final class TempFolders {

    private TempFolders() {}

    /** A new folder named {@code <prefix><random>} under {@code parent}, or under the system temp folder. */
    public static Path create(Path parent, String prefix) {
        try {
            return parent == null
                    ? Files.createTempDirectory(prefix)
                    : Files.createTempDirectory(Files.createDirectories(parent), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not create a temporary folder " + prefix + "* under "
                            + (parent == null ? System.getProperty("java.io.tmpdir") : parent),
                    e);
        }
    }

    /**
     * Deletes the folder and everything in it; a folder that is already gone is fine, and so are files that vanish
     * meanwhile (zonky's own shutdown hook may be deleting the data directory at the same time).
     */
    public static void deleteRecursively(Path folder) {
        for (int attempt = 1; folder != null && Files.exists(folder); attempt++) {
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder()).forEach(TempFolders::deleteQuietly);
            } catch (IOException | UncheckedIOException e) {
                if (attempt >= 3) {
                    throw new UncheckedIOException("Could not delete " + folder, asIoException(e));
                }
            }
        }
    }

    private static IOException asIoException(Exception e) {
        return e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + path, e);
        }
    }
}
