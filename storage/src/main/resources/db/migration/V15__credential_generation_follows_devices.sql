-- MyCity schema, version 15.
-- A device's broker rights name its gateway: moving it to another gateway, or retiring it, changes them, so the
-- credentials' generation grows then too and the brokers take the change.
CREATE TRIGGER device_access_changed AFTER UPDATE OF gateway_id, status ON device
    FOR EACH STATEMENT EXECUTE FUNCTION bump_credential_generation();

-- The function runs as its owner (V13): it names its table in full and searches no schema a caller could put first.
CREATE OR REPLACE FUNCTION bump_credential_generation() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    UPDATE public.credential_generation SET generation = generation + 1, changed_at = now();
    RETURN NULL;
END
$$;
