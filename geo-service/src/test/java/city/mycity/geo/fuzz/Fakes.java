package city.mycity.geo.fuzz;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import javax.sql.DataSource;

/**
 * Stand-ins made of dynamic proxies for what a request handler touches: each answers the calls it is meant for and
 * refuses any other, so that a handler that starts calling something new shows up as a failure, not a silent null.
 */
final class Fakes {

    /** The earliest and latest instants PostgreSQL's {@code timestamptz} holds: 4713 BC to 294276 AD. */
    static final Instant STORE_EARLIEST = Instant.parse("-4712-01-01T00:00:00Z");

    static final Instant STORE_LATEST = Instant.parse("+294276-12-31T23:59:59Z");

    /** How a fake answers one call. */
    @FunctionalInterface
    interface Answers {
        Object answer(String method, Object[] args) throws Throwable;
    }

    /** What an {@link Answers} returns for a call the fake is not meant for. */
    static final Object UNEXPECTED = new Object();

    private Fakes() {}

    @SuppressWarnings("unchecked")
    static <T> T fake(Class<T> type, Answers answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> "fake " + type.getSimpleName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> proxy == args[0];
                };
            }
            Object answer = answers.answer(method.getName(), args == null ? new Object[0] : args);
            if (answer == UNEXPECTED) {
                throw new UnsupportedOperationException(
                        "The fake " + type.getSimpleName() + " is not meant for " + signature(method));
            }
            return answer;
        });
    }

    /**
     * A database that holds nothing: every query finds no row. Like PostgreSQL, it refuses a timestamp outside what
     * {@code timestamptz} holds (SQL state 22008, "timestamp out of range").
     */
    static DataSource emptyStore() {
        ResultSet rows = fake(ResultSet.class, (method, args) -> switch (method) {
            case "next", "wasNull" -> method.equals("wasNull");
            case "close" -> null;
            case "getObject", "getTimestamp", "getString" -> null;
            default -> UNEXPECTED;
        });
        PreparedStatement statement = fake(PreparedStatement.class, (method, args) -> switch (method) {
            case "setTimestamp" -> {
                checkStoreHolds(((Timestamp) args[1]).toInstant());
                yield null;
            }
            case "setObject" -> {
                if (args[1] instanceof OffsetDateTime time) {
                    checkStoreHolds(time.toInstant());
                }
                yield null;
            }
            case "setString", "setDouble", "setInt", "setLong", "setArray", "setNull", "close" -> null;
            case "executeQuery" -> rows;
            default -> UNEXPECTED;
        });
        java.sql.Array array = fake(java.sql.Array.class, (method, args) -> method.equals("free") ? null : UNEXPECTED);
        Connection connection = fake(Connection.class, (method, args) -> switch (method) {
            case "prepareStatement" -> statement;
            case "createArrayOf" -> array;
            case "close" -> null;
            default -> UNEXPECTED;
        });
        return fake(DataSource.class, (method, args) -> method.equals("getConnection") ? connection : UNEXPECTED);
    }

    private static void checkStoreHolds(Instant time) throws SQLException {
        if (time.isBefore(STORE_EARLIEST) || time.isAfter(STORE_LATEST)) {
            throw new SQLException("ERROR: timestamp out of range: \"" + time + "\"", "22008");
        }
    }

    private static String signature(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
