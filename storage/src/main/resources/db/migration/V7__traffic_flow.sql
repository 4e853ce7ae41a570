-- MyCity schema, version 7.
-- Each counted segment's traffic in 5-minute windows: flow (vehicles an hour), mean speed, and the congestion level
-- against the segment's own typical speed for that hour and kind of day. Written by the traffic job.
CREATE TABLE traffic_flow (
    tenant_id          text             NOT NULL,
    counter_id         text             NOT NULL,
    window_start       timestamptz      NOT NULL,
    vehicles_per_hour  double precision NOT NULL CHECK (vehicles_per_hour >= 0),
    speed_kmh          double precision,
    level              text             NOT NULL CHECK (level IN ('unknown', 'free', 'slow', 'congested')),
    PRIMARY KEY (tenant_id, counter_id, window_start)
);
