-- Statistics rollups (issue 16 §1). Each source domain declares here, in its own section, what it counts: a function
-- from one of its rows to that row's facts (measure, dim, region, China day, n, qty), the view `<domain>_analytics_facts`
-- (its facts over all its rows: what a recount reads) and the triggers that append the difference of every write to
-- analytics_deltas in the writer's own transaction (no lag, no shared counter row to wait on). Analytics reads only
-- the views and its own tables.

-- The China calendar day of an instant (UTC+8, no daylight saving), as platform/china-time.ts counts days.
CREATE FUNCTION analytics_china_day(at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT ((at AT TIME ZONE 'UTC') + interval '8 hours')::date $$;
--> statement-breakpoint
-- Each source table's trigger (below, in its domain's section) is a row trigger: an insert appends the row's facts, a
-- delete their negation, an update the new facts minus the old, netted — and fires only when a counted column
-- changed (WHEN), so the many updates that touch nothing counted (a batch's stock on every trade) cost nothing.
-- Static SQL in a function per table keeps its plan cached. Bulk loads switch the triggers off and call
-- rebuildRollups (rollups/fold.ts) instead.
-- ── registry ───────────────────────────────────────────────────────────────────────────────────────────────────
-- 主体: by status (temporary included, as its own status); registered ones also by category, form and industry.
CREATE FUNCTION registry_subject_facts(s subjects)
RETURNS TABLE (measure varchar, dim varchar, region_code varchar, day date, n bigint, qty numeric) LANGUAGE sql STABLE AS $$
  SELECT 'subject'::varchar, s.status::varchar, s.region_code, analytics_china_day(s.created_at), 1::bigint, 0::numeric
  UNION ALL SELECT 'subject_category', s.category::varchar, s.region_code, analytics_china_day(s.created_at), 1, 0 WHERE s.status <> 'temporary'
  UNION ALL SELECT 'subject_form', s.org_form::varchar, s.region_code, analytics_china_day(s.created_at), 1, 0 WHERE s.status <> 'temporary'
  UNION ALL SELECT 'subject_industry', i::varchar, s.region_code, analytics_china_day(s.created_at), 1, 0
    FROM unnest(s.industries) i WHERE s.status <> 'temporary'
$$;
--> statement-breakpoint
CREATE FUNCTION registry_application_facts(a subject_applications)
RETURNS TABLE (measure varchar, dim varchar, region_code varchar, day date, n bigint, qty numeric) LANGUAGE sql STABLE AS $$
  SELECT 'application'::varchar, a.status::varchar, a.region_code, analytics_china_day(a.submitted_at), 1::bigint, 0::numeric
$$;
--> statement-breakpoint
CREATE FUNCTION registry_change_request_facts(c subject_change_requests)
RETURNS TABLE (measure varchar, dim varchar, region_code varchar, day date, n bigint, qty numeric) LANGUAGE sql STABLE AS $$
  SELECT 'change_request'::varchar, c.status::varchar, c.region_code, analytics_china_day(c.created_at), 1::bigint, 0::numeric
$$;
--> statement-breakpoint
-- 三品一标 certificates in force, by kind, filed under their subject's region.
CREATE FUNCTION registry_certificate_facts(c subject_certificates)
RETURNS TABLE (measure varchar, dim varchar, region_code varchar, day date, n bigint, qty numeric) LANGUAGE sql STABLE AS $$
  SELECT 'certificate'::varchar, c.kind::varchar, s.region_code, analytics_china_day(c.created_at), 1::bigint, 0::numeric
    FROM subjects s WHERE s.id = c.subject_id AND c.status <> 'withdrawn'
$$;
--> statement-breakpoint
CREATE VIEW registry_analytics_facts AS
  SELECT f.* FROM subjects r, LATERAL registry_subject_facts(r) f
  UNION ALL SELECT f.* FROM subject_applications r, LATERAL registry_application_facts(r) f
  UNION ALL SELECT f.* FROM subject_change_requests r, LATERAL registry_change_request_facts(r) f
  UNION ALL SELECT f.* FROM subject_certificates r, LATERAL registry_certificate_facts(r) f;
--> statement-breakpoint
CREATE FUNCTION subjects_analytics() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT f.measure, f.dim, f.region_code, f.day, f.n, f.qty FROM registry_subject_facts(NEW) f;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT f.measure, f.dim, f.region_code, f.day, -f.n, -f.qty FROM registry_subject_facts(OLD) f;
  ELSE
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT c.measure, c.dim, c.region_code, c.day, sum(c.n), sum(c.qty) FROM (
      SELECT f.measure, f.dim, f.region_code, f.day, f.n, f.qty FROM registry_subject_facts(NEW) f
      UNION ALL SELECT f.measure, f.dim, f.region_code, f.day, -f.n, -f.qty FROM registry_subject_facts(OLD) f) c
    GROUP BY 1, 2, 3, 4 HAVING sum(c.n) <> 0 OR sum(c.qty) <> 0;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER subjects_analytics_write AFTER INSERT OR DELETE ON subjects FOR EACH ROW EXECUTE FUNCTION subjects_analytics();
--> statement-breakpoint
CREATE TRIGGER subjects_analytics_change AFTER UPDATE OF status, category, org_form, industries, region_code, created_at ON subjects FOR EACH ROW
  WHEN ((OLD.status, OLD.category, OLD.org_form, OLD.industries, OLD.region_code, OLD.created_at) IS DISTINCT FROM (NEW.status, NEW.category, NEW.org_form, NEW.industries, NEW.region_code, NEW.created_at)) EXECUTE FUNCTION subjects_analytics();
--> statement-breakpoint
CREATE FUNCTION subject_applications_analytics() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT f.measure, f.dim, f.region_code, f.day, f.n, f.qty FROM registry_application_facts(NEW) f;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT f.measure, f.dim, f.region_code, f.day, -f.n, -f.qty FROM registry_application_facts(OLD) f;
  ELSE
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT c.measure, c.dim, c.region_code, c.day, sum(c.n), sum(c.qty) FROM (
      SELECT f.measure, f.dim, f.region_code, f.day, f.n, f.qty FROM registry_application_facts(NEW) f
      UNION ALL SELECT f.measure, f.dim, f.region_code, f.day, -f.n, -f.qty FROM registry_application_facts(OLD) f) c
    GROUP BY 1, 2, 3, 4 HAVING sum(c.n) <> 0 OR sum(c.qty) <> 0;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER subject_applications_analytics_write AFTER INSERT OR DELETE ON subject_applications FOR EACH ROW EXECUTE FUNCTION subject_applications_analytics();
--> statement-breakpoint
CREATE TRIGGER subject_applications_analytics_change AFTER UPDATE OF status, region_code, submitted_at ON subject_applications FOR EACH ROW
  WHEN ((OLD.status, OLD.region_code, OLD.submitted_at) IS DISTINCT FROM (NEW.status, NEW.region_code, NEW.submitted_at)) EXECUTE FUNCTION subject_applications_analytics();
--> statement-breakpoint
CREATE FUNCTION subject_change_requests_analytics() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT f.measure, f.dim, f.region_code, f.day, f.n, f.qty FROM registry_change_request_facts(NEW) f;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT f.measure, f.dim, f.region_code, f.day, -f.n, -f.qty FROM registry_change_request_facts(OLD) f;
  ELSE
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT c.measure, c.dim, c.region_code, c.day, sum(c.n), sum(c.qty) FROM (
      SELECT f.measure, f.dim, f.region_code, f.day, f.n, f.qty FROM registry_change_request_facts(NEW) f
      UNION ALL SELECT f.measure, f.dim, f.region_code, f.day, -f.n, -f.qty FROM registry_change_request_facts(OLD) f) c
    GROUP BY 1, 2, 3, 4 HAVING sum(c.n) <> 0 OR sum(c.qty) <> 0;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER subject_change_requests_analytics_write AFTER INSERT OR DELETE ON subject_change_requests FOR EACH ROW EXECUTE FUNCTION subject_change_requests_analytics();
--> statement-breakpoint
CREATE TRIGGER subject_change_requests_analytics_change AFTER UPDATE OF status, region_code, created_at ON subject_change_requests FOR EACH ROW
  WHEN ((OLD.status, OLD.region_code, OLD.created_at) IS DISTINCT FROM (NEW.status, NEW.region_code, NEW.created_at)) EXECUTE FUNCTION subject_change_requests_analytics();
--> statement-breakpoint
CREATE FUNCTION subject_certificates_analytics() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT f.measure, f.dim, f.region_code, f.day, f.n, f.qty FROM registry_certificate_facts(NEW) f;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT f.measure, f.dim, f.region_code, f.day, -f.n, -f.qty FROM registry_certificate_facts(OLD) f;
  ELSE
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT c.measure, c.dim, c.region_code, c.day, sum(c.n), sum(c.qty) FROM (
      SELECT f.measure, f.dim, f.region_code, f.day, f.n, f.qty FROM registry_certificate_facts(NEW) f
      UNION ALL SELECT f.measure, f.dim, f.region_code, f.day, -f.n, -f.qty FROM registry_certificate_facts(OLD) f) c
    GROUP BY 1, 2, 3, 4 HAVING sum(c.n) <> 0 OR sum(c.qty) <> 0;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER subject_certificates_analytics_write AFTER INSERT OR DELETE ON subject_certificates FOR EACH ROW EXECUTE FUNCTION subject_certificates_analytics();
--> statement-breakpoint
CREATE TRIGGER subject_certificates_analytics_change AFTER UPDATE OF status, kind, subject_id, created_at ON subject_certificates FOR EACH ROW
  WHEN ((OLD.status, OLD.kind, OLD.subject_id, OLD.created_at) IS DISTINCT FROM (NEW.status, NEW.kind, NEW.subject_id, NEW.created_at)) EXECUTE FUNCTION subject_certificates_analytics();
--> statement-breakpoint

-- ── trace ──────────────────────────────────────────────────────────────────────────────────────────────────────
-- 批次 (voided ones not counted): by source and product class (2-digit), quantity produced (自产) by unit.
CREATE FUNCTION trace_batch_facts(b batches)
RETURNS TABLE (measure varchar, dim varchar, region_code varchar, day date, n bigint, qty numeric) LANGUAGE sql STABLE AS $$
  SELECT 'batch'::varchar, b.source::varchar, b.region_code, analytics_china_day(b.created_at), 1::bigint, b.quantity::numeric WHERE b.status <> 'voided'
  UNION ALL SELECT 'batch_class', left(p.class_code, 2)::varchar, b.region_code, analytics_china_day(b.created_at), 1, b.quantity
    FROM products p WHERE p.id = b.product_id AND b.status <> 'voided'
  UNION ALL SELECT 'produced', b.unit, b.region_code, analytics_china_day(b.created_at), 1, b.quantity WHERE b.source = 'own' AND b.status <> 'voided'
$$;
--> statement-breakpoint
-- 交易, filed under the seller's batch region: by kind (scan 扫码, manual 手工, market 入市 with its voucher) and
-- status; quantity traded (confirmed) by unit.
CREATE FUNCTION trace_trade_facts(t trades)
RETURNS TABLE (measure varchar, dim varchar, region_code varchar, day date, n bigint, qty numeric) LANGUAGE sql STABLE AS $$
  SELECT 'trade'::varchar, (t.kind || ':' || t.status)::varchar, b.region_code, analytics_china_day(t.created_at), 1::bigint, t.quantity::numeric
    FROM batches b WHERE b.id = t.batch_id
  UNION ALL SELECT 'traded', t.unit, b.region_code, analytics_china_day(t.created_at), 1, t.quantity
    FROM batches b WHERE b.id = t.batch_id AND t.status = 'confirmed'
$$;
--> statement-breakpoint
-- 消费查询: a code's public look-ups, counted on the day it was first looked up (code_lookups keeps a count per code,
-- not each look-up's day), filed under the code's county.
CREATE FUNCTION trace_lookup_facts(l code_lookups)
RETURNS TABLE (measure varchar, dim varchar, region_code varchar, day date, n bigint, qty numeric) LANGUAGE sql STABLE AS $$
  SELECT 'lookup'::varchar, left(l.code, 1)::varchar, substr(l.code, 2, 6)::varchar, analytics_china_day(l.first_at), l.count::bigint, 0::numeric
$$;
--> statement-breakpoint
CREATE VIEW trace_analytics_facts AS
  SELECT f.* FROM batches r, LATERAL trace_batch_facts(r) f
  UNION ALL SELECT f.* FROM trades r, LATERAL trace_trade_facts(r) f
  UNION ALL SELECT f.* FROM code_lookups r, LATERAL trace_lookup_facts(r) f;
--> statement-breakpoint
CREATE FUNCTION batches_analytics() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT f.measure, f.dim, f.region_code, f.day, f.n, f.qty FROM trace_batch_facts(NEW) f;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT f.measure, f.dim, f.region_code, f.day, -f.n, -f.qty FROM trace_batch_facts(OLD) f;
  ELSE
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT c.measure, c.dim, c.region_code, c.day, sum(c.n), sum(c.qty) FROM (
      SELECT f.measure, f.dim, f.region_code, f.day, f.n, f.qty FROM trace_batch_facts(NEW) f
      UNION ALL SELECT f.measure, f.dim, f.region_code, f.day, -f.n, -f.qty FROM trace_batch_facts(OLD) f) c
    GROUP BY 1, 2, 3, 4 HAVING sum(c.n) <> 0 OR sum(c.qty) <> 0;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER batches_analytics_write AFTER INSERT OR DELETE ON batches FOR EACH ROW EXECUTE FUNCTION batches_analytics();
--> statement-breakpoint
CREATE TRIGGER batches_analytics_change AFTER UPDATE OF status, source, quantity, unit, product_id, region_code, created_at ON batches FOR EACH ROW
  WHEN ((OLD.status, OLD.source, OLD.quantity, OLD.unit, OLD.product_id, OLD.region_code, OLD.created_at) IS DISTINCT FROM (NEW.status, NEW.source, NEW.quantity, NEW.unit, NEW.product_id, NEW.region_code, NEW.created_at)) EXECUTE FUNCTION batches_analytics();
--> statement-breakpoint
CREATE FUNCTION trades_analytics() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT f.measure, f.dim, f.region_code, f.day, f.n, f.qty FROM trace_trade_facts(NEW) f;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT f.measure, f.dim, f.region_code, f.day, -f.n, -f.qty FROM trace_trade_facts(OLD) f;
  ELSE
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT c.measure, c.dim, c.region_code, c.day, sum(c.n), sum(c.qty) FROM (
      SELECT f.measure, f.dim, f.region_code, f.day, f.n, f.qty FROM trace_trade_facts(NEW) f
      UNION ALL SELECT f.measure, f.dim, f.region_code, f.day, -f.n, -f.qty FROM trace_trade_facts(OLD) f) c
    GROUP BY 1, 2, 3, 4 HAVING sum(c.n) <> 0 OR sum(c.qty) <> 0;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER trades_analytics_write AFTER INSERT OR DELETE ON trades FOR EACH ROW EXECUTE FUNCTION trades_analytics();
--> statement-breakpoint
CREATE TRIGGER trades_analytics_change AFTER UPDATE OF status, kind, quantity, unit, batch_id, created_at ON trades FOR EACH ROW
  WHEN ((OLD.status, OLD.kind, OLD.quantity, OLD.unit, OLD.batch_id, OLD.created_at) IS DISTINCT FROM (NEW.status, NEW.kind, NEW.quantity, NEW.unit, NEW.batch_id, NEW.created_at)) EXECUTE FUNCTION trades_analytics();
--> statement-breakpoint
CREATE FUNCTION code_lookups_analytics() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT f.measure, f.dim, f.region_code, f.day, f.n, f.qty FROM trace_lookup_facts(NEW) f;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT f.measure, f.dim, f.region_code, f.day, -f.n, -f.qty FROM trace_lookup_facts(OLD) f;
  ELSE
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT c.measure, c.dim, c.region_code, c.day, sum(c.n), sum(c.qty) FROM (
      SELECT f.measure, f.dim, f.region_code, f.day, f.n, f.qty FROM trace_lookup_facts(NEW) f
      UNION ALL SELECT f.measure, f.dim, f.region_code, f.day, -f.n, -f.qty FROM trace_lookup_facts(OLD) f) c
    GROUP BY 1, 2, 3, 4 HAVING sum(c.n) <> 0 OR sum(c.qty) <> 0;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER code_lookups_analytics_write AFTER INSERT OR DELETE ON code_lookups FOR EACH ROW EXECUTE FUNCTION code_lookups_analytics();
--> statement-breakpoint
CREATE TRIGGER code_lookups_analytics_change AFTER UPDATE OF count, first_at, code ON code_lookups FOR EACH ROW
  WHEN ((OLD.count, OLD.first_at, OLD.code) IS DISTINCT FROM (NEW.count, NEW.first_at, NEW.code)) EXECUTE FUNCTION code_lookups_analytics();
--> statement-breakpoint

-- ── supervision ────────────────────────────────────────────────────────────────────────────────────────────────
-- 巡查 by conclusion on the day inspected; 整改 by state (pending, overdue, done) on the day it is due.
CREATE FUNCTION supervision_inspection_facts(i inspections)
RETURNS TABLE (measure varchar, dim varchar, region_code varchar, day date, n bigint, qty numeric) LANGUAGE sql STABLE AS $$
  SELECT 'inspection'::varchar, i.conclusion::varchar, i.region_code, analytics_china_day(i.inspected_at), 1::bigint, 0::numeric
  UNION ALL SELECT 'rectification', i.rectification, i.region_code, coalesce(i.rectify_by, analytics_china_day(i.inspected_at)), 1, 0
    WHERE i.rectification <> 'none'
$$;
--> statement-breakpoint
CREATE FUNCTION supervision_transfer_facts(t supervision_transfers)
RETURNS TABLE (measure varchar, dim varchar, region_code varchar, day date, n bigint, qty numeric) LANGUAGE sql STABLE AS $$
  SELECT 'transfer'::varchar, t.status::varchar, t.region_code, analytics_china_day(t.created_at), 1::bigint, 0::numeric
$$;
--> statement-breakpoint
CREATE VIEW supervision_analytics_facts AS
  SELECT f.* FROM inspections r, LATERAL supervision_inspection_facts(r) f
  UNION ALL SELECT f.* FROM supervision_transfers r, LATERAL supervision_transfer_facts(r) f;
--> statement-breakpoint
CREATE FUNCTION inspections_analytics() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT f.measure, f.dim, f.region_code, f.day, f.n, f.qty FROM supervision_inspection_facts(NEW) f;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT f.measure, f.dim, f.region_code, f.day, -f.n, -f.qty FROM supervision_inspection_facts(OLD) f;
  ELSE
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT c.measure, c.dim, c.region_code, c.day, sum(c.n), sum(c.qty) FROM (
      SELECT f.measure, f.dim, f.region_code, f.day, f.n, f.qty FROM supervision_inspection_facts(NEW) f
      UNION ALL SELECT f.measure, f.dim, f.region_code, f.day, -f.n, -f.qty FROM supervision_inspection_facts(OLD) f) c
    GROUP BY 1, 2, 3, 4 HAVING sum(c.n) <> 0 OR sum(c.qty) <> 0;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER inspections_analytics_write AFTER INSERT OR DELETE ON inspections FOR EACH ROW EXECUTE FUNCTION inspections_analytics();
--> statement-breakpoint
CREATE TRIGGER inspections_analytics_change AFTER UPDATE OF conclusion, rectification, rectify_by, region_code, inspected_at ON inspections FOR EACH ROW
  WHEN ((OLD.conclusion, OLD.rectification, OLD.rectify_by, OLD.region_code, OLD.inspected_at) IS DISTINCT FROM (NEW.conclusion, NEW.rectification, NEW.rectify_by, NEW.region_code, NEW.inspected_at)) EXECUTE FUNCTION inspections_analytics();
--> statement-breakpoint
CREATE FUNCTION supervision_transfers_analytics() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT f.measure, f.dim, f.region_code, f.day, f.n, f.qty FROM supervision_transfer_facts(NEW) f;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT f.measure, f.dim, f.region_code, f.day, -f.n, -f.qty FROM supervision_transfer_facts(OLD) f;
  ELSE
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT c.measure, c.dim, c.region_code, c.day, sum(c.n), sum(c.qty) FROM (
      SELECT f.measure, f.dim, f.region_code, f.day, f.n, f.qty FROM supervision_transfer_facts(NEW) f
      UNION ALL SELECT f.measure, f.dim, f.region_code, f.day, -f.n, -f.qty FROM supervision_transfer_facts(OLD) f) c
    GROUP BY 1, 2, 3, 4 HAVING sum(c.n) <> 0 OR sum(c.qty) <> 0;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER supervision_transfers_analytics_write AFTER INSERT OR DELETE ON supervision_transfers FOR EACH ROW EXECUTE FUNCTION supervision_transfers_analytics();
--> statement-breakpoint
CREATE TRIGGER supervision_transfers_analytics_change AFTER UPDATE OF status, region_code, created_at ON supervision_transfers FOR EACH ROW
  WHEN ((OLD.status, OLD.region_code, OLD.created_at) IS DISTINCT FROM (NEW.status, NEW.region_code, NEW.created_at)) EXECUTE FUNCTION supervision_transfers_analytics();
--> statement-breakpoint

-- ── monitoring ─────────────────────────────────────────────────────────────────────────────────────────────────
-- 抽样 by status on the day sampled; judged ones by product class and verdict (合格率 by class; by county through
-- the region tree); 预警 by read or not, filed under the alerted agency's region.
CREATE FUNCTION monitoring_sample_facts(s samples)
RETURNS TABLE (measure varchar, dim varchar, region_code varchar, day date, n bigint, qty numeric) LANGUAGE sql STABLE AS $$
  SELECT 'sample'::varchar, s.status::varchar, s.region_code, analytics_china_day(s.sampled_at), 1::bigint, 0::numeric
  UNION ALL SELECT 'sample_verdict', (left(s.class_code, 2) || ':' || s.verdict)::varchar, s.region_code, analytics_china_day(s.sampled_at), 1, 0
    WHERE s.verdict IS NOT NULL
$$;
--> statement-breakpoint
CREATE FUNCTION monitoring_alert_facts(a monitoring_alerts)
RETURNS TABLE (measure varchar, dim varchar, region_code varchar, day date, n bigint, qty numeric) LANGUAGE sql STABLE AS $$
  SELECT 'alert'::varchar, (CASE WHEN a.read_at IS NULL THEN 'unread' ELSE 'read' END)::varchar, a.agency_region, analytics_china_day(a.created_at), 1::bigint, 0::numeric
$$;
--> statement-breakpoint
CREATE VIEW monitoring_analytics_facts AS
  SELECT f.* FROM samples r, LATERAL monitoring_sample_facts(r) f
  UNION ALL SELECT f.* FROM monitoring_alerts r, LATERAL monitoring_alert_facts(r) f;
--> statement-breakpoint
CREATE FUNCTION samples_analytics() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT f.measure, f.dim, f.region_code, f.day, f.n, f.qty FROM monitoring_sample_facts(NEW) f;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT f.measure, f.dim, f.region_code, f.day, -f.n, -f.qty FROM monitoring_sample_facts(OLD) f;
  ELSE
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT c.measure, c.dim, c.region_code, c.day, sum(c.n), sum(c.qty) FROM (
      SELECT f.measure, f.dim, f.region_code, f.day, f.n, f.qty FROM monitoring_sample_facts(NEW) f
      UNION ALL SELECT f.measure, f.dim, f.region_code, f.day, -f.n, -f.qty FROM monitoring_sample_facts(OLD) f) c
    GROUP BY 1, 2, 3, 4 HAVING sum(c.n) <> 0 OR sum(c.qty) <> 0;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER samples_analytics_write AFTER INSERT OR DELETE ON samples FOR EACH ROW EXECUTE FUNCTION samples_analytics();
--> statement-breakpoint
CREATE TRIGGER samples_analytics_change AFTER UPDATE OF status, verdict, class_code, region_code, sampled_at ON samples FOR EACH ROW
  WHEN ((OLD.status, OLD.verdict, OLD.class_code, OLD.region_code, OLD.sampled_at) IS DISTINCT FROM (NEW.status, NEW.verdict, NEW.class_code, NEW.region_code, NEW.sampled_at)) EXECUTE FUNCTION samples_analytics();
--> statement-breakpoint
CREATE FUNCTION monitoring_alerts_analytics() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT f.measure, f.dim, f.region_code, f.day, f.n, f.qty FROM monitoring_alert_facts(NEW) f;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT f.measure, f.dim, f.region_code, f.day, -f.n, -f.qty FROM monitoring_alert_facts(OLD) f;
  ELSE
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT c.measure, c.dim, c.region_code, c.day, sum(c.n), sum(c.qty) FROM (
      SELECT f.measure, f.dim, f.region_code, f.day, f.n, f.qty FROM monitoring_alert_facts(NEW) f
      UNION ALL SELECT f.measure, f.dim, f.region_code, f.day, -f.n, -f.qty FROM monitoring_alert_facts(OLD) f) c
    GROUP BY 1, 2, 3, 4 HAVING sum(c.n) <> 0 OR sum(c.qty) <> 0;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER monitoring_alerts_analytics_write AFTER INSERT OR DELETE ON monitoring_alerts FOR EACH ROW EXECUTE FUNCTION monitoring_alerts_analytics();
--> statement-breakpoint
CREATE TRIGGER monitoring_alerts_analytics_change AFTER UPDATE OF read_at, agency_region, created_at ON monitoring_alerts FOR EACH ROW
  WHEN ((OLD.read_at, OLD.agency_region, OLD.created_at) IS DISTINCT FROM (NEW.read_at, NEW.agency_region, NEW.created_at)) EXECUTE FUNCTION monitoring_alerts_analytics();
--> statement-breakpoint

-- ── enforcement ────────────────────────────────────────────────────────────────────────────────────────────────
-- 案件 by stage and by source on the day filed; 处罚 by kind with the amount.
CREATE FUNCTION enforcement_case_facts(c enforcement_cases)
RETURNS TABLE (measure varchar, dim varchar, region_code varchar, day date, n bigint, qty numeric) LANGUAGE sql STABLE AS $$
  SELECT 'case'::varchar, c.stage::varchar, c.region_code, analytics_china_day(c.created_at), 1::bigint, 0::numeric
  UNION ALL SELECT 'case_source', c.source, c.region_code, analytics_china_day(c.created_at), 1, 0
  UNION ALL SELECT 'penalty', c.penalty_kind, c.region_code, analytics_china_day(c.created_at), 1, coalesce(c.penalty_amount, 0)
    WHERE c.penalty_kind IS NOT NULL AND c.penalty_kind <> 'none'
$$;
--> statement-breakpoint
CREATE VIEW enforcement_analytics_facts AS SELECT f.* FROM enforcement_cases r, LATERAL enforcement_case_facts(r) f;
--> statement-breakpoint
CREATE FUNCTION enforcement_cases_analytics() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT f.measure, f.dim, f.region_code, f.day, f.n, f.qty FROM enforcement_case_facts(NEW) f;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT f.measure, f.dim, f.region_code, f.day, -f.n, -f.qty FROM enforcement_case_facts(OLD) f;
  ELSE
    INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty) SELECT c.measure, c.dim, c.region_code, c.day, sum(c.n), sum(c.qty) FROM (
      SELECT f.measure, f.dim, f.region_code, f.day, f.n, f.qty FROM enforcement_case_facts(NEW) f
      UNION ALL SELECT f.measure, f.dim, f.region_code, f.day, -f.n, -f.qty FROM enforcement_case_facts(OLD) f) c
    GROUP BY 1, 2, 3, 4 HAVING sum(c.n) <> 0 OR sum(c.qty) <> 0;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER enforcement_cases_analytics_write AFTER INSERT OR DELETE ON enforcement_cases FOR EACH ROW EXECUTE FUNCTION enforcement_cases_analytics();
