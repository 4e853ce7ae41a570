package city.mycity.gateway.credentials;

import city.mycity.gateway.audit.AuditLog;
import city.mycity.gateway.exception.InvalidInputException;
import city.mycity.gateway.exception.NotFoundException;
import city.mycity.gateway.store.Transactions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The secrets of gateways, devices and the platform's services, made here and shown once. {@link #issue} makes a
 * credential (and revokes the subject's live one of that kind: a rotation), {@link #revoke} ends one. The broker's
 * access and the edge agents' keys follow the table ({@link #generation()} says when it changed), without a restart.
 * Every change is in the audit log.
 */
public final class Credentials {

    /** The bytes of a DTLS pre-shared key: 128 bits. */
    public static final int PSK_BYTES = 16;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS =
            "id, tenant_id, subject_kind, subject_id, kind, identity, created_by, created_at, revoked_at";

    private final DataSource dataSource;

    public Credentials(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "Data source must not be null.");
    }

    /**
     * Makes a new credential of this kind for the subject, which must be registered (a gateway or device that is not
     * retired); its live credential of the same kind, if any, is revoked in the same transaction.
     */
    public IssuedCredential issue(String actor, Subject subject, CredentialKind kind) {
        String secret;
        String hash = null;
        byte[] psk = null;
        if (kind == CredentialKind.MQTT_PASSWORD) {
            byte[] bytes = new byte[18];
            RANDOM.nextBytes(bytes);
            secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            hash = MosquittoHashes.hash(secret);
        } else {
            psk = new byte[PSK_BYTES];
            RANDOM.nextBytes(psk);
            secret = HexFormat.of().formatHex(psk);
        }
        String storedHash = hash;
        byte[] storedPsk = psk;
        return Transactions.forTenant(dataSource, subject.tenant(), c -> {
            requireRegistered(c, subject);
            revokeLive(c, subject, kind);
            long id;
            try (PreparedStatement st = c.prepareStatement("INSERT INTO credential (tenant_id, subject_kind,"
                    + " subject_id, kind, identity, secret_hash, psk, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    + " RETURNING id")) {
                st.setString(1, subject.tenant());
                st.setString(2, subject.kind().code());
                st.setString(3, subject.id());
                st.setString(4, kind.code());
                st.setString(5, subject.identity());
                st.setString(6, storedHash);
                st.setBytes(7, storedPsk);
                st.setString(8, actor);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            audit(c, subject, actor, "credential.issue", "{\"kind\":\"" + kind.code() + "\",\"id\":" + id + "}");
            return new IssuedCredential(id, subject, kind, subject.identity(), secret);
        });
    }

    /** Revokes a credential of the council ({@code tenant} {@code null} for the platform's services). */
    public void revoke(String actor, String tenant, long id) {
        Transactions.forTenant(dataSource, tenant, c -> {
            CredentialInfo info = find(c, tenant, id).orElseThrow(() -> new NotFoundException("No credential " + id));
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE credential SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL")) {
                st.setLong(1, id);
                st.executeUpdate();
            }
            audit(c, info.subject(), actor, "credential.revoke", "{\"id\":" + id + "}");
            return null;
        });
    }

    /** Revokes every live credential of a subject: for a device or gateway that is retired. */
    public static int revokeAll(Connection c, Subject subject) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE credential SET revoked_at = now() WHERE subject_kind = ?"
                + " AND tenant_id IS NOT DISTINCT FROM ? AND subject_id = ? AND revoked_at IS NULL")) {
            st.setString(1, subject.kind().code());
            st.setString(2, subject.tenant());
            st.setString(3, subject.id());
            return st.executeUpdate();
        }
    }

    /** A subject's credentials, live and revoked, newest first. */
    public List<CredentialInfo> list(Subject subject) {
        return Transactions.forTenant(dataSource, subject.tenant(), c -> {
            try (PreparedStatement st =
                    c.prepareStatement("SELECT " + COLUMNS + " FROM credential WHERE subject_kind = ?"
                            + " AND tenant_id IS NOT DISTINCT FROM ? AND subject_id = ? ORDER BY id DESC")) {
                st.setString(1, subject.kind().code());
                st.setString(2, subject.tenant());
                st.setString(3, subject.id());
                List<CredentialInfo> list = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        list.add(info(rs));
                    }
                }
                return list;
            }
        });
    }

    /** The subject whose live MQTT password this is, or empty (an unknown identity, a wrong or revoked password). */
    public Optional<Subject> checkPassword(String identity, String password) {
        return Transactions.run(dataSource, c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT tenant_id, subject_kind, subject_id, secret_hash"
                    + " FROM credential WHERE kind = 'mqtt-password' AND identity = ? AND revoked_at IS NULL")) {
                st.setString(1, identity);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next() && MosquittoHashes.verify(password, rs.getString(4))) {
                        return Optional.of(
                                new Subject(Subject.Kind.fromCode(rs.getString(2)), rs.getString(1), rs.getString(3)));
                    }
                    return Optional.empty();
                }
            }
        });
    }

    /** Grows with every change to any credential: compare it to know whether to read them again. */
    public long generation() {
        return Transactions.run(dataSource, c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT generation FROM credential_generation");
                    ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static void requireRegistered(Connection c, Subject subject) throws SQLException {
        if (subject.kind() == Subject.Kind.SERVICE) {
            return;
        }
        String table = subject.kind() == Subject.Kind.GATEWAY ? "gateway" : "device";
        try (PreparedStatement st =
                c.prepareStatement("SELECT status FROM " + table + " WHERE tenant_id = ? AND id = ?")) {
            st.setString(1, subject.tenant());
            st.setString(2, subject.id());
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("No " + table + " " + subject.id() + " is registered.");
                }
                if ("retired".equals(rs.getString(1))) {
                    throw new InvalidInputException(
                            subject.kind().code(), "The " + table + " " + subject.id() + " is retired.");
                }
            }
        }
    }

    private static void revokeLive(Connection c, Subject subject, CredentialKind kind) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "UPDATE credential SET revoked_at = now() WHERE kind = ? AND identity = ? AND revoked_at IS NULL")) {
            st.setString(1, kind.code());
            st.setString(2, subject.identity());
            st.executeUpdate();
        }
    }

    private static void audit(Connection c, Subject subject, String actor, String action, String details)
            throws SQLException {
        AuditLog.record(
                c,
                subject.tenant() == null ? "platform" : subject.tenant(),
                actor,
                action,
                subject.identity(),
                details);
    }

    private static Optional<CredentialInfo> find(Connection c, String tenant, long id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM credential WHERE id = ? AND tenant_id IS NOT DISTINCT FROM ?")) {
            st.setLong(1, id);
            st.setString(2, tenant);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(info(rs)) : Optional.empty();
            }
        }
    }

    private static CredentialInfo info(ResultSet rs) throws SQLException {
        Timestamp revoked = rs.getTimestamp(9);
        return new CredentialInfo(
                rs.getLong(1),
                new Subject(Subject.Kind.fromCode(rs.getString(3)), rs.getString(2), rs.getString(4)),
                CredentialKind.fromCode(rs.getString(5)).orElseThrow(),
                rs.getString(6),
                rs.getString(7),
                rs.getTimestamp(8).toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
