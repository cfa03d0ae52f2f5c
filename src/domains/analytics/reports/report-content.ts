import { sql } from 'drizzle-orm';
import { regionRange } from '../../../platform/auth/visibility.js';
import type { Executor } from '../../../platform/db/client.js';
import { queryRows, readsOf } from '../../../platform/db/rows.js';
import { enforcementFigures, monitoringFigures, registrationFigures, supervisionFigures, traceFigures } from '../monitors/index.js';
import { REPORT_SECTIONS, type ReportContent, type ReportKind } from './report-content.shared.js';
import { periodRange } from './report-period.js';

type Range = ReturnType<typeof periodRange>;

/** Figures the monitors do not hold: registrations, rectification notices and feedback in the period. */
async function extraFigures(db: Executor, region: string, r: Range) {
  const [reg] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM registry_subject_facts WHERE status IN ('active', 'suspended') AND ${regionRange(sql.raw('region_code'), region)} AND registered_at >= ${r.from} AND registered_at < ${r.to}`,
  );
  const [rect] = await queryRows<{ issued: number; answered: number; closed: number }>(
    db,
    sql`SELECT count(*) FILTER (WHERE created_at >= ${r.from} AND created_at < ${r.to})::int AS issued,
          count(*) FILTER (WHERE answered_at >= ${r.from} AND answered_at < ${r.to})::int AS answered,
          count(*) FILTER (WHERE closed_at >= ${r.from} AND closed_at < ${r.to})::int AS closed
        FROM rectification_notices WHERE ${regionRange(sql.raw('target_region'), region)}`,
  );
  const [fb] = await queryRows<{ filed: number; fixed: number; declined: number; open: number }>(
    db,
    sql`SELECT count(*)::int AS filed, count(*) FILTER (WHERE state IN ('fixed', 'revisited'))::int AS fixed,
          count(*) FILTER (WHERE state = 'declined')::int AS declined, count(*) FILTER (WHERE state IN ('filed', 'classified', 'confirmed'))::int AS open
        FROM ops_feedback_facts WHERE ${regionRange(sql.raw('filer_region'), region)} AND created_at >= ${r.from} AND created_at < ${r.to}`,
  );
  return {
    registeredInPeriod: reg?.n ?? 0,
    rectificationsIssued: rect?.issued ?? 0,
    rectificationsAnswered: rect?.answered ?? 0,
    rectificationsClosed: rect?.closed ?? 0,
    feedbackFiled: fb?.filed ?? 0,
    feedbackFixed: fb?.fixed ?? 0,
    feedbackDeclined: fb?.declined ?? 0,
    feedbackOpen: fb?.open ?? 0,
  };
}

/**
 * The figures of a province's report for a period, computed now over the province as one row (the monitors' own
 * queries with the region's own length), then laid out in the guide's sections.
 */
export async function reportContent(db: Executor, regionCode: string, kind: ReportKind, period: string): Promise<ReportContent> {
  const r = periodRange(kind, period);
  const len = regionCode.length;
  const one = <T>(rows: T[]): Partial<T> => rows[0] ?? {};
  const [reg, trace, sup, mon, enf, extra] = await readsOf(db, [
    () => registrationFigures(db, regionCode, len, r.from, r.to).then(one),
    () => traceFigures(db, regionCode, len, r).then(one),
    () => supervisionFigures(db, regionCode, len, r).then(one),
    () => monitoringFigures(db, regionCode, len, r).then(one),
    () => enforcementFigures(db, regionCode, len, r).then(one),
    () => extraFigures(db, regionCode, r),
  ]);
  const all: Record<string, unknown> = { ...trace, ...sup, ...mon, ...enf, ...extra, registered: reg.registered ?? 0, active: reg.active ?? 0 };
  return {
    kind,
    period,
    firstDay: r.firstDay,
    lastDay: r.lastDay,
    regionCode,
    sections: (Object.keys(REPORT_SECTIONS) as (keyof typeof REPORT_SECTIONS)[]).map((key) => ({ key, figures: REPORT_SECTIONS[key].map((f) => ({ key: f, value: Number(all[f] ?? 0) })) })),
  };
}
