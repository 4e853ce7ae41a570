package city.mycity.gateway.store;

import city.mycity.gateway.exception.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One unit of work in one transaction: committed when it returns, rolled back when it throws. {@link #forTenant} also
 * names the council the work is for ({@code mycity.tenant}, for the database's row-level security).
 */
public final class Transactions {

    /** Work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Transactions() {}

    /** Names the council the rest of the transaction works for (row-level security keeps it to that council's rows). */
    public static void nameTenant(Connection c, String tenant) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT set_config('mycity.tenant', ?, true)")) {
            st.setString(1, tenant);
            st.execute();
        }
    }

    /** Runs work that is not one council's (a login, before anyone is known). */
    public static <T> T run(DataSource dataSource, Work<T> work) {
        return forTenant(dataSource, null, work);
    }

    /** Runs work for one council. */
    public static <T> T forTenant(DataSource dataSource, String tenant, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (tenant != null) {
                    nameTenant(c, tenant);
                }
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException("The registry's database failed: " + e.getMessage(), e);
        }
    }
}
