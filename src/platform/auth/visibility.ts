import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { AgencyActor } from './actor.js';

/**
 * Who sees which row of an aggregate, written once per aggregate (in its domain) as a small term over the row's
 * fields, and rendered two ways from that one term: a WHERE fragment for lists and lookups, and a check on a row
 * already in memory. Before this, a list filter and its single-row check were written separately and could drift.
 *
 * Jurisdiction is a region-code prefix (DESIGN.md §2). Region codes are digit strings (2, 4, 6, 9 or 12 digits,
 * registry/contracts.ts), so "starts with p" is the half-open range [p, next(p)): the SQL side is written as that
 * range, which a btree index on the region column serves under any collation that orders digits as digits —
 * `LIKE 'p%'` is only served under the C collation, and the databases run C.UTF-8 (issue 20 §2).
 */

/**
 * The smallest digit string greater than every string that starts with `prefix`: the prefix with its trailing 9s
 * dropped and its last digit raised ('3707' → '3708', '3799' → '38'); null when the prefix is all 9s (no upper bound).
 */
export function nextPrefix(prefix: string): string | null {
  if (!/^\d*$/.test(prefix)) throw new Error(`a region prefix is digits only: ${JSON.stringify(prefix)}`);
  const kept = prefix.replace(/9+$/, '');
  if (kept === '') return null;
  return kept.slice(0, -1) + String(Number(kept.at(-1)) + 1);
}

/** `column >= p AND column < next(p)`: the rows whose region code starts with the prefix ('' is every row). */
export function regionRange(column: AnyPgColumn | SQL, prefix: string): SQL {
  const next = nextPrefix(prefix);
  if (prefix === '') return sql`${column} IS NOT NULL`;
  if (next === null) return sql`${column} >= ${prefix}`;
  return sql`(${column} >= ${prefix} AND ${column} < ${next})`;
}

/** Rows whose region lies under any of the prefixes (a client system's scope): one range each, OR-ed; none is no row. */
export function regionRanges(column: AnyPgColumn | SQL, prefixes: readonly string[]): SQL {
  if (prefixes.length === 0) return sql`false`;
  if (prefixes.includes('')) return regionRange(column, '');
  return sql`(${sql.join(
    prefixes.map((p) => regionRange(column, p)),
    sql` OR `,
  )})`;
}

/** The in-memory twin of regionRange (a null region lies in no jurisdiction). */
export function regionWithin(regionCode: string | null | undefined, prefix: string): boolean {
  return regionCode !== null && regionCode !== undefined && regionCode.startsWith(prefix);
}

/** A visibility term over the fields F of a row. */
export type Term<F extends string> =
  | { op: 'any' }
  | { op: 'none' }
  /** The region field starts with the prefix. */
  | { op: 'within'; field: F; prefix: string }
  /** The region field starts with the prefix and is longer: a region strictly below it. */
  | { op: 'below'; field: F; prefix: string }
  /** The field is the value (a list-valued field: holds the value). */
  | { op: 'is'; field: F; value: string }
  | { op: 'or' | 'and'; terms: Term<F>[] };

export const anyone = { op: 'any' } as const;
export const nobody = { op: 'none' } as const;
export const within = <F extends string>(field: F, prefix: string): Term<F> => ({ op: 'within', field, prefix });
export const below = <F extends string>(field: F, prefix: string): Term<F> => ({ op: 'below', field, prefix });
export const is = <F extends string>(field: F, value: string): Term<F> => ({ op: 'is', field, value });
export const anyOf = <F extends string>(...terms: Term<F>[]): Term<F> => ({ op: 'or', terms });
export const allOf = <F extends string>(...terms: Term<F>[]): Term<F> => ({ op: 'and', terms });

/**
 * How a field reads in SQL: a column, or for a fact held in another table (a task's recipients, the publisher of a
 * sample's task) the condition "this field is the value" as a function of the value.
 */
export type FieldSql = AnyPgColumn | ((value: string) => SQL);

/** A row as the in-memory check reads it: each field a value, or for a list-valued field all its values. */
export type FieldValues<F extends string> = Record<F, string | null | readonly string[]>;

export type Visibility<F extends string> = {
  /** The term itself (tests read it). */
  term: (actor: AgencyActor) => Term<F>;
  /** The WHERE fragment keeping the rows the actor sees. */
  filter: (actor: AgencyActor) => SQL;
  /** Whether the actor sees this row. */
  allows: (actor: AgencyActor, row: FieldValues<F>) => boolean;
};

/** One aggregate's rule: `fields` says how each field reads in SQL, `rule` who sees what. */
export function defineVisibility<F extends string>(fields: Record<F, FieldSql>, rule: (actor: AgencyActor) => Term<F>): Visibility<F> {
  return {
    term: rule,
    filter: (actor) => toSql(rule(actor), fields),
    allows: (actor, row) => holds(rule(actor), row),
  };
}

function toSql<F extends string>(t: Term<F>, fields: Record<F, FieldSql>): SQL {
  switch (t.op) {
    case 'any':
      return sql`true`;
    case 'none':
      return sql`false`;
    case 'within':
      return regionRange(column(fields, t.field), t.prefix);
    case 'below': {
      const c = column(fields, t.field);
      return sql`(${regionRange(c, t.prefix)} AND length(${c}) > ${t.prefix.length})`;
    }
    case 'is': {
      const f = fields[t.field];
      return typeof f === 'function' ? f(t.value) : sql`${f} = ${t.value}`;
    }
    case 'or':
    case 'and': {
      if (t.terms.length === 0) return t.op === 'or' ? sql`false` : sql`true`;
      const parts = t.terms.map((x) => toSql(x, fields));
      return sql`(${sql.join(parts, t.op === 'or' ? sql` OR ` : sql` AND `)})`;
    }
  }
}

function column<F extends string>(fields: Record<F, FieldSql>, field: F): AnyPgColumn {
  const c = fields[field];
  if (typeof c === 'function') throw new Error(`visibility: region field ${field} must be a column`);
  return c;
}

function holds<F extends string>(t: Term<F>, row: FieldValues<F>): boolean {
  switch (t.op) {
    case 'any':
      return true;
    case 'none':
      return false;
    case 'within':
      return regionWithin(single(row[t.field]), t.prefix);
    case 'below': {
      const v = single(row[t.field]);
      return regionWithin(v, t.prefix) && v!.length > t.prefix.length;
    }
    case 'is': {
      const v = row[t.field];
      return Array.isArray(v) ? v.includes(t.value) : v === t.value;
    }
    case 'or':
      return t.terms.some((x) => holds(x, row));
    case 'and':
      return t.terms.every((x) => holds(x, row));
  }
}

function single(v: string | null | readonly string[]): string | null {
  if (Array.isArray(v)) throw new Error('visibility: a region field holds one value');
  return v as string | null;
}

/** The actor's own jurisdiction over one region field: the term most aggregates start from. */
export function inActorJurisdiction<F extends string>(actor: AgencyActor, field: F): Term<F> {
  return actor.jurisdiction === '' ? anyone : within(field, actor.jurisdiction);
}
