package city.mycity.gateway.brokeraccess;

import city.mycity.gateway.credentials.Subject;
import city.mycity.gateway.store.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads every live MQTT credential of the registry with what it may do ({@link BrokerAccess}). */
public final class BrokerAccounts {

    private BrokerAccounts() {}

    public static List<BrokerAccount> load(DataSource dataSource) {
        return Transactions.run(dataSource, c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT c.identity, c.secret_hash, c.tenant_id,"
                            + " c.subject_kind, c.subject_id, d.gateway_id FROM credential c LEFT JOIN device d"
                            + " ON c.subject_kind = 'device' AND d.tenant_id = c.tenant_id AND d.id = c.subject_id"
                            + " WHERE c.kind = 'mqtt-password' AND c.revoked_at IS NULL ORDER BY c.identity");
                    ResultSet rs = st.executeQuery()) {
                List<BrokerAccount> accounts = new ArrayList<>();
                while (rs.next()) {
                    Subject subject = new Subject(
                            Subject.Kind.valueOf(rs.getString(4).toUpperCase(java.util.Locale.ROOT)),
                            rs.getString(3),
                            rs.getString(5));
                    String gateway = rs.getString(6);
                    accounts.add(new BrokerAccount(
                            rs.getString(1), rs.getString(2), BrokerAccess.of(subject, s -> gateway)));
                }
                return accounts;
            }
        });
    }
}
