import { gte, lt, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** A `from`–`to` filter of days in China time (UTC+8) on a timestamp column: both days included. */
export function chinaDayRange(column: AnyPgColumn, from: string | undefined, to: string | undefined): SQL[] {
  const out: SQL[] = [];
  if (from) out.push(gte(column, new Date(`${from}T00:00:00+08:00`)));
  if (to) out.push(lt(column, new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 86_400_000)));
  return out;
}
