-- MyCity schema, version 11: the registry as operators manage it, the people who log in, and what they changed.

-- A device's life: planned (registered, not yet sending), active, maintenance (sending, but not to be trusted), and
-- retired (kept with its history; its readings are refused). vendor and profile say how its frames are read: the
-- profile is a device profile's text, "codec [key=value ...]", e.g. "ultrasonic-bin depth-mm=1100".
-- version counts the changes, for optimistic concurrency (an operator's If-Match).
ALTER TABLE device
    ADD COLUMN vendor            text,
    ADD COLUMN profile           text,
    ADD COLUMN installed_on      date,
    ADD COLUMN status            text NOT NULL DEFAULT 'active'
        CHECK (status IN ('planned', 'active', 'maintenance', 'retired')),
    ADD COLUMN firmware_version  text,
    ADD COLUMN retired_at        timestamptz,
    ADD COLUMN updated_at        timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN version           integer NOT NULL DEFAULT 1;
CREATE INDEX device_gateway ON device (tenant_id, gateway_id, id);
CREATE INDEX device_kind ON device (tenant_id, kind, id);

ALTER TABLE gateway
    ADD COLUMN status            text NOT NULL DEFAULT 'active' CHECK (status IN ('planned', 'active', 'retired')),
    ADD COLUMN firmware_version  text,
    ADD COLUMN installed_on      date,
    ADD COLUMN retired_at        timestamptz,
    ADD COLUMN updated_at        timestamptz NOT NULL DEFAULT now();

-- A person who logs in: a council's crew member, operator or administrator (the public needs no account).
-- username is unique on the platform, so that a login needs no council. password_hash is a PHC string
-- ($argon2id$v=19$m=...,t=...,p=...$salt$hash), NULL for an account that logs in only through the council's OIDC
-- provider. failed_logins and locked_until lock an account out after repeated failures.
CREATE TABLE account (
    username       text PRIMARY KEY,
    tenant_id      text        NOT NULL REFERENCES tenant (id),
    role           text        NOT NULL CHECK (role IN ('crew', 'operator', 'admin')),
    display_name   text,
    password_hash  text,
    failed_logins  integer     NOT NULL DEFAULT 0,
    locked_until   timestamptz,
    disabled_at    timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX account_tenant ON account (tenant_id, username);

-- A logged-in browser or client: only the SHA-256 of its cookie's token is kept. The CSRF token is sent back in a
-- header on every request that changes something.
CREATE TABLE account_session (
    token_hash  bytea PRIMARY KEY,
    username    text        NOT NULL REFERENCES account (username) ON DELETE CASCADE,
    csrf_token  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    last_seen   timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL
);
CREATE INDEX account_session_username ON account_session (username);

-- What people changed, and failed logins: who, what, on what, when. Written in the same transaction as the change.
CREATE TABLE audit_log (
    id         bigserial PRIMARY KEY,
    tenant_id  text        NOT NULL,
    actor      text        NOT NULL,
    action     text        NOT NULL,
    target     text,
    details    jsonb       NOT NULL DEFAULT '{}',
    at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_tenant_at ON audit_log (tenant_id, at DESC, id DESC);
