package city.mycity.edge.security;

import city.mycity.edge.exception.DeviceKeysException;
import city.mycity.reading.Identifiers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pre-shared key of each sensor, by device id, which is also its DTLS PSK identity: a sensor proves who it is by
 * its key, and may then post only as itself. Kept in a local file now (the registry will provision keys), one device a
 * line, the key as hex or as text:
 *
 * <pre>
 * # device = hex:KEY | text:KEY
 * bay-00001 = hex:6d7f1a0c9e3b47d2a5c80f16e94b2d73
 * bin-00017 = text:a key typed on the sensor's console
 * </pre>
 *
 * Keys must be at least 16 bytes. The file should be readable by the agent only; keys never appear in logs, and
 * {@link #toString()} lists devices, not keys.
 */
public final class DeviceKeys {

    /** The shortest key accepted, in bytes (128 bits). */
    public static final int MIN_KEY_BYTES = 16;

    private final Map<String, byte[]> byDevice;

    private DeviceKeys(Map<String, byte[]> byDevice) {
        this.byDevice = Map.copyOf(byDevice);
    }

    /** Keys given in code (tests, provisioning); each checked as the file's are. */
    public static DeviceKeys of(Map<String, byte[]> byDevice) {
        Map<String, byte[]> checked = new LinkedHashMap<>();
        byDevice.forEach((device, key) -> checked.put(checkDevice(device, "keys"), checkKey(key.clone(), device)));
        return new DeviceKeys(checked);
    }

    public static DeviceKeys load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (IOException e) {
            throw new DeviceKeysException("Could not read the device keys in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses keys in the file format above; {@code source} names them in error messages (never a key). */
    public static DeviceKeys parse(Reader text, String source) throws IOException {
        Map<String, byte[]> byDevice = new LinkedHashMap<>();
        BufferedReader lines = new BufferedReader(text);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String where = source + ", line " + number;
            int equals = trimmed.indexOf('=');
            if (equals < 0) {
                throw new DeviceKeysException(where + ": expected 'device = hex:KEY' or 'device = text:KEY'");
            }
            String device = checkDevice(trimmed.substring(0, equals).strip(), where);
            byte[] key = checkKey(decode(trimmed.substring(equals + 1).strip(), where), where + " (" + device + ")");
            if (byDevice.put(device, key) != null) {
                throw new DeviceKeysException(where + ": device " + device + " has a key already");
            }
        }
        return new DeviceKeys(byDevice);
    }

    private static byte[] decode(String value, String where) {
        if (value.startsWith("hex:")) {
            try {
                return HexFormat.of().parseHex(value.substring(4).strip());
            } catch (IllegalArgumentException e) {
                throw new DeviceKeysException(where + ": the key after 'hex:' is not hexadecimal");
            }
        }
        if (value.startsWith("text:")) {
            return value.substring(5).strip().getBytes(StandardCharsets.UTF_8);
        }
        throw new DeviceKeysException(where + ": a key starts with 'hex:' or 'text:'");
    }

    private static String checkDevice(String device, String where) {
        if (!Identifiers.isValid(device)) {
            // Not echoed: on a line without its '=', the text before the first '=' may hold the key itself.
            throw new DeviceKeysException(where + ": the text before '=' (" + device.length() + " characters) is not a"
                    + " device id (1-64 of a-z, 0-9, '.', '_', '-')");
        }
        return device;
    }

    private static byte[] checkKey(byte[] key, String where) {
        if (key.length < MIN_KEY_BYTES) {
            throw new DeviceKeysException(
                    where + ": a key must be at least " + MIN_KEY_BYTES + " bytes, this one has " + key.length);
        }
        return key;
    }

    /**
     * Writes the keys in the file format above, readable by the owner only where the file system has POSIX
     * permissions: {@code text:} for a key of printable characters without spaces (one a person can type), else
     * {@code hex:}.
     *
     * @return the file
     */
    public Path writeTo(Path file, String comment) {
        StringBuilder text = new StringBuilder("# ").append(comment).append('\n');
        new java.util.TreeMap<>(byDevice).forEach((device, key) -> text.append(device)
                .append(" = ")
                .append(
                        typeable(key)
                                ? "text:" + new String(key, StandardCharsets.US_ASCII)
                                : "hex:" + HexFormat.of().formatHex(key))
                .append('\n'));
        try {
            Files.deleteIfExists(file);
            Files.createFile(file);
            try {
                Files.setPosixFilePermissions(
                        file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the folder's own protection applies.
            }
            return Files.writeString(file, text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new DeviceKeysException("Could not write the device keys to " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean typeable(byte[] key) {
        for (byte b : key) {
            if (b < 0x21 || b > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** The device's key (a copy), if it has one. */
    public Optional<byte[]> key(String device) {
        byte[] key = byDevice.get(device);
        return key == null ? Optional.empty() : Optional.of(key.clone());
    }

    public Set<String> devices() {
        return byDevice.keySet();
    }

    @Override
    public String toString() {
        return byDevice.size() + " device keys";
    }
}
