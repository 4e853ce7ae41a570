-- MyCity schema, version 6.
-- What each bin's readings say now: its fill, how fast it fills, when it will be full, when it was last emptied.
-- Written by the bins job; read by the refuse teams' list of bins to empty.
CREATE TABLE bin_status (
    tenant_id       text             NOT NULL,
    bin_id          text             NOT NULL,
    fill            double precision NOT NULL,
    rate_per_hour   double precision,
    full_at         timestamptz,
    last_collected  timestamptz,
    time            timestamptz      NOT NULL,
    updated_at      timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, bin_id)
);
CREATE INDEX bin_status_full_at ON bin_status (tenant_id, full_at);
