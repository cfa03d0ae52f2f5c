import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { AgencyActor, CommandContext } from '../../../platform/auth/actor.js';
import { regionRange, regionWithin } from '../../../platform/auth/visibility.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Db, Executor } from '../../../platform/db/client.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { agencyActorIn } from '../../../platform/http/context.js';
import type { Sheet } from '../../../platform/sheets/workbook.js';
import { regionNamesOf } from '../../registry/index.js';
import type { AssessmentOut, IndicatorsIn, TargetIn } from './contracts.js';
import { monitorError } from './errors.js';
import { type IndicatorKey, pointsOf } from './monitor-values.shared.js';
import { indicatorValues } from './monitor.service.js';
import { assessmentIndicators, monitorTargets } from './schema.js';

/** 推广应用目标 of the regions below the agency's jurisdiction, by region. */
export async function listTargets(db: Executor, actor: AgencyActor) {
  const rows = await db
    .select()
    .from(monitorTargets)
    .where(and(regionRange(monitorTargets.regionCode, actor.jurisdiction), sql`length(${monitorTargets.regionCode}) > ${actor.jurisdiction.length}`))
    .orderBy(monitorTargets.regionCode, monitorTargets.indicator)
    .limit(2000);
  const names = await regionNamesOf(db, rows.map((r) => r.regionCode));
  return { items: rows.map((r) => ({ id: r.id, regionCode: r.regionCode, regionName: names.get(r.regionCode) ?? r.regionCode, indicator: r.indicator as IndicatorKey, target: r.target, setAt: r.setAt })) };
}

/** Sets (or replaces) one region's target for one indicator: only for a region strictly below the setter (audited). */
export async function setTarget(db: Db, ctx: CommandContext, input: TargetIn) {
  const actor = agencyActorIn(ctx);
  if (input.regionCode.length <= actor.jurisdiction.length || !regionWithin(input.regionCode, actor.jurisdiction)) throw monitorError('MONITOR_REGION_OUTSIDE', { region: input.regionCode });
  await withTransaction(db, ctx, async (tx) => {
    const [before] = await tx.select().from(monitorTargets).where(and(eq(monitorTargets.regionCode, input.regionCode), eq(monitorTargets.indicator, input.indicator)));
    const [row] = await tx
      .insert(monitorTargets)
      .values({ setterAgencyId: actor.agency.id, regionCode: input.regionCode, indicator: input.indicator, target: input.target, setBy: actor.userId })
      .onConflictDoUpdate({ target: [monitorTargets.regionCode, monitorTargets.indicator], set: { target: input.target, setterAgencyId: actor.agency.id, setBy: actor.userId, setAt: new Date() } })
      .returning();
    await recordAudit(tx, ctx, { action: 'monitor.target_set', targetType: 'monitor_target', targetId: row!.id, regionCode: input.regionCode, before: before ? { target: before.target } : null, after: { indicator: input.indicator, target: input.target } });
  });
  return listTargets(db, actor);
}

export async function listIndicators(db: Executor, actor: AgencyActor) {
  const rows = await db.select().from(assessmentIndicators).where(eq(assessmentIndicators.agencyId, actor.agency.id)).orderBy(assessmentIndicators.indicator);
  return { items: rows.map((r) => ({ indicator: r.indicator as IndicatorKey, weight: r.weight, target: r.target })) };
}

