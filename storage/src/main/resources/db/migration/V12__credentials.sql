-- MyCity schema, version 12: the credentials of devices, gateways and the platform's own services.
-- subject_kind says whose: a gateway or device of a council (tenant_id), or a service of the platform (tenant_id NULL,
-- e.g. the stream job that reads every council's uplinks). identity is what the peer presents: an MQTT username or a
-- DTLS PSK identity. An MQTT password is kept only as a salted PBKDF2-SHA512 hash in Mosquitto's own format
-- ($7$iterations$salt$hash); a DTLS pre-shared key is kept as it is, because the handshake needs the key itself.
-- Revoked credentials stay for the record; only one live credential of a kind may carry an identity.
CREATE TABLE credential (
    id            bigserial PRIMARY KEY,
    tenant_id     text REFERENCES tenant (id),
    subject_kind  text        NOT NULL CHECK (subject_kind IN ('gateway', 'device', 'service')),
    subject_id    text        NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('mqtt-password', 'dtls-psk')),
    identity      text        NOT NULL,
    secret_hash   text,
    psk           bytea,
    created_by    text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    revoked_at    timestamptz,
    CHECK ((tenant_id IS NULL) = (subject_kind = 'service')),
    CHECK ((kind = 'mqtt-password') = (secret_hash IS NOT NULL)),
    CHECK ((kind = 'dtls-psk') = (psk IS NOT NULL))
);
CREATE UNIQUE INDEX credential_live_identity ON credential (kind, identity) WHERE revoked_at IS NULL;
CREATE INDEX credential_subject ON credential (tenant_id, subject_kind, subject_id);

-- Every change to credentials bumps this, so that the broker's access files and the edge agents' key stores are made
-- again only when something changed.
CREATE TABLE credential_generation (
    only_row    boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    generation  bigint      NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO credential_generation (generation) VALUES (0);

CREATE FUNCTION bump_credential_generation() RETURNS trigger AS $$
BEGIN
    UPDATE credential_generation SET generation = generation + 1, changed_at = now();
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER credential_changed AFTER INSERT OR UPDATE OR DELETE ON credential
    FOR EACH STATEMENT EXECUTE FUNCTION bump_credential_generation();
