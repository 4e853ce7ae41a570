package city.mycity.gateway.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.mycity.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AlertStoreIT {

    private static TestDatabase db;
    private static AlertStore store;
    private static final String TENANT =
            "alerts-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void start() {
        db = TestDatabase.create().migrated();
        store = new AlertStore(db.dataSource());
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static String alert(String subject, String status) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement st = c.prepareStatement("INSERT INTO alert (id, tenant_id, subject, problem,"
                        + " severity, status, opened_at, changed_at, detail, latitude, longitude)"
                        + " VALUES (?::uuid, ?, ?, 'leak', 'critical', ?, now(), now(), 'night flow up', 50.1, 4.2)")) {
            st.setString(1, id);
            st.setString(2, TENANT);
            st.setString(3, subject);
            st.setString(4, status);
            st.executeUpdate();
        }
        return id;
    }

    @Test
    void an_open_alert_is_acknowledged_once_with_who_and_when() throws Exception {
        String id = alert("ws-0001", "open");

        assertThat(store.acknowledge(id, "  Sam at the desk ")).isTrue();
        assertThat(store.acknowledge(id, "Alex")).as("already acknowledged").isFalse();

        StoredAlert stored = store.list(TENANT, false, 100).stream()
                .filter(a -> a.id().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(stored.status()).isEqualTo("acknowledged");
        assertThat(stored.acknowledgedBy()).isEqualTo("Sam at the desk");
        assertThat(stored.acknowledgedAt()).isNotNull();
        assertThat(stored.latitude()).isEqualTo(50.1);
    }

    @Test
    void the_default_list_leaves_resolved_alerts_out() throws Exception {
        String resolved = alert("ws-0002", "resolved");
        String open = alert("ws-0003", "open");

        List<String> unresolved =
                store.list(TENANT, true, 100).stream().map(StoredAlert::id).toList();

        assertThat(unresolved).contains(open).doesNotContain(resolved);
        assertThat(store.acknowledge(resolved, "Sam")).isFalse();
    }

    @Test
    void an_id_that_is_not_one_and_an_anonymous_acknowledgement_are_refused() {
        assertThatThrownBy(() -> store.acknowledge("leak-1", "Sam")).hasMessageContaining("not an alert id");
        assertThatThrownBy(() -> store.acknowledge(UUID.randomUUID().toString(), " "))
                .hasMessageContaining("who acknowledges");
    }
}
