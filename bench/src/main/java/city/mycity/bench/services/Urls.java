package city.mycity.bench.services;

import java.net.URI;
import java.util.OptionalInt;

/** What the bench reads from service URLs: another database on the same PostgreSQL, and local ports. */
final class Urls {

    private static final String JDBC_PREFIX = "jdbc:postgresql:";

    private Urls() {}

    /** The JDBC URL with another database name, e.g. {@code jdbc:postgresql://db:5432/mycity?ssl=true} → {@code .../other?ssl=true}. */
    static String withDatabase(String jdbcUrl, String database) {
        if (!jdbcUrl.startsWith(JDBC_PREFIX)) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        String params = query < 0 ? "" : jdbcUrl.substring(query);
        String rest = base.substring(JDBC_PREFIX.length());
        if (!rest.startsWith("//")) {
            return JDBC_PREFIX + database + params;
        }
        int slash = rest.indexOf('/', 2);
        String hosts = slash < 0 ? rest : rest.substring(0, slash);
        return JDBC_PREFIX + hosts + "/" + database + params;
    }

    /** The port of a JDBC URL whose (single) host is this machine; 5432 when none is given. */
    static OptionalInt localJdbcPort(String jdbcUrl) {
        if (!jdbcUrl.startsWith(JDBC_PREFIX + "//")) {
            return jdbcUrl.startsWith(JDBC_PREFIX) ? OptionalInt.of(5432) : OptionalInt.empty();
        }
        return localPort(URI.create(jdbcUrl.substring("jdbc:".length())), 5432);
    }

    /** The port of an MQTT URL ({@code tcp://host:port}) whose host is this machine; 1883 when none is given. */
    static OptionalInt localMqttPort(String url) {
        return localPort(URI.create(url), 1883);
    }

    private static OptionalInt localPort(URI uri, int defaultPort) {
        String host = uri.getHost();
        if (host == null || !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(uri.getPort() < 0 ? defaultPort : uri.getPort());
    }
}
