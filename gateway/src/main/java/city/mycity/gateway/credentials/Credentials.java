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
import java.util.List;
import java.util.Map;
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

    /**
     * The characters of a DTLS pre-shared key: letters and digits, so that a technician can type it on a sensor's
     * console (24 of 62 characters: about 143 bits).
     */
    public static final int PSK_CHARACTERS = 24;

    private static final String PSK_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

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
        return issueAll(actor, subject.tenant(), List.of(subject), kind).get(0);
    }

    /**
     * As {@link #issue} for many subjects of one council (or services, {@code tenant} {@code null}), in one
     * transaction: all or none. For provisioning a fleet (the demo's keys for every sensor).
     */
    public List<IssuedCredential> issueAll(String actor, String tenant, List<Subject> subjects, CredentialKind kind) {
        List<Secret> secrets = new ArrayList<>(subjects.size());
        for (Subject subject : subjects) {
            if (!java.util.Objects.equals(subject.tenant(), tenant)) {
                throw new IllegalArgumentException("Every subject must be of council " + tenant + ": " + subject);
            }
            secrets.add(Secret.make(kind));
        }
        return Transactions.forTenant(dataSource, tenant, c -> {
            requireRegistered(c, tenant, subjects);
            String[] kinds = new String[subjects.size()];
            String[] ids = new String[subjects.size()];
            String[] identities = new String[subjects.size()];
            String[] hashes = new String[subjects.size()];
            byte[][] psks = new byte[subjects.size()][];
            for (int i = 0; i < subjects.size(); i++) {
                kinds[i] = subjects.get(i).kind().code();
                ids[i] = subjects.get(i).id();
                identities[i] = subjects.get(i).identity();
                hashes[i] = secrets.get(i).hash();
                psks[i] = secrets.get(i).psk();
            }
            // One statement each, so that the credentials' generation is bumped once however many are issued.
            try (PreparedStatement revoke = c.prepareStatement("UPDATE credential SET revoked_at = now() WHERE kind = ?"
                    + " AND identity = ANY (?) AND revoked_at IS NULL")) {
                revoke.setString(1, kind.code());
                revoke.setArray(2, c.createArrayOf("text", identities));
                revoke.executeUpdate();
            }
            Map<String, Long> idOf = new java.util.HashMap<>();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO credential (tenant_id, subject_kind,"
                    + " subject_id, kind, identity, secret_hash, psk, created_by) SELECT ?, k, s, ?, i, h, p, ? FROM"
                    + " unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bytea[]) AS t(k, s, i, h, p)"
                    + " RETURNING id, identity")) {
                insert.setString(1, tenant);
                insert.setString(2, kind.code());
                insert.setString(3, actor);
                insert.setArray(4, c.createArrayOf("text", kinds));
                insert.setArray(5, c.createArrayOf("text", ids));
                insert.setArray(6, c.createArrayOf("text", identities));
                insert.setArray(7, c.createArrayOf("text", hashes));
                insert.setArray(8, c.createArrayOf("bytea", psks));
                try (ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        idOf.put(rs.getString(2), rs.getLong(1));
                    }
                }
            }
            List<IssuedCredential> issued = new ArrayList<>(subjects.size());
            List<String> details = new ArrayList<>(subjects.size());
            for (int i = 0; i < subjects.size(); i++) {
                long id = idOf.get(identities[i]);
                issued.add(new IssuedCredential(
                        id, subjects.get(i), kind, identities[i], secrets.get(i).text()));
                details.add("{\"kind\":\"" + kind.code() + "\",\"id\":" + id + "}");
            }
            AuditLog.recordAll(
                    c, tenant == null ? "platform" : tenant, actor, "credential.issue", List.of(identities), details);
            return issued;
        });
    }

    /** Every gateway and device among the subjects is registered and not retired. */
    private static void requireRegistered(Connection c, String tenant, List<Subject> subjects) throws SQLException {
        for (Subject.Kind kind : List.of(Subject.Kind.GATEWAY, Subject.Kind.DEVICE)) {
            String[] ids = subjects.stream()
                    .filter(s -> s.kind() == kind)
                    .map(Subject::id)
                    .toArray(String[]::new);
            if (ids.length == 0) {
                continue;
            }
            String table = kind == Subject.Kind.GATEWAY ? "gateway" : "device";
            Map<String, String> status = new java.util.HashMap<>();
            try (PreparedStatement st =
                    c.prepareStatement("SELECT id, status FROM " + table + " WHERE tenant_id = ? AND id = ANY (?)")) {
                st.setString(1, tenant);
                st.setArray(2, c.createArrayOf("text", ids));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        status.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            for (String id : ids) {
                if (!status.containsKey(id)) {
                    throw new NotFoundException("No " + table + " " + id + " is registered.");
                }
                if ("retired".equals(status.get(id))) {
                    throw new InvalidInputException(kind.code(), "The " + table + " " + id + " is retired.");
                }
            }
        }
    }

    /** A new secret: the text shown once, and what the registry keeps of it. */
    private record Secret(String text, String hash, byte[] psk) {

        static Secret make(CredentialKind kind) {
            if (kind == CredentialKind.MQTT_PASSWORD) {
                byte[] bytes = new byte[18];
                RANDOM.nextBytes(bytes);
                String text = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                return new Secret(text, MosquittoHashes.hash(text), null);
            }
            StringBuilder key = new StringBuilder(PSK_CHARACTERS);
            for (int i = 0; i < PSK_CHARACTERS; i++) {
                key.append(PSK_ALPHABET.charAt(RANDOM.nextInt(PSK_ALPHABET.length())));
            }
            String text = key.toString();
            return new Secret(text, null, text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
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

    /**
     * The live DTLS keys of the council's devices, by device id (the identity a sensor presents to its edge agent),
     * those filed under one gateway when {@code gateway} is given: what an edge agent's keys file holds.
     */
    public Map<String, byte[]> deviceKeys(String tenant, String gateway) {
        return Transactions.forTenant(dataSource, tenant, c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT c.subject_id, c.psk FROM credential c JOIN device d"
                    + " ON d.tenant_id = c.tenant_id AND d.id = c.subject_id WHERE c.tenant_id = ?"
                    + " AND c.subject_kind = 'device' AND c.kind = 'dtls-psk' AND c.revoked_at IS NULL"
                    + " AND d.status <> 'retired' AND (?::text IS NULL OR d.gateway_id = ?) ORDER BY c.subject_id")) {
                st.setString(1, tenant);
                st.setString(2, gateway);
                st.setString(3, gateway);
                Map<String, byte[]> keys = new java.util.LinkedHashMap<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        keys.put(rs.getString(1), rs.getBytes(2));
                    }
                }
                return keys;
            }
        });
    }

    /** Every council's live DTLS keys of devices, by identity ({@code dev~tenant~device}): direct CoAP ingress's. */
    public Map<String, byte[]> deviceKeysByIdentity() {
        return Transactions.run(dataSource, c -> {
            try (PreparedStatement st =
                            c.prepareStatement("SELECT identity, psk FROM credential WHERE kind = 'dtls-psk'"
                                    + " AND subject_kind = 'device' AND revoked_at IS NULL");
                    ResultSet rs = st.executeQuery()) {
                Map<String, byte[]> keys = new java.util.HashMap<>();
                while (rs.next()) {
                    keys.put(rs.getString(1), rs.getBytes(2));
                }
                return keys;
            }
        });
    }

    /** The subject of an identity ({@code gw~}, {@code dev~}, {@code svc~}), or empty for anything else. */
    public static Optional<Subject> subjectOf(String identity) {
        String[] parts = identity == null ? new String[0] : identity.split("~", -1);
        try {
            if (parts.length == 3 && parts[0].equals("dev")) {
                return Optional.of(Subject.device(parts[1], parts[2]));
            }
            if (parts.length == 3 && parts[0].equals("gw")) {
                return Optional.of(Subject.gateway(parts[1], parts[2]));
            }
            if (parts.length == 2 && parts[0].equals("svc")) {
                return Optional.of(Subject.service(parts[1]));
            }
        } catch (IllegalArgumentException notAnIdentifier) {
            return Optional.empty();
        }
        return Optional.empty();
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
