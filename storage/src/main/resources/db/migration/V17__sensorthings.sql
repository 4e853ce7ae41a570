-- MyCity schema, version 17: the OGC SensorThings API's entities, over the platform's own store.
-- Every registered device shows as a Thing with its Location, a FeatureOfInterest (where it is), and a Datastream per
-- quantity its kind reports, each with the kind's Sensor and the quantity's ObservedProperty: kept by a trigger on
-- device, so that every way of registering a device (API, CSV import, ./mycity register) shows it at once. These rows
-- name their device (device_id) and are changed only through the registry. Entities that third parties create through
-- the API have no device_id and are theirs to change. Ids are integers, unique per entity type across councils.
-- The quantities of each kind come from the reading model (R__Sensor_kinds, rerun when the kinds change).

CREATE SEQUENCE sta_id_seq;
-- Observations: readings and observations posted through the API draw from one sequence, so that their ids never meet.
CREATE SEQUENCE observation_id_seq;

CREATE TABLE sensor_kind (
    code         text PRIMARY KEY,
    description  text NOT NULL
);

CREATE TABLE sensor_kind_quantity (
    kind      text    NOT NULL REFERENCES sensor_kind (code),
    quantity  text    NOT NULL,
    unit      text    NOT NULL,
    min       double precision NOT NULL,
    max       double precision NOT NULL,
    integral  boolean NOT NULL,
    optional  boolean NOT NULL,
    position  integer NOT NULL,
    PRIMARY KEY (kind, quantity)
);

CREATE TABLE sta_thing (
    tenant_id    text   NOT NULL REFERENCES tenant (id),
    id           bigint PRIMARY KEY DEFAULT nextval('sta_id_seq'),
    device_id    text,
    name         text   NOT NULL,
    description  text   NOT NULL,
    properties   jsonb,
    UNIQUE (tenant_id, device_id)
);

CREATE TABLE sta_location (
    tenant_id      text   NOT NULL REFERENCES tenant (id),
    id             bigint PRIMARY KEY DEFAULT nextval('sta_id_seq'),
    device_id      text,
    name           text   NOT NULL,
    description    text   NOT NULL,
    encoding_type  text   NOT NULL,
    location       jsonb  NOT NULL,
    properties     jsonb
);
CREATE INDEX sta_location_device ON sta_location (tenant_id, device_id) WHERE device_id IS NOT NULL;

CREATE TABLE sta_thing_location (
    thing_id     bigint NOT NULL REFERENCES sta_thing (id) ON DELETE CASCADE,
    location_id  bigint NOT NULL REFERENCES sta_location (id) ON DELETE CASCADE,
    PRIMARY KEY (thing_id, location_id)
);
CREATE INDEX sta_thing_location_location ON sta_thing_location (location_id);

CREATE TABLE sta_historical_location (
    tenant_id  text        NOT NULL REFERENCES tenant (id),
    id         bigint      PRIMARY KEY DEFAULT nextval('sta_id_seq'),
    thing_id   bigint      NOT NULL REFERENCES sta_thing (id) ON DELETE CASCADE,
    time       timestamptz NOT NULL
);
CREATE INDEX sta_historical_location_thing ON sta_historical_location (thing_id, time);

CREATE TABLE sta_location_history (
    historical_location_id  bigint NOT NULL REFERENCES sta_historical_location (id) ON DELETE CASCADE,
    location_id             bigint NOT NULL REFERENCES sta_location (id) ON DELETE CASCADE,
    PRIMARY KEY (historical_location_id, location_id)
);
CREATE INDEX sta_location_history_location ON sta_location_history (location_id);

CREATE TABLE sta_sensor (
    tenant_id      text   NOT NULL REFERENCES tenant (id),
    id             bigint PRIMARY KEY DEFAULT nextval('sta_id_seq'),
    kind           text,
    name           text   NOT NULL,
    description    text   NOT NULL,
    encoding_type  text   NOT NULL,
    metadata       jsonb  NOT NULL,
    properties     jsonb,
    UNIQUE (tenant_id, kind)
);

CREATE TABLE sta_observed_property (
    tenant_id    text   NOT NULL REFERENCES tenant (id),
    id           bigint PRIMARY KEY DEFAULT nextval('sta_id_seq'),
    quantity     text,
    name         text   NOT NULL,
    definition   text   NOT NULL,
    description  text   NOT NULL,
    properties   jsonb,
    UNIQUE (tenant_id, quantity)
);

CREATE TABLE sta_datastream (
    tenant_id             text   NOT NULL REFERENCES tenant (id),
    id                    bigint PRIMARY KEY DEFAULT nextval('sta_id_seq'),
    thing_id              bigint NOT NULL REFERENCES sta_thing (id) ON DELETE CASCADE,
    sensor_id             bigint NOT NULL REFERENCES sta_sensor (id) ON DELETE CASCADE,
    observed_property_id  bigint NOT NULL REFERENCES sta_observed_property (id) ON DELETE CASCADE,
    device_id             text,
    quantity              text,
    name                  text   NOT NULL,
    description           text   NOT NULL,
    observation_type      text   NOT NULL,
    unit_of_measurement   jsonb  NOT NULL,
    properties            jsonb,
    UNIQUE (tenant_id, device_id, quantity)
);
CREATE INDEX sta_datastream_thing ON sta_datastream (thing_id);
CREATE INDEX sta_datastream_sensor ON sta_datastream (sensor_id);
CREATE INDEX sta_datastream_observed_property ON sta_datastream (observed_property_id);

