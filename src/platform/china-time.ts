import { gte, lt, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * Days and times as people in China read them (UTC+8, no daylight saving): deadlines, "today", periods of days and the
 * times printed on sheets, forms and pages are all in that zone, whatever the server's own zone is. One place for the
 * offset, so no domain writes `+ 8 * 3600_000` or `+08:00` again.
 */
const OFFSET_MS = 8 * 3600_000;
export const DAY_MS = 86_400_000;

const shifted = (at: Date | string | number) => new Date(new Date(at).getTime() + OFFSET_MS).toISOString();

/** The calendar day in China of an instant: `2026-05-12`. */
export const chinaDay = (at: Date | string | number) => shifted(at).slice(0, 10);

/** Today's date in China: deadlines are calendar days there. */
export const todayInChina = (now = Date.now()) => chinaDay(now);

/** An instant to the minute in China, as sheets, forms and the console write it: `2026-05-12 09:30`. */
export const chinaMinute = (at: Date | null | undefined) => (at ? shifted(at).slice(0, 16).replace('T', ' ') : '');

/** The instant a day in China begins. */
export const chinaDayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

/** The instant the day after `day` begins in China: the exclusive end of a period that includes `day`. */
export const chinaDayEnd = (day: string) => new Date(chinaDayStart(day).getTime() + DAY_MS);

/** A `from`–`to` filter of days in China on a timestamp column: both days included. */
export function chinaDayRange(column: AnyPgColumn, from: string | undefined, to: string | undefined): SQL[] {
  const out: SQL[] = [];
  if (from) out.push(gte(column, chinaDayStart(from)));
  if (to) out.push(lt(column, chinaDayEnd(to)));
  return out;
}
