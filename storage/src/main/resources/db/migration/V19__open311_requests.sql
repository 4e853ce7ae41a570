-- MyCity schema, version 19: problems the public reports through Open311 GeoReport v2 (an overflowing bin, a suspected
-- leak, a broken sensor, a blocked bay). What is published (service_request) is kept apart from who reported it
-- (service_request_contact: only when they chose to give it, never published, deleted by maintenance after the
-- contact retention), and photos are stored as re-encoded images with no metadata.

CREATE TABLE service_request (
    tenant_id       text             NOT NULL REFERENCES tenant (id),
    id              bigserial        PRIMARY KEY,
    token           uuid             NOT NULL UNIQUE,
    service_code    text             NOT NULL,
    status          text             NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    status_notes    text,
    description     text,
    latitude        double precision NOT NULL,
    longitude       double precision NOT NULL,
    address         text,
    attributes      jsonb            NOT NULL DEFAULT '{}',
    alert_id        uuid,
    requested_at    timestamptz      NOT NULL DEFAULT now(),
    updated_at      timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX service_request_time ON service_request (tenant_id, requested_at);
CREATE INDEX service_request_updated ON service_request (tenant_id, updated_at);

CREATE TABLE service_request_contact (
    request_id  bigint      PRIMARY KEY REFERENCES service_request (id) ON DELETE CASCADE,
    tenant_id   text        NOT NULL REFERENCES tenant (id),
    email       text,
    first_name  text,
    last_name   text,
    phone       text,
    device_id   text,
    account_id  text,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX service_request_contact_created ON service_request_contact (created_at);

CREATE TABLE service_request_photo (
    id            uuid        PRIMARY KEY,
    tenant_id     text        NOT NULL REFERENCES tenant (id),
    request_id    bigint      NOT NULL REFERENCES service_request (id) ON DELETE CASCADE,
    content_type  text        NOT NULL,
    width         integer     NOT NULL,
    height        integer     NOT NULL,
    bytes         bytea       NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX service_request_photo_request ON service_request_photo (request_id);

SELECT mycity_keep_councils_apart('service_request');
SELECT mycity_keep_councils_apart('service_request_contact');
SELECT mycity_keep_councils_apart('service_request_photo');

-- Who reported a problem is for the council's operators only. A read-only role given default privileges on new tables
-- (./mycity migrate --grant-read-to) would be granted this one too as it is created: take that back at once, so that
-- no public side reads it before its rights are granted again.
DO $$
DECLARE
    r text;
BEGIN
    FOR r IN
        SELECT DISTINCT grantee FROM information_schema.role_table_grants
        WHERE table_schema = current_schema() AND table_name = 'service_request_contact'
          AND grantee NOT IN (current_user, 'PUBLIC')
    LOOP
        EXECUTE format('REVOKE SELECT ON service_request_contact FROM %I', r);
    END LOOP;
END
$$;
