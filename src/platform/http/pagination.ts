import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { httpError } from './errors.js';

type Key = string | number;

/**
 * Keyset pagination over (sort column, id): stable under inserts and as fast on page 1,000 as on page 1.
 * The cursor is opaque to clients (base64url of the last row's key).
 */
export function keyset(opts: { sort: AnyPgColumn; id: AnyPgColumn; direction: 'asc' | 'desc'; limit: number; cursor?: string | undefined }) {
  const after = opts.cursor ? decodeCursor(opts.cursor) : undefined;
  // Each half of the key must be a value of its column: a date PostgreSQL cannot hold (year 275760, 30 February)
  // would otherwise reach the database, which answers it with an error of its own (issue 19).
  if (after && !(fitsColumn(opts.sort, after[0]) && fitsColumn(opts.id, after[1]))) throw httpError('BAD_CURSOR');
  const cmp = opts.direction === 'asc' ? sql`>` : sql`<`;
  const where: SQL | undefined = after ? sql`(${opts.sort}, ${opts.id}) ${cmp} (${after[0]}, ${after[1]})` : undefined;
  const orderBy = opts.direction === 'asc' ? [sql`${opts.sort} asc`, sql`${opts.id} asc`] : [sql`${opts.sort} desc`, sql`${opts.id} desc`];
  return {
    where,
    orderBy,
    /** Ask the database for one row more than the page, to know whether another page follows. */
    take: opts.limit + 1,
    page<R>(rows: R[], keyOf: (row: R) => [Key | Date, Key]) {
      const items = rows.slice(0, opts.limit);
      const last = items[items.length - 1];
      const nextCursor = rows.length > opts.limit && last ? encodeCursor(keyOf(last)) : null;
      return { items, nextCursor };
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The forms a cursor writes: a date, or an ISO instant in UTC (`Date.toISOString`). */
const DATE = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z)?$/;

function fitsColumn(column: AnyPgColumn, value: Key): boolean {
  const type = column.getSQLType();
  if (type === 'uuid') return typeof value === 'string' && UUID.test(value);
  if (/^(timestamp|date)/.test(type)) {
    const m = typeof value === 'string' ? DATE.exec(value) : null;
    if (!m) return false;
    const at = new Date(m[4] ? value : `${value}T00:00:00Z`);
    // The year from 1 to 9999, and a day that exists (Date rolls 30 February over into March).
    return !Number.isNaN(at.getTime()) && Number(m[1]) >= 1 && at.toISOString().slice(0, 10) === (value as string).slice(0, 10);
  }
  if (/^(integer|bigint|bigserial|serial|smallint)/.test(type)) return typeof value === 'number' ? Number.isSafeInteger(value) : /^-?\d{1,15}$/.test(value);
  if (/^(numeric|double|real)/.test(type)) return typeof value === 'number' ? Number.isFinite(value) : /^-?\d{1,20}(\.\d{1,10})?$/.test(value);
  return typeof value === 'string' && value.length <= 200;
}

function encodeCursor([a, b]: [Key | Date, Key]): string {
  return Buffer.from(JSON.stringify([a instanceof Date ? a.toISOString() : a, b])).toString('base64url');
}

function decodeCursor(cursor: string): [Key, Key] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return value as [Key, Key];
    }
  } catch {
    /* fall through */
  }
  throw httpError('BAD_CURSOR');
}
