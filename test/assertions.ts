import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { queryRows } from '../src/platform/db/rows.js';
import type { TestApp } from './harness.js';

// Shared assertions: the error shape every refusal must have, and "a refusal writes nothing".

export type Counts = { agencies: number; users: number; audit: number; sessions: number; tokens: number } & Record<string, number | string | null>;

/** Row counts of everything the registry writes (tokens: the ones not revoked), and subjects' states. */
export async function counts(t: TestApp): Promise<Counts> {
  const [row] = await queryRows<Counts>(
    t.database.db,
    sql`SELECT (SELECT count(*)::int FROM agencies) AS agencies, (SELECT count(*)::int FROM users) AS users,
               (SELECT count(*)::int FROM audit_log) AS audit, (SELECT count(*)::int FROM sessions) AS sessions,
               (SELECT count(*)::int FROM api_tokens WHERE revoked_at IS NULL) AS tokens,
               (SELECT count(*)::int FROM subjects) AS subjects, (SELECT count(*)::int FROM subject_applications) AS applications,
               (SELECT count(*)::int FROM subject_application_events) AS application_events, (SELECT count(*)::int FROM files) AS files,
               (SELECT count(*)::int FROM subject_certificates) AS certificates, (SELECT count(*)::int FROM subject_change_requests) AS change_requests,
               (SELECT count(*)::int FROM subject_bad_records) AS bad_records, (SELECT count(*)::int FROM subject_status_events) AS status_events,
               (SELECT string_agg(status || ':' || coalesce(e_token, ''), ',' ORDER BY id) FROM subjects) AS subject_states`,
  );
  return row!;
}

export type ErrorBody = { code: string; message: { zh: string; en: string }; details: Record<string, unknown> };

export function expectError(res: LightMyRequestResponse, status: number, code: string): ErrorBody {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json<ErrorBody>();
  expect(body.code).toBe(code);
  expect(body.message.zh.length).toBeGreaterThan(0);
  expect(body.message.en.length).toBeGreaterThan(0);
  return body;
}

/** Sends a request that must be refused with this status and code, and checks that nothing was written. */
export async function refused(t: TestApp, send: () => Promise<LightMyRequestResponse>, status: number, code: string): Promise<ErrorBody> {
  const before = await counts(t);
  const body = expectError(await send(), status, code);
  expect(await counts(t)).toEqual(before);
  return body;
}

/** Row counts of the named tables (the trace domain's, say), to show that a refused request wrote nothing. */
export async function tableCounts(t: TestApp, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`);
    out[table] = row!.n;
  }
  return out;
}

export const TRACE_TABLES = ['trades', 'batches', 'batch_edges', 'trace_events', 'trade_returns', 'trace_codes', 'batch_inputs'];

/** Sends a request that must be refused with this status and code, and checks that these tables keep their row counts. */
export async function refusedKeeping(t: TestApp, tables: string[], send: () => Promise<LightMyRequestResponse>, status: number, code: string): Promise<ErrorBody> {
  const before = await tableCounts(t, tables);
  const body = expectError(await send(), status, code);
  expect(await tableCounts(t, tables)).toEqual(before);
  return body;
}