/** Replaces the agency's indicator list as a whole (those left out are removed), audited with before and after. */
export async function setIndicators(db: Db, ctx: CommandContext, input: IndicatorsIn) {
  const actor = agencyActorIn(ctx);
  const keys = input.items.map((i) => i.indicator);
  if (new Set(keys).size !== keys.length) throw monitorError('INDICATORS_DUPLICATE');
  await withTransaction(db, ctx, async (tx) => {
    const before = await listIndicators(tx, actor);
    const mine = eq(assessmentIndicators.agencyId, actor.agency.id);
    await tx.delete(assessmentIndicators).where(keys.length ? and(mine, notInArray(assessmentIndicators.indicator, keys)) : mine);
    for (const i of input.items) {
      await tx
        .insert(assessmentIndicators)
        .values({ agencyId: actor.agency.id, indicator: i.indicator, weight: i.weight, target: i.target, setBy: actor.userId })
        .onConflictDoUpdate({ target: [assessmentIndicators.agencyId, assessmentIndicators.indicator], set: { weight: i.weight, target: i.target, setBy: actor.userId, setAt: new Date() } });
    }
    await recordAudit(tx, ctx, { action: 'assessment.indicators_set', targetType: 'assessment', targetId: actor.agency.id, regionCode: actor.agency.regionCode, before: { items: before.items }, after: { items: input.items } });
  });
  return listIndicators(db, actor);
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * 追溯考核 for a month: each region below the agency scored 0–100 as Σ weight × min(1, value ÷ target) ÷ Σ weight,
 * each indicator's part shown, ranked best first (ties share a rank, by region code after).
 */
export async function assessment(db: Executor, actor: AgencyActor, month: string): Promise<AssessmentOut> {
  const { items } = await listIndicators(db, actor);
  const totalWeight = items.reduce((s, i) => s + i.weight, 0);
  const values = await indicatorValues(db, actor.jurisdiction, month);
  const regions = [...values.keys()].filter((r) => r.length > actor.jurisdiction.length);
  const names = await regionNamesOf(db, regions);
  const scored = regions.map((region) => {
    const parts = items.map((i) => {
      const value = values.get(region)?.get(i.indicator) ?? null;
      return { indicator: i.indicator, value: value === null ? null : round(value, 4), target: i.target, weight: i.weight, points: round(pointsOf(value, i.target, i.weight), 2) };
    });
    const score = totalWeight > 0 ? round((parts.reduce((s, p) => s + pointsOf(values.get(region)?.get(p.indicator) ?? null, p.target, p.weight), 0) / totalWeight) * 100, 1) : 0;
    return { region, regionName: names.get(region) ?? region, score, parts };
  });
  scored.sort((a, b) => b.score - a.score || a.region.localeCompare(b.region));
  let rank = 0;
  const rows = scored.map((r, i) => {
    if (i === 0 || r.score !== scored[i - 1]!.score) rank = i + 1;
    return { rank, ...r };
  });
  return { month, totalWeight, rows };
}

/** The assessment as a sheet: rank, region, score, then each indicator's value and points. */
export function assessmentSheet(a: AssessmentOut, label: (indicator: IndicatorKey) => string): Sheet {
  const indicators = a.rows[0]?.parts.map((p) => p.indicator) ?? [];
  return {
    name: `追溯考核 ${a.month}`,
    columns: [
      { header: '排名', key: 'rank', width: 6 },
      { header: '地区代码', key: 'region', width: 12 },
      { header: '地区', key: 'regionName', width: 18 },
      { header: '得分', key: 'score', width: 8 },
      ...indicators.flatMap((k) => [
        { header: `${label(k)}（数值）`, key: `${k}.value`, width: 16 },
        { header: `${label(k)}（得分）`, key: `${k}.points`, width: 16 },
      ]),
    ],
    rows: a.rows.map((r) => ({ rank: r.rank, region: r.region, regionName: r.regionName, score: r.score, ...Object.fromEntries(r.parts.flatMap((p) => [[`${p.indicator}.value`, p.value], [`${p.indicator}.points`, p.points]])) })),
  };
}

export async function auditAssessmentExport(db: Db, ctx: CommandContext, month: string, rows: number) {
  const actor = agencyActorIn(ctx);
  await withTransaction(db, null, (tx) => recordAudit(tx, ctx, { action: 'assessment.export', targetType: 'assessment', targetId: actor.agency.id, regionCode: actor.agency.regionCode, after: { month, rows } }));
}
