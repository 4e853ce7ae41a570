package city.mycity.edge.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The sensors' keys file as it changes: {@link #changed()} reads it again when its bytes differ from the last ones
 * read (the registry's export writes it whole, {@code ./mycity credentials export-keys}). A file that cannot be read
 * or parsed is reported and the keys in use stay.
 */
public final class KeysFile {

    private final Path file;
    private byte[] lastDigest;

    private KeysFile(Path file, byte[] digest) {
        this.file = file;
        this.lastDigest = digest;
    }

    /** The file and its keys now. */
    public static KeysFile open(Path file) {
        return new KeysFile(file, digest(read(file)));
    }

    public DeviceKeys load() {
        return DeviceKeys.load(file);
    }

    /** The keys, when the file changed since the last look. */
    public synchronized Optional<DeviceKeys> changed() {
        byte[] bytes = read(file);
        byte[] digest = digest(bytes);
        if (MessageDigest.isEqual(digest, lastDigest)) {
            return Optional.empty();
        }
        DeviceKeys keys;
        try {
            keys = DeviceKeys.parse(
                    new java.io.StringReader(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)),
                    file.toString());
        } catch (IOException e) {
            throw new city.mycity.edge.exception.DeviceKeysException(
                    "Could not read the device keys in " + file + ": " + e.getMessage(), e);
        }
        lastDigest = digest;
        return Optional.of(keys);
    }

    public Path path() {
        return file;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new city.mycity.edge.exception.DeviceKeysException(
                    "Could not read the device keys in " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
