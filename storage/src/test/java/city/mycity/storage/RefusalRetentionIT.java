package city.mycity.storage;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RefusalRetentionIT {

    private TestDatabase db;

    @BeforeEach
    void refusalsOfTenDays() throws SQLException {
        db = TestDatabase.create().migrated();
        // One refused message a day for ten days, each with its refusal.
        execute("INSERT INTO refused_message (digest, topic, payload, received_at) SELECT int4send(d), 't', '\\x00',"
                + " timestamptz '2026-11-30 12:00Z' - d * interval '1 day' FROM generate_series(0, 9) d;"
                + "INSERT INTO refusal (digest, record_index, topic, reason, reasons, details, excerpt, received_at)"
                + " SELECT digest, 0, 't', 'wrong_type', '{wrong_type}', '{d}', 'e', received_at FROM refused_message");
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void deletes_refusals_older_than_the_retention() throws SQLException {
        long deleted = apply(new RefusalRetention(Duration.ofDays(3), 1_000_000));

        // Received 0, 1 and 2 days before noon are younger than 3 days at 12:30; the rest are older.
        assertThat(deleted).isEqualTo(7);
        assertThat(count("refused_message")).isEqualTo(3);
        assertThat(count("refusal")).isEqualTo(3);
    }

    @Test
    void keeps_at_most_the_newest_messages_of_the_cap_with_their_refusals() throws SQLException {
        long deleted = apply(new RefusalRetention(Duration.ZERO, 5));

        assertThat(deleted).isEqualTo(5);
        assertThat(count("refused_message")).isEqualTo(5);
        assertThat(count("refusal")).isEqualTo(5);
        assertThat(apply(new RefusalRetention(Duration.ZERO, 5))).isZero();
    }

    private long apply(RefusalRetention retention) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            return retention.apply(c, Instant.parse("2026-11-30T12:30:00Z"));
        }
    }

    private long count(String table) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
