import { chinaDayStart, todayInChina } from '../../../platform/china-time.js';
import { monthRange, previousMonth } from '../monitors/index.js';
import type { ReportKind } from './report-content.shared.js';

/** A report's period as instants and days: a month, or a half year (H1 January–June, H2 July–December). */
export function periodRange(kind: ReportKind, period: string) {
  if (kind === 'monthly') return monthRange(period);
  const [y, h] = period.split('-H') as [string, string];
  const firstDay = h === '1' ? `${y}-01-01` : `${y}-07-01`;
  const lastDay = h === '1' ? `${y}-06-30` : `${y}-12-31`;
  const next = h === '1' ? `${y}-07-01` : `${Number(y) + 1}-01-01`;
  return { month: period, from: chinaDayStart(firstDay), to: chinaDayStart(next), firstDay, lastDay };
}

/** Whether the period has begun (a report of a future period has nothing to say). */
export function periodStarted(kind: ReportKind, period: string, today = todayInChina()): boolean {
  return periodRange(kind, period).firstDay <= today;
}

/** The periods the schedule reports on a given day: last month, and in January and July the half year just ended. */
export function duePeriods(today = todayInChina()): { kind: ReportKind; period: string }[] {
  const month = today.slice(0, 7);
  const out: { kind: ReportKind; period: string }[] = [{ kind: 'monthly', period: previousMonth(month) }];
  const [y, m] = month.split('-').map(Number) as [number, number];
  if (m === 1) out.push({ kind: 'half_year', period: `${y - 1}-H2` });
  if (m === 7) out.push({ kind: 'half_year', period: `${y}-H1` });
  return out;
}
