-- MyCity schema, version 1: the registry a city model fills, and the tables the stream jobs write.
-- Every table carries the tenant (council) first: one database can serve many councils.
-- Times are timestamptz (UTC on the wire); values are SI-ish units as the reading model defines them.

CREATE TABLE tenant (
    id          text PRIMARY KEY,
    name        text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE zone (
    tenant_id      text NOT NULL REFERENCES tenant (id),
    id             text NOT NULL,
    name           text NOT NULL,
    min_latitude   double precision NOT NULL,
    min_longitude  double precision NOT NULL,
    max_latitude   double precision NOT NULL,
    max_longitude  double precision NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE gateway (
    tenant_id  text NOT NULL REFERENCES tenant (id),
    id         text NOT NULL,
    zone_id    text NOT NULL,
    latitude   double precision NOT NULL,
    longitude  double precision NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE car_park (
    tenant_id  text NOT NULL REFERENCES tenant (id),
    id         text NOT NULL,
    name       text NOT NULL,
    zone_id    text NOT NULL,
    latitude   double precision NOT NULL,
    longitude  double precision NOT NULL,
    capacity   integer NOT NULL CHECK (capacity >= 0),
    PRIMARY KEY (tenant_id, id)
);

-- A registered device. site_id is the car park of an off-street bay, NULL for a street device.
CREATE TABLE device (
    tenant_id      text NOT NULL REFERENCES tenant (id),
    id             text NOT NULL,
    gateway_id     text NOT NULL,
    kind           text NOT NULL,
    zone_id        text NOT NULL,
    site_id        text,
    latitude       double precision NOT NULL,
    longitude      double precision NOT NULL,
    registered_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX device_site ON device (tenant_id, site_id) WHERE site_id IS NOT NULL;

-- Every accepted reading, once: the key makes the sink idempotent under at-least-once delivery.
-- V2 turns this into a TimescaleDB hypertable when the extension is there, or adds a BRIN index on time.
CREATE TABLE reading (
    tenant_id    text             NOT NULL,
    device_id    text             NOT NULL,
    quantity     text             NOT NULL,
    time         timestamptz      NOT NULL,
    value        double precision NOT NULL,
    unit         text             NOT NULL,
    seq          bigint           NOT NULL DEFAULT -1,
    received_at  timestamptz      NOT NULL,
    stored_at    timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, device_id, quantity, time)
);

-- The latest value of each quantity of each device (by device time, never moving backwards).
CREATE TABLE sensor_state (
    tenant_id   text             NOT NULL,
    device_id   text             NOT NULL,
    quantity    text             NOT NULL,
    value       double precision NOT NULL,
    unit        text             NOT NULL,
    time        timestamptz      NOT NULL,
    updated_at  timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, device_id, quantity)
);
CREATE INDEX sensor_state_updated ON sensor_state (tenant_id, updated_at);

-- Occupied bays per car park, as of the newest bay reading (time).
CREATE TABLE car_park_occupancy (
    tenant_id    text        NOT NULL,
    car_park_id  text        NOT NULL,
    occupied     integer     NOT NULL CHECK (occupied >= 0),
    bays         integer     NOT NULL CHECK (bays >= 0),
    time         timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, car_park_id)
);

-- Occupied bays per zone (street bays and car-park bays together).
CREATE TABLE zone_occupancy (
    tenant_id   text        NOT NULL,
    zone_id     text        NOT NULL,
    occupied    integer     NOT NULL CHECK (occupied >= 0),
    bays        integer     NOT NULL CHECK (bays >= 0),
    time        timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, zone_id)
);

-- Every refused reading with every reason. The same bytes on the same topic are one refusal, however often they
-- are delivered (digest = sha-256 of topic and payload), so a replay never doubles a refusal.
CREATE TABLE refusal (
    id            bigserial PRIMARY KEY,
    digest        bytea       NOT NULL,
    record_index  integer     NOT NULL,
    topic         text        NOT NULL,
    tenant_id     text,
    gateway_id    text,
    device_id     text,
    quantity      text,
    reason        text        NOT NULL,
    reasons       text[]      NOT NULL,
    details       text[]      NOT NULL,
    excerpt       text        NOT NULL,
    received_at   timestamptz NOT NULL,
    stored_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (digest, record_index)
);
CREATE INDEX refusal_tenant_time ON refusal (tenant_id, received_at);