CREATE TABLE sta_feature_of_interest (
    tenant_id      text   NOT NULL REFERENCES tenant (id),
    id             bigint PRIMARY KEY DEFAULT nextval('sta_id_seq'),
    device_id      text,
    name           text   NOT NULL,
    description    text   NOT NULL,
    encoding_type  text   NOT NULL,
    feature        jsonb  NOT NULL,
    properties     jsonb,
    UNIQUE (tenant_id, device_id)
);

-- An observation posted through the API to a Datastream of a third party's Thing. The platform's own readings stay in
-- reading (with an id of their own, below) and show through the sta_observations view.
CREATE TABLE sta_observation (
    tenant_id               text        NOT NULL REFERENCES tenant (id),
    id                      bigint      PRIMARY KEY DEFAULT nextval('observation_id_seq'),
    datastream_id           bigint      NOT NULL REFERENCES sta_datastream (id) ON DELETE CASCADE,
    feature_of_interest_id  bigint      NOT NULL REFERENCES sta_feature_of_interest (id) ON DELETE CASCADE,
    phenomenon_time_start   timestamptz NOT NULL,
    phenomenon_time_end     timestamptz,
    result_time             timestamptz,
    result                  jsonb       NOT NULL,
    result_quality          jsonb,
    valid_time_start        timestamptz,
    valid_time_end          timestamptz,
    parameters              jsonb
);
CREATE INDEX sta_observation_datastream ON sta_observation (datastream_id, phenomenon_time_start);
CREATE INDEX sta_observation_feature ON sta_observation (feature_of_interest_id);

ALTER TABLE reading ADD COLUMN id bigint NOT NULL DEFAULT nextval('observation_id_seq');
CREATE INDEX reading_id ON reading (id);

-- Every observation, the platform's readings and the API's alike, as the API shows them.
CREATE VIEW sta_observations WITH (security_invoker = true) AS
SELECT r.id,
       r.tenant_id,
       d.id                          AS datastream_id,
       f.id                          AS feature_of_interest_id,
       r.time                        AS phenomenon_time_start,
       NULL::timestamptz             AS phenomenon_time_end,
       r.time                        AS result_time,
       to_jsonb(r.value)             AS result,
       NULL::jsonb                   AS result_quality,
       NULL::timestamptz             AS valid_time_start,
       NULL::timestamptz             AS valid_time_end,
       CASE WHEN r.seq >= 0 THEN jsonb_build_object('seq', r.seq) END AS parameters
FROM reading r
JOIN sta_datastream d ON d.tenant_id = r.tenant_id AND d.device_id = r.device_id AND d.quantity = r.quantity
JOIN sta_feature_of_interest f ON f.tenant_id = r.tenant_id AND f.device_id = r.device_id
UNION ALL
SELECT o.id,
       o.tenant_id,
       o.datastream_id,
       o.feature_of_interest_id,
       o.phenomenon_time_start,
       o.phenomenon_time_end,
       o.result_time,
       o.result,
       o.result_quality,
       o.valid_time_start,
       o.valid_time_end,
       o.parameters
FROM sta_observation o;

-- A device as the API shows it: its Thing, and when it is new or has moved, a new Location, the HistoricalLocation
-- that says since when, and its FeatureOfInterest there; the Sensor of its kind, the ObservedProperty of each of its
-- quantities, and a Datastream for each. Runs as its owner (V13): the registry's role writes devices, not these.
CREATE FUNCTION sta_show_device(d public.device, moved boolean) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    thing     bigint;
    place     bigint;
    since     bigint;
    point     jsonb := jsonb_build_object('type', 'Point', 'coordinates', jsonb_build_array(d.longitude, d.latitude));
    kind_text text  := coalesce((SELECT k.description FROM public.sensor_kind k WHERE k.code = d.kind), d.kind);
