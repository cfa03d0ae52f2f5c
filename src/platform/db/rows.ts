import { getTableColumns, sql, type InferSelectModel, type SQL, type Table } from 'drizzle-orm';
import { poolOf, toQuery, type Executor } from './client.js';

/** Raw SQL for reports and graph queries. Both drivers return `{ rows }`; int8 is already a number (client.ts). */
export async function queryRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * A hot read as a named prepared statement on PostgreSQL: its text is built once, each connection plans it once
 * (then PostgreSQL keeps a generic plan) instead of on every call, which for a query of a dozen joins costs more than
 * running it, and a call sends only its values. `build` gets the values as placeholders and must place each once, in
 * order (checked when the text is built). `name` must belong to this one query. On PGlite (in process, one
 * connection) each call is an ordinary query.
 */
export function preparedQuery<T, A extends readonly unknown[]>(name: string, build: (...values: { [K in keyof A]: unknown }) => SQL) {
  let text: string | undefined;
  const textOf = (arity: number) => {
    const placeholders = Array.from({ length: arity }, (_, i) => sql.placeholder(`p${i}`));
    const q = toQuery(build(...(placeholders as { [K in keyof A]: unknown })));
    if (q.params.length !== arity || q.params.some((p, i) => p !== placeholders[i])) throw new Error(`${name}: each value must be placed once, in order`);
    return q.text;
  };
  return async (executor: Executor, ...values: A): Promise<T[]> => {
    const pool = poolOf(executor);
    if (!pool) return queryRows<T>(executor, build(...values));
    text ??= textOf(values.length);
    return (await pool.query({ name, text, values: values as unknown as unknown[] })).rows as T[];
  };
}

/** Escapes LIKE wildcards in user input, for `column LIKE '%' || input || '%'`. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The SQLSTATE of a database error, whether the driver's error arrives bare or wrapped by Drizzle. */
export function pgErrorCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/**
 * A table's row as Drizzle would give it (property names, numbers, dates), from a raw row that carries the
 * table's columns under their SQL names — what `RETURNING *` of a data-modifying CTE answers.
 */
export function rowOf<T extends Table>(table: T, raw: Record<string, unknown>): InferSelectModel<T> {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const v = raw[column.name];
    out[key] = v === null || v === undefined ? null : column.mapFromDriverValue(v);
  }
  return out as InferSelectModel<T>;
}

/**
 * Independent reads of one executor: side by side on PostgreSQL's pool (each on its own connection), one after
 * another in a transaction or on PGlite (one connection: pg queues a query sent while another runs, and pg 9 refuses
 * it; test/busy-connection.setup.ts fails a test file that does so).
 */
export async function readsOf<T extends readonly unknown[]>(executor: Executor, reads: { [K in keyof T]: () => PromiseLike<T[K]> }): Promise<T> {
  if (poolOf(executor)) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const out: unknown[] = [];
  for (const read of reads) out.push(await read());
  return out as unknown as T;
}
