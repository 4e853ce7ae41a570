package city.mycity.codec;

import city.mycity.reading.Identifiers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The profiles of a gateway's devices, by device id: which codec reads each one's frames. Kept in a local file now
 * (the registry will provision it), one device a line:
 *
 * <pre>
 * # device = codec [key=value ...]
 * cp001-b0042 = parking-puck
 * bin-00017   = ultrasonic-bin depth-mm=1100
 * </pre>
 *
 * Blank lines and lines starting with {@code #} are skipped; a line that is not {@code device = profile} is refused with
 * its number.
 */
public final class DeviceProfiles {

    private final Map<String, DeviceProfile> byDevice;

    private DeviceProfiles(Map<String, DeviceProfile> byDevice) {
        this.byDevice = Map.copyOf(byDevice);
    }

    public static DeviceProfiles of(Map<String, DeviceProfile> byDevice) {
        byDevice.keySet().forEach(device -> Identifiers.check("device", device));
        return new DeviceProfiles(byDevice);
    }

    public static DeviceProfiles load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the device profiles in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses profiles in the file format above; {@code source} names them in error messages. */
    public static DeviceProfiles parse(Reader text, String source) throws IOException {
        Map<String, DeviceProfile> byDevice = new LinkedHashMap<>();
        BufferedReader lines = new BufferedReader(text);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            String device = equals < 0 ? "" : trimmed.substring(0, equals).strip();
            String where = source + ", line " + number;
            if (equals < 0 || !Identifiers.isValid(device)) {
                throw new IllegalArgumentException(where
                        + ": expected 'device = codec [key=value ...]' with a device id, found '" + trimmed + "'");
            }
            try {
                if (byDevice.put(device, DeviceProfile.parse(trimmed.substring(equals + 1))) != null) {
                    throw new IllegalArgumentException("device " + device + " has a profile already");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return new DeviceProfiles(byDevice);
    }

    /**
     * Writes the profiles in the file format above, a device a line in the order of their ids, under a comment line,
     * for a gateway to {@link #load}.
     *
     * @return the file
     */
    public Path writeTo(Path file, String comment) {
        StringBuilder text = new StringBuilder("# ").append(comment).append('\n');
        new TreeMap<>(byDevice).forEach((device, profile) -> text.append(device)
                .append(" = ")
                .append(profile.toText())
                .append('\n'));
        try {
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the device profiles to " + file + ": " + e.getMessage(), e);
        }
    }

    public Optional<DeviceProfile> of(String device) {
        return Optional.ofNullable(byDevice.get(device));
    }

    public Map<String, DeviceProfile> asMap() {
        return byDevice;
    }
}
