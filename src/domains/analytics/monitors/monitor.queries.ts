import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';
import { regionRange } from '../../../platform/auth/visibility.js';
import { todayInChina } from '../../../platform/china-time.js';
import type { MonthRange } from './period.js';

// The five monitors' figures, per region one level below the viewer's jurisdiction, read only through the views the
// owning domains declare (registry_subject_facts, trace_*_facts, supervision_*_facts, monitoring_sample_facts,
// enforcement_case_*_facts): analytics never names another domain's table. Every count is `::int`, so both drivers
// answer numbers.

const within = (column: string, prefix: string): SQL => regionRange(sql.raw(column), prefix);
const child = (column: string, len: number): SQL => sql.raw(`substr(${column}, 1, ${len})`);

/** Registered producers (approved: active or suspended) of a jurisdiction, each with its row's region. */
const registered = (prefix: string, len: number) =>
  sql`SELECT id, ${child('region_code', len)} AS child FROM registry_subject_facts WHERE status IN ('active', 'suspended') AND ${within('region_code', prefix)}`;

/** Subjects that recorded a batch or sold since `since` (the activity the 主体注册 monitor counts). */
const activeSince = (since: Date, until: Date | null) =>
  sql`SELECT subject_id FROM trace_batch_facts WHERE created_at >= ${since} ${until ? sql`AND created_at < ${until}` : sql``} AND subject_id IS NOT NULL
      UNION SELECT seller_subject_id FROM trace_trade_facts WHERE created_at >= ${since} ${until ? sql`AND created_at < ${until}` : sql``}`;

export type RegistrationRow = { region: string; registered: number; active: number };

/** Registered and active producers per region; active: a batch or a sale in [since, until) (until null: up to now). */
export async function registrationFigures(db: Executor, prefix: string, len: number, since: Date, until: Date | null = null): Promise<RegistrationRow[]> {
  return queryRows<RegistrationRow>(
    db,
    sql`WITH s AS (${registered(prefix, len)}), a AS (${activeSince(since, until)})
        SELECT s.child AS region, count(*)::int AS registered, count(a.subject_id)::int AS active
        FROM s LEFT JOIN a ON a.subject_id = s.id GROUP BY s.child ORDER BY s.child`,
  );
}

export type InactiveRow = { subjectId: string; name: string; regionCode: string; registeredAt: Date | string | null; lastActivityAt: Date | string | null };

/** Registered producers with no batch and no sale since `since`, by id after the cursor; the last activity beside each. */
export async function inactiveProducers(db: Executor, prefix: string, since: Date, after: string | undefined, limit: number): Promise<InactiveRow[]> {
  return queryRows<InactiveRow>(
    db,
    sql`SELECT s.id AS "subjectId", n.name, s.region_code AS "regionCode", s.registered_at AS "registeredAt",
          greatest((SELECT max(created_at) FROM trace_batch_facts b WHERE b.subject_id = s.id),
                   (SELECT max(created_at) FROM trace_trade_facts t WHERE t.seller_subject_id = s.id)) AS "lastActivityAt"
        FROM registry_subject_facts s JOIN registry_subject_names n ON n.id = s.id
        WHERE ${inactiveWhere(prefix, since)} ${after ? sql`AND s.id > ${after}` : sql``}
        ORDER BY s.id LIMIT ${limit}`,
  );
}

/** The rows inactiveProducers pages through (same join and filter), for their total. */
export const inactiveProducerIds = (prefix: string, since: Date): SQL =>
  sql`SELECT s.id FROM registry_subject_facts s JOIN registry_subject_names n ON n.id = s.id WHERE ${inactiveWhere(prefix, since)}`;

const inactiveWhere = (prefix: string, since: Date): SQL =>
  sql`s.status IN ('active', 'suspended') AND ${within('s.region_code', prefix)}
      AND NOT EXISTS (SELECT 1 FROM trace_batch_facts b WHERE b.subject_id = s.id AND b.created_at >= ${since})
      AND NOT EXISTS (SELECT 1 FROM trace_trade_facts t WHERE t.seller_subject_id = s.id AND t.created_at >= ${since})`;