BEGIN
    INSERT INTO public.sta_thing AS t (tenant_id, device_id, name, description, properties)
    VALUES (d.tenant_id, d.id, d.id, kind_text,
            jsonb_strip_nulls(jsonb_build_object('kind', d.kind, 'zone', d.zone_id, 'gateway', d.gateway_id,
                                                 'carPark', d.site_id, 'status', d.status, 'vendor', d.vendor)))
    ON CONFLICT (tenant_id, device_id) DO UPDATE SET description = EXCLUDED.description,
                                                     properties = EXCLUDED.properties
    RETURNING t.id INTO thing;

    IF moved THEN
        INSERT INTO public.sta_location (tenant_id, device_id, name, description, encoding_type, location)
        VALUES (d.tenant_id, d.id, 'Position of ' || d.id, 'Where ' || d.id || ' is installed, in zone ' || d.zone_id,
                'application/geo+json', point)
        RETURNING id INTO place;
        DELETE FROM public.sta_thing_location WHERE thing_id = thing;
        INSERT INTO public.sta_thing_location (thing_id, location_id) VALUES (thing, place);
        -- Since its installation when it is new, since now when it has moved.
        INSERT INTO public.sta_historical_location (tenant_id, thing_id, time)
        VALUES (d.tenant_id, thing,
                CASE WHEN EXISTS (SELECT 1 FROM public.sta_historical_location h WHERE h.thing_id = thing) THEN now()
                     ELSE coalesce(d.installed_on::timestamptz, d.registered_at) END)
        RETURNING id INTO since;
        INSERT INTO public.sta_location_history (historical_location_id, location_id) VALUES (since, place);
        INSERT INTO public.sta_feature_of_interest AS f (tenant_id, device_id, name, description, encoding_type, feature)
        VALUES (d.tenant_id, d.id, 'Site of ' || d.id, 'What ' || d.id || ' observes: ' || kind_text,
                'application/geo+json', point)
        ON CONFLICT (tenant_id, device_id) DO UPDATE SET feature = EXCLUDED.feature;
    END IF;

    INSERT INTO public.sta_sensor (tenant_id, kind, name, description, encoding_type, metadata)
    VALUES (d.tenant_id, d.kind, d.kind || ' sensor', kind_text, 'text/plain',
            to_jsonb(kind_text || '. Reports ' ||
                coalesce((SELECT string_agg(q.quantity || ' (' || q.unit || ', ' || q.min || ' to ' || q.max || ')',
                                            ', ' ORDER BY q.position)
                          FROM public.sensor_kind_quantity q WHERE q.kind = d.kind AND NOT q.optional),
                         'no quantity the platform knows') || '.'))
    ON CONFLICT (tenant_id, kind) DO NOTHING;

    INSERT INTO public.sta_observed_property (tenant_id, quantity, name, definition, description)
    SELECT d.tenant_id, q.quantity, q.quantity, 'urn:mycity:quantity:' || q.quantity,
           q.quantity || ' in ' || q.unit
    FROM public.sensor_kind_quantity q WHERE q.kind = d.kind
    ORDER BY q.position
    ON CONFLICT (tenant_id, quantity) DO NOTHING;

    INSERT INTO public.sta_datastream (tenant_id, thing_id, sensor_id, observed_property_id, device_id, quantity, name,
                                       description, observation_type, unit_of_measurement)
    SELECT d.tenant_id, thing, s.id, p.id, d.id, q.quantity, d.id || ' ' || q.quantity,
           q.quantity || ' of ' || d.id || ' (' || kind_text || ')',
           CASE WHEN q.integral
                THEN 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_CountObservation'
                ELSE 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement' END,
           jsonb_build_object('name', q.unit, 'symbol', q.unit, 'definition', 'urn:mycity:unit:' || q.unit)
    FROM public.sensor_kind_quantity q
    JOIN public.sta_sensor s ON s.tenant_id = d.tenant_id AND s.kind = d.kind
    JOIN public.sta_observed_property p ON p.tenant_id = d.tenant_id AND p.quantity = q.quantity
    WHERE q.kind = d.kind
    ORDER BY q.position
    ON CONFLICT (tenant_id, device_id, quantity) DO NOTHING;
END
$$;

CREATE FUNCTION sta_device_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM public.sta_show_device(NEW, TG_OP = 'INSERT'
        OR NEW.latitude IS DISTINCT FROM OLD.latitude OR NEW.longitude IS DISTINCT FROM OLD.longitude);
    RETURN NULL;
END
$$;

CREATE TRIGGER device_shown AFTER INSERT OR UPDATE ON device
    FOR EACH ROW EXECUTE FUNCTION sta_device_changed();

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['sta_thing', 'sta_location', 'sta_historical_location', 'sta_sensor',
                             'sta_observed_property', 'sta_datastream', 'sta_feature_of_interest', 'sta_observation']
    LOOP
        PERFORM mycity_keep_councils_apart(t::regclass);
    END LOOP;
END
$$;

-- The link tables have no council of their own: a link is the council's when its Thing or HistoricalLocation is.
ALTER TABLE sta_thing_location ENABLE ROW LEVEL SECURITY;
CREATE POLICY council_only ON sta_thing_location
    USING (EXISTS (SELECT 1 FROM sta_thing t WHERE t.id = thing_id AND t.tenant_id = mycity_council()));
ALTER TABLE sta_location_history ENABLE ROW LEVEL SECURITY;
CREATE POLICY council_only ON sta_location_history
    USING (EXISTS (SELECT 1 FROM sta_historical_location h
                   WHERE h.id = historical_location_id AND h.tenant_id = mycity_council()));
