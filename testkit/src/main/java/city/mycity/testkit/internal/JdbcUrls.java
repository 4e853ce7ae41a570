package city.mycity.testkit.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Takes PostgreSQL JDBC URLs apart: {@code jdbc:postgresql://host:port/database?params}. */
public final class JdbcUrls {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/?]*)(/([^?]*))?(\\?.*)?");

    private JdbcUrls() {}

    /** The same server with another database, keeping the parameters. */
    public static String withDatabase(String jdbcUrl, String database) {
        Matcher m = parse(jdbcUrl);
        return "jdbc:postgresql://" + m.group(1) + "/" + database + (m.group(4) == null ? "" : m.group(4));
    }

    /** The {@code host:port} part (for messages). */
    public static String hostAndPort(String jdbcUrl) {
        String hosts = parse(jdbcUrl).group(1);
        return hosts.isEmpty() ? "localhost:5432" : hosts.contains(":") ? hosts : hosts + ":5432";
    }

    private static Matcher parse(String jdbcUrl) {
        Matcher m = URL.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "Not a PostgreSQL JDBC URL: " + jdbcUrl + " (expected jdbc:postgresql://host:port/database)");
        }
        return m;
    }
}
