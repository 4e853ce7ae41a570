-- MyCity schema, version 3.
-- Two readings of one device in the same second (a bay frame carries whole seconds) are two readings when the device
-- numbers them: the device's sequence number joins the key. A device that sends none stores -1, and a repeat of the
-- same reading (same time, same sequence) is still stored once.
ALTER TABLE reading DROP CONSTRAINT reading_pkey;
ALTER TABLE reading ADD PRIMARY KEY (tenant_id, device_id, quantity, time, seq);

-- The state follows the newest reading by device time, then by sequence number within the same time.
ALTER TABLE sensor_state ADD COLUMN seq bigint NOT NULL DEFAULT -1;

-- A refused message whole (up to the validator's size limit), once per digest, so that an operator can re-inject it
-- after a fix (a device registered, a gateway corrected). refusal.digest names it.
CREATE TABLE refused_message (
    digest       bytea       PRIMARY KEY,
    topic        text        NOT NULL,
    payload      bytea       NOT NULL,
    received_at  timestamptz NOT NULL,
    replays      integer     NOT NULL DEFAULT 0,
    replayed_at  timestamptz
);
CREATE INDEX refusal_reason_time ON refusal (reason, received_at);
