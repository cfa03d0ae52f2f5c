import { chinaDayStart, todayInChina } from '../../../platform/china-time.js';

/** A month in China as a half-open range of instants, with its first and last day (task dates are days). */
export type MonthRange = { month: string; from: Date; to: Date; firstDay: string; lastDay: string };

export function monthRange(month: string): MonthRange {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  const lastDay = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { month, from: chinaDayStart(`${month}-01`), to: chinaDayStart(`${next}-01`), firstDay: `${month}-01`, lastDay };
}

/** This month in China: what a monitor shows when the viewer names none. */
export const thisMonth = (now = Date.now()) => todayInChina(now).slice(0, 7);

/** The month before a `YYYY-MM`. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
