package city.mycity.launcher;

import city.mycity.edge.security.DeviceKeys;
import city.mycity.gateway.credentials.Credentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * An edge agent's keys file written from the registry: the live DTLS keys of a council's devices (of one gateway, or
 * all), written beside the file and moved into place in one step, so that an agent reading it never sees half of it.
 */
final class KeysExport {

    private KeysExport() {}

    /** Writes the file; the number of device keys in it. */
    static int write(Credentials credentials, String tenant, String gateway, Path file, String comment)
            throws IOException {
        Map<String, byte[]> keys = credentials.deviceKeys(tenant, gateway);
        Path next = file.resolveSibling(file.getFileName() + ".next");
        DeviceKeys.of(keys).writeTo(next, comment);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return keys.size();
    }
}
