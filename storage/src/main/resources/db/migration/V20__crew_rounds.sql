-- MyCity schema, version 20: the refuse crews' rounds. Each council's rounds of a day are planned once, for all its
-- crews at once, from the bins due that day (crew_round: one per crew account and day, with its truck and the roads it
-- drives); a round's stops are its bins in the order to empty them (crew_stop), each planned until a crew member
-- reports it emptied or not emptied (with the reason). crew_report keeps every report received under the id the phone
-- gave it, so that a phone that sends its queue again after a lost signal never reports a bin twice.
-- Written by the geo-service's crew routes under the registry's role; private to the council's accounts.

CREATE TABLE crew_round (
    id            bigserial   PRIMARY KEY,
    tenant_id     text        NOT NULL REFERENCES tenant (id),
    day           date        NOT NULL,
    crew          text        NOT NULL REFERENCES account (username),
    truck         integer     NOT NULL CHECK (truck >= 1),
    -- The roads still to drive, as a GeoJSON LineString: the day's whole route when planned, from the stop a crew
    -- could not empty onwards after a re-plan; NULL for a round without stops.
    route         jsonb,
    planned_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, day, crew),
    UNIQUE (tenant_id, day, truck)
);

CREATE TABLE crew_stop (
    tenant_id    text             NOT NULL REFERENCES tenant (id),
    round_id     bigint           NOT NULL REFERENCES crew_round (id) ON DELETE CASCADE,
    position     integer          NOT NULL CHECK (position >= 1),
    bin_id       text             NOT NULL,
    latitude     double precision NOT NULL,
    longitude    double precision NOT NULL,
    status       text             NOT NULL DEFAULT 'planned'
        CHECK (status IN ('planned', 'emptied', 'not-emptied')),
    -- Why a crew could not empty it: blocked, bin-damaged, no-access, not-out or other, and what they added.
    reason       text CHECK (reason IN ('blocked', 'bin-damaged', 'no-access', 'not-out', 'other')),
    note         text CHECK (char_length(note) <= 200),
    reported_at  timestamptz,
    reported_by  text,
    PRIMARY KEY (round_id, bin_id),
    -- A re-plan renumbers the stops in one transaction.
    UNIQUE (round_id, position) DEFERRABLE INITIALLY DEFERRED,
    CHECK ((status = 'planned') = (reported_at IS NULL)),
    CHECK ((status = 'not-emptied') = (reason IS NOT NULL))
);

CREATE TABLE crew_report (
    report_id    uuid        PRIMARY KEY,
    tenant_id    text        NOT NULL REFERENCES tenant (id),
    round_id     bigint      NOT NULL,
    bin_id       text        NOT NULL,
    outcome      text        NOT NULL CHECK (outcome IN ('emptied', 'not-emptied')),
    reason       text,
    note         text,
    pressed_at   timestamptz NOT NULL,
    reported_by  text        NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (round_id, bin_id) REFERENCES crew_stop (round_id, bin_id) ON DELETE CASCADE
);
CREATE INDEX crew_report_stop ON crew_report (round_id, bin_id);

SELECT mycity_keep_councils_apart('crew_round');
SELECT mycity_keep_councils_apart('crew_stop');
SELECT mycity_keep_councils_apart('crew_report');

-- Who works which round is for the council's accounts only: a read-only role given default privileges on new tables
-- (./mycity migrate --grant-read-to) is granted these as they are created; take that back at once (from the roles that
-- cannot register devices: the registry's role keeps them).
DO $$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT DISTINCT grantee, table_name FROM information_schema.role_table_grants
        WHERE table_schema = current_schema() AND table_name IN ('crew_round', 'crew_stop', 'crew_report')
          AND grantee NOT IN (current_user, 'PUBLIC')
          AND NOT has_table_privilege(grantee, 'device', 'INSERT')
    LOOP
        EXECUTE format('REVOKE SELECT ON %I FROM %I', r.table_name, r.grantee);
    END LOOP;
END
$$;
