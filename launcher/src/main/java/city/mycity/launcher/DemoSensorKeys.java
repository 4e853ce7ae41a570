package city.mycity.launcher;

import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.Sensor;
import city.mycity.edge.security.DeviceKeys;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

/**
 * The demo's pre-shared keys: a random 16-byte key for each simulated sensor, made anew at each start and held in
 * memory only (never written or logged), given to both the edge agent and the simulated sensors.
 */
final class DemoSensorKeys {

    private final Map<String, byte[]> keys;

    private DemoSensorKeys(Map<String, byte[]> keys) {
        this.keys = keys;
    }

    static DemoSensorKeys generate(CityModel city) {
        SecureRandom random = new SecureRandom();
        Map<String, byte[]> keys = new HashMap<>();
        for (Sensor sensor : city.sensors()) {
            byte[] key = new byte[DeviceKeys.MIN_KEY_BYTES];
            random.nextBytes(key);
            keys.put(sensor.id(), key);
        }
        return new DemoSensorKeys(Map.copyOf(keys));
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