--> statement-breakpoint
CREATE TRIGGER enforcement_cases_analytics_change AFTER UPDATE OF stage, source, penalty_kind, penalty_amount, region_code, created_at ON enforcement_cases FOR EACH ROW
  WHEN ((OLD.stage, OLD.source, OLD.penalty_kind, OLD.penalty_amount, OLD.region_code, OLD.created_at) IS DISTINCT FROM (NEW.stage, NEW.source, NEW.penalty_kind, NEW.penalty_amount, NEW.region_code, NEW.created_at)) EXECUTE FUNCTION enforcement_cases_analytics();
--> statement-breakpoint

-- ── analytics ──────────────────────────────────────────────────────────────────────────────────────────────────
-- Every domain's facts, for a recount (the rollup test and the dashboards bench's GROUP BY baseline).
CREATE VIEW analytics_source_facts AS
  SELECT * FROM registry_analytics_facts UNION ALL SELECT * FROM trace_analytics_facts
  UNION ALL SELECT * FROM supervision_analytics_facts UNION ALL SELECT * FROM monitoring_analytics_facts
  UNION ALL SELECT * FROM enforcement_analytics_facts;
--> statement-breakpoint
-- Rows already in the database when this migration runs are counted once, as deltas.
INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty)
  SELECT measure, dim, region_code, day, sum(n), sum(qty) FROM analytics_source_facts GROUP BY 1, 2, 3, 4;
