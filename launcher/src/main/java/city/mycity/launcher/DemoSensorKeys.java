package city.mycity.launcher;

import city.mycity.citymodel.CityModel;
import city.mycity.gateway.credentials.CredentialKind;
import city.mycity.gateway.credentials.Credentials;
import city.mycity.gateway.credentials.IssuedCredential;
import city.mycity.gateway.credentials.Subject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The demo's pre-shared keys: a DTLS credential of the registry for each simulated sensor, issued anew at each start
 * (24 letters and digits, about 143 bits), given to the simulated sensors and, through the keys file exported from
 * the registry (readable by its owner only, in the demo's temporary folder), to the edge agent, which reads it again
 * when it changes ({@code ./mycity credentials export-keys}); never logged.
 */
final class DemoSensorKeys {

    private final Map<String, byte[]> keys;

    private DemoSensorKeys(Map<String, byte[]> keys) {
        this.keys = keys;
    }

    /** Issues every sensor of the city its key in the registry, in one transaction. */
    static DemoSensorKeys issue(DataSource registry, CityModel city) {
        List<Subject> sensors = city.sensors().stream()
                .map(s -> Subject.device(city.tenant(), s.id()))
                .toList();
        Map<String, byte[]> keys = new HashMap<>();
        for (IssuedCredential issued :
                new Credentials(registry).issueAll("mycity demo", city.tenant(), sensors, CredentialKind.DTLS_PSK)) {
            keys.put(issued.subject().id(), issued.secret().getBytes(StandardCharsets.US_ASCII));
        }
        return new DemoSensorKeys(Map.copyOf(keys));
    }

    /** A sensor's own key, or {@code null} for a device the demo does not know. */
    byte[] key(String device) {
        byte[] key = keys.get(device);
        return key == null ? null : key.clone();
    }
}