export type TraceRow = {
  region: string;
  registered: number;
  recording: number;
  scanning: number;
  vouchering: number;
  scanConfirmed: number;
  manual: number;
  market: number;
  codesIssued: number;
  codesLookedUp: number;
  lookups: number;
};

/** 产品追溯 for a month: producers recording batches, selling by scan, issuing vouchers; scan vs hand; codes vs look-ups. */
export async function traceFigures(db: Executor, prefix: string, len: number, m: MonthRange): Promise<TraceRow[]> {
  return queryRows<TraceRow>(
    db,
    sql`WITH s AS (${registered(prefix, len)}),
        b AS (SELECT DISTINCT subject_id FROM trace_batch_facts WHERE created_at >= ${m.from} AND created_at < ${m.to}),
        t AS (
          SELECT seller_subject_id AS sid, count(*) FILTER (WHERE kind = 'scan') AS scans,
            count(*) FILTER (WHERE kind = 'scan' AND status = 'confirmed') AS scan_confirmed,
            count(*) FILTER (WHERE kind = 'manual') AS manual, count(*) FILTER (WHERE kind = 'market') AS market
          FROM trace_trade_facts WHERE created_at >= ${m.from} AND created_at < ${m.to} GROUP BY 1),
        c AS (
          SELECT subject_id AS sid, count(*) AS codes, count(*) FILTER (WHERE lookups > 0) AS looked_up, sum(lookups) AS lookups
          FROM trace_code_facts WHERE issued_at >= ${m.from} AND issued_at < ${m.to} AND subject_id IS NOT NULL GROUP BY 1)
        SELECT s.child AS region, count(*)::int AS registered, count(b.subject_id)::int AS recording,
          count(*) FILTER (WHERE t.scans > 0)::int AS scanning, count(*) FILTER (WHERE t.market > 0)::int AS vouchering,
          coalesce(sum(t.scan_confirmed), 0)::int AS "scanConfirmed", coalesce(sum(t.manual), 0)::int AS manual, coalesce(sum(t.market), 0)::int AS market,
          coalesce(sum(c.codes), 0)::int AS "codesIssued", coalesce(sum(c.looked_up), 0)::int AS "codesLookedUp", coalesce(sum(c.lookups), 0)::int AS lookups
        FROM s LEFT JOIN b ON b.subject_id = s.id LEFT JOIN t ON t.sid = s.id LEFT JOIN c ON c.sid = s.id
        GROUP BY s.child ORDER BY s.child`,
  );
}

export type SupervisionRow = { region: string; inspections: number; problems: number; quota: number; done: number; overdueTasks: number; rectifyPending: number; rectifyOverdue: number; rectifyDone: number };

