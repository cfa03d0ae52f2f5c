import { addDay } from './rollups/read.js';
import type { StatisticsQuery } from './contracts.js';
import { analyticsError } from './errors.js';

export type Range = { from: string; to: string };
const MAX_DAYS = 5 * 366;

const days = (r: Range) => Math.round((Date.parse(`${r.to}T00:00:00Z`) - Date.parse(`${r.from}T00:00:00Z`)) / 86_400_000) + 1;
const ymd = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);

/** The period a query names: a calendar day, ISO week (Monday first), month, quarter or year around `date`, or custom. */
export function periodOf(q: Pick<StatisticsQuery, 'period' | 'date' | 'from' | 'to'>, today: string): Range {
  if (q.period === 'custom') {
    if (!q.from || !q.to || q.from > q.to || days({ from: q.from, to: q.to }) > MAX_DAYS) throw analyticsError('STATISTICS_PERIOD_INVALID');
    return { from: q.from, to: q.to };
  }
  const anchor = q.date ?? today;
  const [y, m, d] = anchor.split('-').map(Number) as [number, number, number];
  switch (q.period) {
    case 'day':
      return { from: anchor, to: anchor };
    case 'week': {
      const dow = (new Date(`${anchor}T00:00:00Z`).getUTCDay() + 6) % 7;
      const from = addDay(anchor, -dow);
      return { from, to: addDay(from, 6) };
    }
    case 'month':
      return { from: ymd(y, m, 1), to: ymd(y, m + 1, 0) };
    case 'quarter': {
      const q0 = Math.floor((m - 1) / 3) * 3 + 1;
      return { from: ymd(y, q0, 1), to: ymd(y, q0 + 3, 0) };
    }
    default:
      void d;
      return { from: ymd(y, 1, 1), to: ymd(y, 12, 31) };
  }
}

/** The period of the same length just before (环比). A calendar month/quarter/year steps back by one of itself. */
export function previousOf(period: StatisticsQuery['period'], r: Range): Range {
  const [y, m] = r.from.split('-').map(Number) as [number, number];
  if (period === 'month') return { from: ymd(y, m - 1, 1), to: ymd(y, m, 0) };
  if (period === 'quarter') return { from: ymd(y, m - 3, 1), to: ymd(y, m, 0) };
  if (period === 'year') return { from: ymd(y - 1, 1, 1), to: ymd(y - 1, 12, 31) };
  const n = days(r);
  return { from: addDay(r.from, -n), to: addDay(r.from, -1) };
}

/** The same period a year earlier (同比); 29 February falls back to the 28th. */
export function lastYearOf(r: Range): Range {
  const back = (s: string) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    return ymd(y - 1, m, Math.min(d, new Date(Date.UTC(y - 1, m, 0)).getUTCDate()));
  };
  return { from: back(r.from), to: back(r.to) };
}
