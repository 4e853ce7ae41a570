-- MyCity schema, version 8.
-- Occupancy history per minute: the last occupancy of each car park and zone in each minute (device time), for
-- charts and rollups. Written by the readings job from the same changes as car_park_occupancy and zone_occupancy.
CREATE TABLE occupancy_minute (
    tenant_id  text        NOT NULL,
    scope      text        NOT NULL CHECK (scope IN ('car-park', 'zone')),
    scope_id   text        NOT NULL,
    minute     timestamptz NOT NULL,
    occupied   integer     NOT NULL CHECK (occupied >= 0),
    bays       integer     NOT NULL CHECK (bays >= 0),
    time       timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, scope, scope_id, minute)
);