/** 日常监管 for a month: inspections against the base-inspection tasks' targets, overdue tasks, rectification follow-up. */
export async function supervisionFigures(db: Executor, prefix: string, len: number, m: MonthRange): Promise<SupervisionRow[]> {
  return queryRows<SupervisionRow>(
    db,
    sql`WITH i AS (
          SELECT ${child('region_code', len)} AS region, count(*) FILTER (WHERE inspected_at >= ${m.from} AND inspected_at < ${m.to}) AS inspections,
            count(*) FILTER (WHERE inspected_at >= ${m.from} AND inspected_at < ${m.to} AND conclusion = 'problem') AS problems,
            count(*) FILTER (WHERE rectification = 'pending') AS pending, count(*) FILTER (WHERE rectification = 'overdue') AS overdue,
            count(*) FILTER (WHERE rectification = 'done' AND rectify_by >= ${m.firstDay}::date AND rectify_by <= ${m.lastDay}::date) AS done
          FROM supervision_inspection_facts WHERE ${within('region_code', prefix)} GROUP BY 1),
        r AS (
          SELECT ${child('agency_region', len)} AS region,
            coalesce(sum(quota) FILTER (WHERE kind = 'base_inspection' AND starts_on <= ${m.lastDay}::date AND (due_on IS NULL OR due_on >= ${m.firstDay}::date)), 0) AS quota,
            coalesce(sum(done) FILTER (WHERE kind = 'base_inspection' AND starts_on <= ${m.lastDay}::date AND (due_on IS NULL OR due_on >= ${m.firstDay}::date)), 0) AS done,
            count(*) FILTER (WHERE status = 'overdue') AS overdue
          FROM supervision_task_recipient_facts WHERE ${within('agency_region', prefix)} AND length(agency_region) >= ${len} GROUP BY 1)
        SELECT coalesce(i.region, r.region) AS region, coalesce(i.inspections, 0)::int AS inspections, coalesce(i.problems, 0)::int AS problems,
          coalesce(r.quota, 0)::int AS quota, coalesce(r.done, 0)::int AS done, coalesce(r.overdue, 0)::int AS "overdueTasks",
          coalesce(i.pending, 0)::int AS "rectifyPending", coalesce(i.overdue, 0)::int AS "rectifyOverdue", coalesce(i.done, 0)::int AS "rectifyDone"
        FROM i FULL JOIN r ON r.region = i.region ORDER BY 1`,
  );
}

const MONITORING_KINDS = sql`('routine_monitoring', 'special_monitoring', 'supervisory_sampling')`;

export type MonitoringRow = { region: string; planned: number; sampled: number; received: number; judged: number; failed: number; late: number; hoursToReceive: number | null; hoursToJudge: number | null };

/**
 * 监测 for a month: the sampling tasks' quotas against samples taken, the times sampled → received → judged, and late
 * uploads: a sample judged after its task's deadline, or still unjudged once the deadline has passed.
 */
export async function monitoringFigures(db: Executor, prefix: string, len: number, m: MonthRange): Promise<MonitoringRow[]> {
  const today = todayInChina();
  return queryRows<MonitoringRow>(
    db,
    sql`WITH p AS (
          SELECT ${child('agency_region', len)} AS region, coalesce(sum(quota), 0) AS planned FROM supervision_task_recipient_facts
          WHERE kind IN ${MONITORING_KINDS} AND ${within('agency_region', prefix)} AND length(agency_region) >= ${len}
            AND starts_on <= ${m.lastDay}::date AND (due_on IS NULL OR due_on >= ${m.firstDay}::date) GROUP BY 1),
        s AS (
          SELECT ${child('s.region_code', len)} AS region, count(*) AS sampled, count(s.received_at) AS received, count(s.judged_at) AS judged,
            count(*) FILTER (WHERE s.verdict = 'fail') AS failed,
            count(*) FILTER (WHERE r.due_on IS NOT NULL AND ((s.judged_at IS NOT NULL AND (s.judged_at AT TIME ZONE 'Asia/Shanghai')::date > r.due_on)
                                                              OR (s.judged_at IS NULL AND r.due_on < ${today}::date))) AS late,
            avg(extract(epoch FROM s.received_at - s.sampled_at)) / 3600 AS to_receive,
            avg(extract(epoch FROM s.judged_at - s.received_at)) / 3600 AS to_judge
          FROM monitoring_sample_facts s LEFT JOIN supervision_task_recipient_facts r ON r.recipient_id = s.recipient_id
          WHERE ${within('s.region_code', prefix)} AND s.sampled_at >= ${m.from} AND s.sampled_at < ${m.to} GROUP BY 1)
        SELECT coalesce(s.region, p.region) AS region, coalesce(p.planned, 0)::int AS planned, coalesce(s.sampled, 0)::int AS sampled,
          coalesce(s.received, 0)::int AS received, coalesce(s.judged, 0)::int AS judged, coalesce(s.failed, 0)::int AS failed, coalesce(s.late, 0)::int AS late,
          round(s.to_receive::numeric, 1)::float8 AS "hoursToReceive", round(s.to_judge::numeric, 1)::float8 AS "hoursToJudge"
        FROM s FULL JOIN p ON p.region = s.region ORDER BY 1`,
  );
}

