import type { Actor } from '../../platform/auth/actor.js';
import { todayInChina } from '../../platform/china-time.js';
import type { Executor } from '../../platform/db/client.js';
import type { HomeOut } from './contracts.js';
import { homeCounts } from './home.counts.js';
import { periodOf, previousOf } from './period.js';
import { ALL_TIME, monthlySeries, nodeTotals } from './rollups/read.js';
import { valuesOf } from './statistics.queries.js';
import { INDICATOR_MEASURES } from './statistics.shared.js';


const roleOf = (actor: Actor): HomeOut['role'] => {
  if (actor.kind === 'subject') return 'producer';
  const { kind, level } = actor.agency;
  if (kind === 'testing') return 'lab';
  if (kind === 'enforcement') return 'enforcement';
  if (kind === 'operations') return 'operations';
  return level;
};

const ZERO = valuesOf([]);
const monthsBack = (today: string, n: number) => {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 - n, 1)).toISOString().slice(0, 10);
};

/**
 * 首页: the figures of the caller's own jurisdiction — what waits (state counts over all time), this month against last,
 * and a twelve-month trend; beside them the role's own counts (home.counts.ts): rollups count regions, not one
 * producer's trades or one station's tasks.
 */
export async function home(db: Executor, actor: Actor, now = new Date()): Promise<HomeOut> {
  const today = todayInChina(now.getTime());
  const role = roleOf(actor);
  const month = periodOf({ period: 'month', date: today }, today);
  if (actor.kind === 'subject' || role === 'operations') {
    const counts = await homeCounts(db, actor, role, today, now);
    return { role, place: actor.kind === 'subject' ? actor.subject.name : actor.agency.name, waiting: ZERO, counts, month, thisMonth: ZERO, lastMonth: ZERO, trend: [], at: now.toISOString() };
  }
  const prefix = actor.jurisdiction;
  const last = previousOf('month', month);
  const [waiting, thisMonth, lastMonth, series, counts] = await Promise.all([
    nodeTotals(db, prefix, ALL_TIME.from, ALL_TIME.to, INDICATOR_MEASURES),
    nodeTotals(db, prefix, month.from, month.to, INDICATOR_MEASURES),
    nodeTotals(db, prefix, last.from, last.to, INDICATOR_MEASURES),
    monthlySeries(db, prefix, monthsBack(today, 11), monthsBack(today, -1), INDICATOR_MEASURES),
    homeCounts(db, actor, role, today, now),
  ]);
  const months = Array.from({ length: 12 }, (_, i) => monthsBack(today, 11 - i).slice(0, 7));
  const trend = months.map((m) => ({ month: m, values: valuesOf(series.filter((r) => r.month === m)) }));
  return { role, place: actor.agency.name, waiting: valuesOf(waiting), counts, month, thisMonth: valuesOf(thisMonth), lastMonth: valuesOf(lastMonth), trend, at: now.toISOString() };
}

