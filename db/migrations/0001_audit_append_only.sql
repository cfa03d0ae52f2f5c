-- The audit log is append-only: a hand-made change has to disable this trigger first, and the hash chain
-- (npm run cli -- audit verify) still shows the first entry that no longer matches.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
-- Jurisdiction is a region-code prefix; pattern_ops lets LIKE 'prefix%' use the index whatever the collation.
CREATE INDEX agencies_region_prefix ON agencies (region_code varchar_pattern_ops);
--> statement-breakpoint
CREATE INDEX audit_log_region_prefix ON audit_log (region_code varchar_pattern_ops, id);
