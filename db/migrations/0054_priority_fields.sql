ALTER TABLE "subjects" ADD COLUMN "priority_flags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "batches" ADD COLUMN "variety" varchar(60);--> statement-breakpoint
ALTER TABLE "batches" ADD COLUMN "soil_note" varchar(300);--> statement-breakpoint
ALTER TABLE "batches" ADD COLUMN "water_note" varchar(300);--> statement-breakpoint
-- ── registry ── 重点主体 (issue 21 §3) counted like the other breakdowns of registered subjects: one fact per flag,
-- on the day the subject was recorded (so a period's figure is the flagged subjects recorded in it, all time the
-- register's total). The same function as 0041's plus the flags.
CREATE OR REPLACE FUNCTION registry_subject_facts(s subjects)
RETURNS TABLE (measure varchar, dim varchar, region_code varchar, day date, n bigint, qty numeric) LANGUAGE sql STABLE AS $$
  SELECT 'subject'::varchar, s.status::varchar, s.region_code, analytics_china_day(s.created_at), 1::bigint, 0::numeric
  UNION ALL SELECT 'subject_category', s.category::varchar, s.region_code, analytics_china_day(s.created_at), 1, 0 WHERE s.status <> 'temporary'
  UNION ALL SELECT 'subject_form', s.org_form::varchar, s.region_code, analytics_china_day(s.created_at), 1, 0 WHERE s.status <> 'temporary'
  UNION ALL SELECT 'subject_industry', i::varchar, s.region_code, analytics_china_day(s.created_at), 1, 0
    FROM unnest(s.industries) i WHERE s.status <> 'temporary'
  UNION ALL SELECT 'subject_priority', f::varchar, s.region_code, analytics_china_day(s.created_at), 1, 0
    FROM unnest(s.priority_flags) f WHERE s.status <> 'temporary'
$$;
--> statement-breakpoint
DROP TRIGGER subjects_analytics_change ON subjects;
--> statement-breakpoint
CREATE TRIGGER subjects_analytics_change AFTER UPDATE OF status, category, org_form, industries, priority_flags, region_code, created_at ON subjects FOR EACH ROW
  WHEN ((OLD.status, OLD.category, OLD.org_form, OLD.industries, OLD.priority_flags, OLD.region_code, OLD.created_at) IS DISTINCT FROM (NEW.status, NEW.category, NEW.org_form, NEW.industries, NEW.priority_flags, NEW.region_code, NEW.created_at)) EXECUTE FUNCTION subjects_analytics();
--> statement-breakpoint
-- ── trace ── 承诺达标合格证 (issue 21 §4): each register row is one certificate issued, by basis and by issuer role
-- (producer 生产者 / purchaser 收购者), on its China issue day under its batch's region; its copies (`prints`, each
-- print run's copies, DESIGN.md §12: a reprint is a copy of the same record) by basis on the same day (the register
-- keeps a count, not each print's day).
CREATE FUNCTION trace_certificate_facts(c certificates)
RETURNS TABLE (measure varchar, dim varchar, region_code varchar, day date, n bigint, qty numeric) LANGUAGE sql STABLE AS $$
  SELECT 'cert_issued'::varchar, c.basis::varchar, b.region_code, analytics_china_day(c.issued_at), 1::bigint, 0::numeric
    FROM batches b WHERE b.id = c.batch_id
  UNION ALL SELECT 'cert_issuer', c.issuer_role::varchar, b.region_code, analytics_china_day(c.issued_at), 1, 0
    FROM batches b WHERE b.id = c.batch_id
  UNION ALL SELECT 'cert_copies', c.basis::varchar, b.region_code, analytics_china_day(c.issued_at), c.prints::bigint, 0
    FROM batches b WHERE b.id = c.batch_id AND c.prints > 0
$$;
--> statement-breakpoint
CREATE OR REPLACE VIEW trace_analytics_facts AS
  SELECT f.* FROM batches r, LATERAL trace_batch_facts(r) f
  UNION ALL SELECT f.* FROM trades r, LATERAL trace_trade_facts(r) f
  UNION ALL SELECT f.* FROM code_lookups r, LATERAL trace_lookup_facts(r) f
  UNION ALL SELECT f.* FROM certificates r, LATERAL trace_certificate_facts(r) f;
--> statement-breakpoint
CREATE FUNCTION certificates_analytics() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT f.measure, f.dim, f.region_code, f.day, f.n, f.qty FROM trace_certificate_facts(NEW) f;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT f.measure, f.dim, f.region_code, f.day, -f.n, -f.qty FROM trace_certificate_facts(OLD) f;
  ELSE
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT c.measure, c.dim, c.region_code, c.day, sum(c.n), sum(c.qty) FROM (
      SELECT f.measure, f.dim, f.region_code, f.day, f.n, f.qty FROM trace_certificate_facts(NEW) f
      UNION ALL SELECT f.measure, f.dim, f.region_code, f.day, -f.n, -f.qty FROM trace_certificate_facts(OLD) f) c
    GROUP BY 1, 2, 3, 4 HAVING sum(c.n) <> 0 OR sum(c.qty) <> 0;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER certificates_analytics_write AFTER INSERT OR DELETE ON certificates FOR EACH ROW EXECUTE FUNCTION certificates_analytics();
--> statement-breakpoint
CREATE TRIGGER certificates_analytics_change AFTER UPDATE OF basis, issuer_role, batch_id, prints, issued_at ON certificates FOR EACH ROW
  WHEN ((OLD.basis, OLD.issuer_role, OLD.batch_id, OLD.prints, OLD.issued_at) IS DISTINCT FROM (NEW.basis, NEW.issuer_role, NEW.batch_id, NEW.prints, NEW.issued_at)) EXECUTE FUNCTION certificates_analytics();
--> statement-breakpoint
-- The certificates already in the register (0051/0052) are counted once, as deltas.
INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty)
  SELECT f.measure, f.dim, f.region_code, f.day, sum(f.n), sum(f.qty) FROM certificates r, LATERAL trace_certificate_facts(r) f GROUP BY 1, 2, 3, 4;
