import type { AgencyActor } from '../../platform/auth/actor.js';
import { regionWithin } from '../../platform/auth/visibility.js';
import { todayInChina } from '../../platform/china-time.js';
import type { Executor } from '../../platform/db/client.js';
import { findRegion, regionPaths } from '../regions/index.js';
import type { StatisticsOut, StatisticsQuery } from './contracts.js';
import { analyticsError } from './errors.js';
import { lastYearOf, periodOf, previousOf, type Range } from './period.js';
import { depthOf } from './rollups/levels.js';
import { readRollups, type RollupRow } from './rollups/read.js';
import { INDICATOR_KEYS, INDICATOR_MEASURES, indicatorValue, passRateOf, type FigureRow, type IndicatorKey } from './statistics.shared.js';

/** The indicators' measures and the breakdowns the statistics page shows beside them. */
const STATISTICS_MEASURES = [...INDICATOR_MEASURES, 'subject_category', 'subject_form', 'subject_industry', 'subject_priority', 'batch_class', 'cert_issued', 'cert_issuer', 'cert_copies', 'produced', 'traded', 'case_source'];

export const valuesOf = (rows: readonly FigureRow[]) => Object.fromEntries(INDICATOR_KEYS.map((k) => [k, indicatorValue(rows, k)])) as Record<IndicatorKey, number>;

/** The node a caller asks for, checked against its jurisdiction: outside it, or not a region, is 404 (as missing). */
export async function nodeFor(db: Executor, actor: AgencyActor, region: string | undefined): Promise<{ code: string; name: string }> {
  const code = region || actor.jurisdiction;
  if (depthOf(code) === null || !regionWithin(code, actor.jurisdiction)) throw analyticsError('STATISTICS_REGION_NOT_FOUND', { regionCode: code });
  if (code === '') return { code, name: '全国' };
  const row = await findRegion(db, code);
  if (!row) throw analyticsError('STATISTICS_REGION_NOT_FOUND', { regionCode: code });
  return { code, name: row.name };
}

const byRegion = (rows: RollupRow[]) => {
  const out = new Map<string, RollupRow[]>();
  for (const r of rows) out.set(r.region, [...(out.get(r.region) ?? []), r]);
  return out;
};

export async function statistics(db: Executor, actor: AgencyActor, q: StatisticsQuery, today = todayInChina()): Promise<StatisticsOut> {
  const node = await nodeFor(db, actor, q.region);
  const period = periodOf(q, today);
  const previous = previousOf(q.period, period);
  const lastYear = lastYearOf(period);
  const read = (r: Range, by: 'node' | 'children') => readRollups(db, { prefix: node.code, by, from: r.from, to: r.to, measures: STATISTICS_MEASURES });
  const [cur, prev, ly, kids] = await Promise.all([read(period, 'node'), read(previous, 'node'), read(lastYear, 'node'), read(period, 'children')]);
  const groups = byRegion(kids);
  const childCodes = [...groups.keys()].sort();
  const paths = await regionPaths(db, [...childCodes, node.code].filter(Boolean));
  const jurisdictionLength = actor.jurisdiction.length;
  const crumbs = (paths.get(node.code) ?? []).filter((p) => p.code.length >= jurisdictionLength && p.code !== node.code);
  if (node.code !== '' && actor.jurisdiction === '') crumbs.unshift({ code: '', name: '全国' });
  return {
    node: { ...node, depth: depthOf(node.code)! },
    crumbs,
    period,
    previous,
    lastYear,
    current: valuesOf(cur),
    previousValues: valuesOf(prev),
    lastYearValues: valuesOf(ly),
    passRate: { current: passRateOf(cur), previous: passRateOf(prev), lastYear: passRateOf(ly) },
    breakdown: cur.map(({ measure, dim, n, qty }) => ({ measure, dim, n, qty })).sort((a, b) => a.measure.localeCompare(b.measure) || a.dim.localeCompare(b.dim)),
    children: childCodes.map((code) => {
      const rows = groups.get(code)!;
      return { code, name: paths.get(code)?.at(-1)?.code === code ? paths.get(code)!.at(-1)!.name : code, values: valuesOf(rows), passRate: passRateOf(rows) };
    }),
  };
}
