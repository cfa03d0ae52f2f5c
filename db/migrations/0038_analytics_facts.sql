-- Statistics rollups (issue 16 §1). Each source domain declares here, in its own section, what it counts: a function
-- from one of its rows to that row's facts (measure, dim, region, China day, n, qty), the view `<domain>_analytics_facts`
-- (its facts over all its rows: what a recount reads) and the triggers that append the difference of every write to
-- analytics_deltas in the writer's own transaction (no lag, no shared counter row to wait on). Analytics reads only
-- the views and its own tables.

-- The China calendar day of an instant (UTC+8, no daylight saving), as platform/china-time.ts counts days.
CREATE FUNCTION analytics_china_day(at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT ((at AT TIME ZONE 'UTC') + interval '8 hours')::date $$;
--> statement-breakpoint
-- The one trigger function every source table uses: TG_ARGV[0] names the table's facts function. An update appends
-- the new row's facts minus the old row's, netted, so a write that changes nothing counted appends nothing.
CREATE FUNCTION analytics_count_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  fn text := TG_ARGV[0];
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty)
      SELECT f.measure, f.dim, f.region_code, f.day, sum(f.n), sum(f.qty) FROM new_rows r, LATERAL %s(r) f
      GROUP BY 1, 2, 3, 4', fn);
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format('INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty)
      SELECT f.measure, f.dim, f.region_code, f.day, -sum(f.n), -sum(f.qty) FROM old_rows r, LATERAL %s(r) f
      GROUP BY 1, 2, 3, 4', fn);
  ELSE
    EXECUTE format('INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty)
      SELECT measure, dim, region_code, day, sum(n), sum(qty) FROM (
        SELECT f.measure, f.dim, f.region_code, f.day, f.n, f.qty FROM new_rows r, LATERAL %1$s(r) f
        UNION ALL
        SELECT f.measure, f.dim, f.region_code, f.day, -f.n, -f.qty FROM old_rows r, LATERAL %1$s(r) f) c
      GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 OR sum(qty) <> 0', fn);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint

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
CREATE TRIGGER subjects_analytics_ins AFTER INSERT ON subjects REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('registry_subject_facts');
--> statement-breakpoint
CREATE TRIGGER subjects_analytics_upd AFTER UPDATE ON subjects REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('registry_subject_facts');
--> statement-breakpoint
CREATE TRIGGER subjects_analytics_del AFTER DELETE ON subjects REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('registry_subject_facts');
--> statement-breakpoint
CREATE TRIGGER subject_applications_analytics_ins AFTER INSERT ON subject_applications REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('registry_application_facts');
--> statement-breakpoint
CREATE TRIGGER subject_applications_analytics_upd AFTER UPDATE ON subject_applications REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('registry_application_facts');
--> statement-breakpoint
CREATE TRIGGER subject_applications_analytics_del AFTER DELETE ON subject_applications REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('registry_application_facts');
--> statement-breakpoint
CREATE TRIGGER subject_change_requests_analytics_ins AFTER INSERT ON subject_change_requests REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('registry_change_request_facts');
--> statement-breakpoint
CREATE TRIGGER subject_change_requests_analytics_upd AFTER UPDATE ON subject_change_requests REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('registry_change_request_facts');
--> statement-breakpoint
CREATE TRIGGER subject_change_requests_analytics_del AFTER DELETE ON subject_change_requests REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('registry_change_request_facts');
--> statement-breakpoint
CREATE TRIGGER subject_certificates_analytics_ins AFTER INSERT ON subject_certificates REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('registry_certificate_facts');
--> statement-breakpoint
CREATE TRIGGER subject_certificates_analytics_upd AFTER UPDATE ON subject_certificates REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('registry_certificate_facts');
--> statement-breakpoint
CREATE TRIGGER subject_certificates_analytics_del AFTER DELETE ON subject_certificates REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('registry_certificate_facts');
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
CREATE TRIGGER batches_analytics_ins AFTER INSERT ON batches REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('trace_batch_facts');
--> statement-breakpoint
CREATE TRIGGER batches_analytics_upd AFTER UPDATE ON batches REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('trace_batch_facts');
--> statement-breakpoint
CREATE TRIGGER batches_analytics_del AFTER DELETE ON batches REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('trace_batch_facts');
--> statement-breakpoint
CREATE TRIGGER trades_analytics_ins AFTER INSERT ON trades REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('trace_trade_facts');
--> statement-breakpoint
CREATE TRIGGER trades_analytics_upd AFTER UPDATE ON trades REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('trace_trade_facts');
--> statement-breakpoint
CREATE TRIGGER trades_analytics_del AFTER DELETE ON trades REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('trace_trade_facts');
--> statement-breakpoint
CREATE TRIGGER code_lookups_analytics_ins AFTER INSERT ON code_lookups REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('trace_lookup_facts');
--> statement-breakpoint
CREATE TRIGGER code_lookups_analytics_upd AFTER UPDATE ON code_lookups REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('trace_lookup_facts');
--> statement-breakpoint
CREATE TRIGGER code_lookups_analytics_del AFTER DELETE ON code_lookups REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('trace_lookup_facts');
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
CREATE TRIGGER inspections_analytics_ins AFTER INSERT ON inspections REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('supervision_inspection_facts');
--> statement-breakpoint
CREATE TRIGGER inspections_analytics_upd AFTER UPDATE ON inspections REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('supervision_inspection_facts');
--> statement-breakpoint
CREATE TRIGGER inspections_analytics_del AFTER DELETE ON inspections REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('supervision_inspection_facts');
--> statement-breakpoint
CREATE TRIGGER supervision_transfers_analytics_ins AFTER INSERT ON supervision_transfers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('supervision_transfer_facts');
--> statement-breakpoint
CREATE TRIGGER supervision_transfers_analytics_upd AFTER UPDATE ON supervision_transfers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('supervision_transfer_facts');
--> statement-breakpoint
CREATE TRIGGER supervision_transfers_analytics_del AFTER DELETE ON supervision_transfers REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('supervision_transfer_facts');
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
CREATE TRIGGER samples_analytics_ins AFTER INSERT ON samples REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('monitoring_sample_facts');
--> statement-breakpoint
CREATE TRIGGER samples_analytics_upd AFTER UPDATE ON samples REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('monitoring_sample_facts');
--> statement-breakpoint
CREATE TRIGGER samples_analytics_del AFTER DELETE ON samples REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('monitoring_sample_facts');
--> statement-breakpoint
CREATE TRIGGER monitoring_alerts_analytics_ins AFTER INSERT ON monitoring_alerts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('monitoring_alert_facts');
--> statement-breakpoint
CREATE TRIGGER monitoring_alerts_analytics_upd AFTER UPDATE ON monitoring_alerts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('monitoring_alert_facts');
--> statement-breakpoint
CREATE TRIGGER monitoring_alerts_analytics_del AFTER DELETE ON monitoring_alerts REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('monitoring_alert_facts');
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
CREATE TRIGGER enforcement_cases_analytics_ins AFTER INSERT ON enforcement_cases REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('enforcement_case_facts');
--> statement-breakpoint
CREATE TRIGGER enforcement_cases_analytics_upd AFTER UPDATE ON enforcement_cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('enforcement_case_facts');
--> statement-breakpoint
CREATE TRIGGER enforcement_cases_analytics_del AFTER DELETE ON enforcement_cases REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_count_changes('enforcement_case_facts');
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
