-- MyCity schema, version 13: councils kept apart by the store itself, with row-level security.
-- A service that works for one council names it for its connection or transaction (mycity.tenant, e.g.
-- set_config('mycity.tenant', 'north', true)); the read-only role of the geo-service and the role of the operators' API
-- then see and change that council's rows only, and nothing when no council is named. The account that owns the
-- tables (migrations, the stream jobs, storage maintenance: work for every council) is not subject to the policies.
-- account and account_session are not: a login finds an account by its name, which is unique on the platform; the
-- operators' API keeps to the account's council in every query it makes of them.

CREATE FUNCTION mycity_council() RETURNS text
    LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('mycity.tenant', true), '') $$;

-- Also called by storage maintenance on each new partition of reading.
CREATE FUNCTION mycity_keep_councils_apart(target regclass) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
    EXECUTE format('DROP POLICY IF EXISTS council_only ON %s', target);
    EXECUTE format('CREATE POLICY council_only ON %s USING (tenant_id = mycity_council())'
                   ' WITH CHECK (tenant_id = mycity_council())', target);
END
$$;

DO $$
DECLARE
    t record;
BEGIN
    FOR t IN
        SELECT c.oid::regclass AS name
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> 'account'
    LOOP
        PERFORM mycity_keep_councils_apart(t.name);
    END LOOP;
END
$$;

ALTER TABLE tenant ENABLE ROW LEVEL SECURITY;
CREATE POLICY council_only ON tenant USING (id = mycity_council()) WITH CHECK (id = mycity_council());

-- A refused message has no council of its own: it is the council's when one of its refusals is.
ALTER TABLE refused_message ENABLE ROW LEVEL SECURITY;
CREATE POLICY council_only ON refused_message
    USING (EXISTS (SELECT 1 FROM refusal r WHERE r.digest = refused_message.digest AND r.tenant_id = mycity_council()));

-- The operators' API changes credentials under its own role: the generation counter is bumped as its owner.
ALTER FUNCTION bump_credential_generation() SECURITY DEFINER;
