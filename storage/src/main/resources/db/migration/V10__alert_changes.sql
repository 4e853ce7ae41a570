-- The live feed follows the alerts that changed since its last poll (geo-service's ChangeFeed, every second).
CREATE INDEX IF NOT EXISTS alert_changed ON alert (tenant_id, updated_at, id);
