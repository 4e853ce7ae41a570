package city.mycity.edge;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * libcoap's {@code coap-client-openssl}, the real DTLS peer of the ITs (Debian {@code libcoap3-bin}, which {@code
 * .ci/run} installs). Where it is absent the test is skipped, as the browser and Mosquitto tests are.
 */
final class LibCoap {

    private static final Path CLIENT = Path.of("/usr/bin/coap-client-openssl");

    private LibCoap() {}

    /** The client's path; skips the calling test when it is not installed. */
    static String client() {
        assumeTrue(Files.isExecutable(CLIENT), "Skipped: " + CLIENT + " is absent (apt-get install -y libcoap3-bin).");
        return CLIENT.toString();
    }
}
