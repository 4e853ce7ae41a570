-- MyCity schema, version 4.
-- The newest forecast of each car park's occupancy at each horizon (15, 30 and 60 minutes), issued by the stream job
-- every 5 minutes of device time from the car park's own history (analytics.parking.ProfileForecaster).
CREATE TABLE car_park_forecast (
    tenant_id    text        NOT NULL,
    car_park_id  text        NOT NULL,
    horizon_min  integer     NOT NULL CHECK (horizon_min > 0),
    issued_at    timestamptz NOT NULL,
    occupied     real        NOT NULL CHECK (occupied >= 0),
    bays         integer     NOT NULL CHECK (bays >= 0),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, car_park_id, horizon_min)
);
