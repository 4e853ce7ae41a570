package city.mycity.edge;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** What a broker URL says about the uplink's protection. */
final class BrokerUrls {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    /** 127.0.0.0/8 written as an address, not a host name that merely starts with "127.". */
    private static final java.util.regex.Pattern LOOPBACK_V4 = java.util.regex.Pattern.compile("127(\\.\\d{1,3}){3}");

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
            return host != null
                    && (LOOPBACK.contains(host.toLowerCase(Locale.ROOT))
                            || LOOPBACK_V4.matcher(host).matches());
        } catch (URISyntaxException e) {
            // Paho rejects it with its own message when the publisher is built.
            return true;
        }
    }
}
