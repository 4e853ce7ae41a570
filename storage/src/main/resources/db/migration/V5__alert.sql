-- MyCity schema, version 5.
-- One row per alert: opened and resolved by the stream jobs (the same id again when a replay recomputes it),
-- acknowledged by an operator (who and when).
CREATE TABLE alert (
    id               uuid             PRIMARY KEY,
    tenant_id        text             NOT NULL,
    subject          text             NOT NULL,
    problem          text             NOT NULL,
    severity         text             NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    status           text             NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved')),
    opened_at        timestamptz      NOT NULL,
    resolved_at      timestamptz,
    changed_at       timestamptz      NOT NULL,
    reopened         integer          NOT NULL DEFAULT 0,
    detail           text             NOT NULL,
    latitude         double precision,
    longitude        double precision,
    acknowledged_by  text,
    acknowledged_at  timestamptz,
    updated_at       timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX alert_open ON alert (tenant_id, status) WHERE status <> 'resolved';
CREATE INDEX alert_opened ON alert (tenant_id, opened_at);
