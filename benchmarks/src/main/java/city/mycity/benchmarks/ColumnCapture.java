package city.mycity.benchmarks;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;

/**
 * A JDBC connection that runs nothing: a sink statement given it builds its column values as it would for the database
 * and hands them to {@link Connection#createArrayOf}, which keeps them; {@code executeUpdate} returns the rows of the
 * first column. So a benchmark times what a sink does per batch before the driver and the database, and nothing else.
 * Not thread-safe: one per benchmark state.
 */
public final class ColumnCapture implements InvocationHandler {

    private final Connection connection;
    private final PreparedStatement statement;
    private Object[] firstColumn;
    private long values;

    public ColumnCapture() {
        ClassLoader loader = ColumnCapture.class.getClassLoader();
        this.connection = (Connection) Proxy.newProxyInstance(loader, new Class<?>[] {Connection.class}, this);
        this.statement =
                (PreparedStatement) Proxy.newProxyInstance(loader, new Class<?>[] {PreparedStatement.class}, this);
    }

    public Connection connection() {
        return connection;
    }

    /** How many column values statements have handed over so far. */
    public long values() {
        return values;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        switch (method.getName()) {
            case "prepareStatement":
                firstColumn = null;
                return statement;
            case "createArrayOf":
                Object[] column = (Object[]) args[1];
                if (firstColumn == null) {
                    firstColumn = column;
                }
                values += column.length;
                return null;
            case "setArray":
            case "close":
                return null;
            case "executeUpdate":
                return firstColumn == null ? 0 : firstColumn.length;
            default:
                throw new UnsupportedOperationException("ColumnCapture does not do " + method.getName());
        }
    }
}
