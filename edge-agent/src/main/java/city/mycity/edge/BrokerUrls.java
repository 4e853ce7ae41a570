package city.mycity.edge;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** What a broker URL says about the uplink's protection. */
final class BrokerUrls {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private BrokerUrls() {}

    /**
     * Whether the uplink is encrypted ({@code ssl://}, {@code wss://}) or stays on this machine (loopback). A host name
     * other than {@code localhost} counts as another machine: it is not resolved here.
     */
    static boolean encryptedOrLocal(String url) {
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("ssl") || scheme.equals("wss")) {
                return true;
            }
            String host = uri.getHost();
            return host != null && (LOOPBACK.contains(host.toLowerCase(Locale.ROOT)) || host.startsWith("127."));
        } catch (URISyntaxException e) {
            // Paho rejects it with its own message when the publisher is built.
            return true;
        }
    }
}
