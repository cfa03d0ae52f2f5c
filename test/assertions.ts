import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { queryRows } from '../src/platform/db/rows.js';
import type { TestApp } from './harness.js';

// Shared assertions: the error shape every refusal must have, and "a refusal writes nothing".

export type Counts = { agencies: number; users: number; audit: number; sessions: number; tokens: number };

/** Row counts of everything the accounts domain writes (tokens: the ones not revoked). */
export async function counts(t: TestApp): Promise<Counts> {
  const [row] = await queryRows<Counts>(
    t.database.db,
    sql`SELECT (SELECT count(*)::int FROM agencies) AS agencies, (SELECT count(*)::int FROM users) AS users,
               (SELECT count(*)::int FROM audit_log) AS audit, (SELECT count(*)::int FROM sessions) AS sessions,
               (SELECT count(*)::int FROM api_tokens WHERE revoked_at IS NULL) AS tokens`,
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
