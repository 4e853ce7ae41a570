package city.mycity.launcher;

import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.Sensor;
import city.mycity.edge.security.DeviceKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

/**
 * The demo's pre-shared keys: a random key of 24 letters and digits (about 143 bits) for each simulated sensor, made
 * anew at each start, given to both the edge agent and the simulated sensors, and written only to a file readable by
 * its owner in the demo's temporary folder (for trying the agent with {@code coap-client-openssl}); never logged.
 */
final class DemoSensorKeys {

    private final Map<String, byte[]> keys;

    private DemoSensorKeys(Map<String, byte[]> keys) {
        this.keys = keys;
    }

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int KEY_CHARACTERS = 24;

    static DemoSensorKeys generate(CityModel city) {
        SecureRandom random = new SecureRandom();
        Map<String, byte[]> keys = new HashMap<>();
        for (Sensor sensor : city.sensors()) {
            StringBuilder key = new StringBuilder(KEY_CHARACTERS);
            for (int i = 0; i < KEY_CHARACTERS; i++) {
                key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            keys.put(sensor.id(), key.toString().getBytes(StandardCharsets.US_ASCII));
        }
        return new DemoSensorKeys(Map.copyOf(keys));
    }

    /** Writes the keys as the agent's keys file, readable by the owner only. */
    Path writeTo(Path file) {
        return deviceKeys().writeTo(file, "The demo's sensor keys, made at start; removed when the demo stops.");
    }

    /** The agent's view: every sensor's key. */
    DeviceKeys deviceKeys() {
        return DeviceKeys.of(keys);
    }

    /** A sensor's own key, or {@code null} for a device the demo does not know. */
    byte[] key(String device) {
        byte[] key = keys.get(device);
        return key == null ? null : key.clone();
    }
}