export type EnforcementRow = {
  region: string;
  opened: number;
  closed: number;
  filed: number;
  investigation: number;
  decision: number;
  daysFiled: number | null;
  daysInvestigation: number | null;
  daysDecision: number | null;
  transfersWaiting: number;
  oldestTransferDays: number | null;
};

/** 执法 for a month: cases opened and closed, open cases by stage, days per stage (stages left in the month), transfers not opened. */
/** Open rectification notices per region (those addressed within each region), for the monitors' rows. */
export async function openNoticesByRegion(db: Executor, prefix: string, len: number, monitor: string): Promise<Map<string, number>> {
  const rows = await queryRows<{ region: string; n: number }>(
    db,
    sql`SELECT ${child('target_region', len)} AS region, count(*)::int AS n FROM rectification_notices
        WHERE status <> 'closed' AND monitor = ${monitor} AND ${within('target_region', prefix)} GROUP BY 1`,
  );
  return new Map(rows.map((r) => [r.region, r.n]));
}

export async function enforcementFigures(db: Executor, prefix: string, len: number, m: MonthRange): Promise<EnforcementRow[]> {
  return queryRows<EnforcementRow>(
    db,
    sql`WITH c AS (
          SELECT ${child('region_code', len)} AS region,
            count(*) FILTER (WHERE created_at >= ${m.from} AND created_at < ${m.to}) AS opened,
            count(*) FILTER (WHERE closed_at >= ${m.from} AND closed_at < ${m.to}) AS closed,
            count(*) FILTER (WHERE stage = 'filed') AS filed, count(*) FILTER (WHERE stage = 'investigation') AS investigation,
            count(*) FILTER (WHERE stage = 'decision') AS decision
          FROM enforcement_case_facts WHERE ${within('region_code', prefix)} GROUP BY 1),
        d AS (
          SELECT ${child('c.region_code', len)} AS region,
            avg(extract(epoch FROM st.left_at - st.entered_at)) FILTER (WHERE st.stage = 'filed') / 86400 AS d_filed,
            avg(extract(epoch FROM st.left_at - st.entered_at)) FILTER (WHERE st.stage = 'investigation') / 86400 AS d_inv,
            avg(extract(epoch FROM st.left_at - st.entered_at)) FILTER (WHERE st.stage = 'decision') / 86400 AS d_dec
          FROM enforcement_case_stage_facts st JOIN enforcement_case_facts c ON c.id = st.case_id
          WHERE ${within('c.region_code', prefix)} AND st.left_at >= ${m.from} AND st.left_at < ${m.to} GROUP BY 1),
        t AS (
          SELECT ${child('region_code', len)} AS region, count(*) AS waiting, max(extract(epoch FROM now() - created_at)) / 86400 AS oldest
          FROM supervision_transfer_facts WHERE status = 'pending' AND ${within('region_code', prefix)} GROUP BY 1),
        regions AS (SELECT region FROM c UNION SELECT region FROM t)
        SELECT regions.region, coalesce(c.opened, 0)::int AS opened, coalesce(c.closed, 0)::int AS closed, coalesce(c.filed, 0)::int AS filed,
          coalesce(c.investigation, 0)::int AS investigation, coalesce(c.decision, 0)::int AS decision,
          round(d.d_filed::numeric, 1)::float8 AS "daysFiled", round(d.d_inv::numeric, 1)::float8 AS "daysInvestigation", round(d.d_dec::numeric, 1)::float8 AS "daysDecision",
          coalesce(t.waiting, 0)::int AS "transfersWaiting", floor(t.oldest)::int AS "oldestTransferDays"
        FROM regions LEFT JOIN c ON c.region = regions.region LEFT JOIN d ON d.region = regions.region LEFT JOIN t ON t.region = regions.region
        ORDER BY 1`,
  );
}
