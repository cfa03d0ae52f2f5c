import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { queryRows } from '../../platform/db/rows.js';
import { expectError, tableCounts, type ErrorBody } from '../../../test/assertions.js';
import type { Client, TestApp } from '../../../test/harness.js';

// Fixtures of the sampling and result tests: a monitoring task the county (sg-admin) sends its testing agency
// (sg-lab-admin), a trade chain of 寿光 grapes through the real API, and "a refusal writes nothing".

/** What sampling and judging write, in every domain: the counts and the states that an update would change. */
export const SAMPLING_TABLES = ['samples', 'sample_reports', 'sample_results', 'monitoring_alerts', 'batch_holds', 'recall_orders', 'lab_approvers', 'lab_profiles', 'trades', 'batch_edges', 'trace_codes', 'supervision_task_events', 'audit_log', 'idempotency_keys', 'files'];

async function stateOf(t: TestApp) {
  const [row] = await queryRows<Record<string, string | null>>(
    t.database.db,
    sql`SELECT (SELECT string_agg(id || ':' || status || ':' || coalesce(verdict, '-') || ':' || report_version || ':' || coalesce(received_by::text, '-'), ',' ORDER BY id) FROM samples) AS samples,
               (SELECT string_agg(id || ':' || status || ':' || done, ',' ORDER BY id) FROM supervision_task_recipients) AS recipients,
               (SELECT string_agg(id || ':' || status || ':' || coalesce(tested_at::text, '-'), ',' ORDER BY id) FROM batches) AS batches,
               (SELECT string_agg(id || ':' || status || ':' || coalesce(reviewed_by::text, '-') || ':' || coalesce(issued_by::text, '-') || ':' || jsonb_array_length(history), ',' ORDER BY id) FROM sample_reports) AS reports,
               (SELECT string_agg(id || ':' || status || ':' || coalesce(order_id::text, '-') || ':' || coalesce(acknowledged_at::text, '-') || ':' || coalesce(reported_at::text, '-'), ',' ORDER BY id) FROM batch_holds) AS holds,
               (SELECT string_agg(id || ':' || coalesce(closed_at::text, '-'), ',' ORDER BY id) FROM recall_orders) AS orders`,
  );
  return { ...(await tableCounts(t, SAMPLING_TABLES)), ...row };
}

/** Sends a request that must be refused with this status and code (zh and en messages), and checks nothing changed. */
export async function refusedQuietly(t: TestApp, send: () => Promise<LightMyRequestResponse>, status: number, code: string): Promise<ErrorBody> {
  const before = await stateOf(t);
  const body = expectError(await send(), status, code);
  expect(await stateOf(t)).toEqual(before);
  return body;
}

/** A task of the county to its testing agency (routine monitoring unless told), as published. */
export async function publishSamplingTask(county: Client, labAgencyId: string, overrides: Record<string, unknown> = {}) {
  const res = await county.post('/api/v1/supervision/tasks', {
    kind: 'routine_monitoring',
    title: '11 月水果例行监测',
    content: '抽检辖区水果农药残留',
    productScope: '水果',
    targetCount: 20,
    startsOn: '2026-11-01',
    dueOn: '2026-12-31',
    recipients: [{ agencyId: labAgencyId, quota: 20 }],
    ...overrides,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; recipients: { id: string; agencyId: string }[] }>();
}

export async function accept(lab: Client, taskId: string) {
  const res = await lab.post(`/api/v1/supervision/tasks/${taskId}/accept`, {});
  expect(res.statusCode, res.body).toBe(200);
}

export const sampleBody = (taskId: string, overrides: Record<string, unknown> = {}) => ({
  taskId,
  placeKind: 'base',
  placeName: '化龙镇葡萄基地',
  regionCode: '370783100',
  quantity: 2,
  unit: 'kg',
  sealNo: 'FY-0001',
  witnesses: [{ name: '王五', role: '基地负责人' }],
  lat: 36.88,
  lng: 118.74,
  ...overrides,
});

async function sell(from: Client, batchId: string, quantity: number, to: Client) {
  const token = (await to.get('/api/v1/registry/my-subject/identity')).json().token;
  const sale = await from.post('/api/v1/trace/trades', { batchId, buyerToken: token, quantity, unit: 'kg' });
  expect(sale.statusCode, sale.body).toBe(201);
  const confirmed = await to.post(`/api/v1/trace/trades/${sale.json().id}/confirm`, {});
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return confirmed.json().buyerBatchId as string;
}

export type GrapeChain = { A: string; B: string; K: string; U: string; codes: Record<'A' | 'B' | 'K' | 'U', string> };

/**
 * 寿光 grapes (class 0504010101 葡萄): the cooperative's batch A (500 kg) ──trade 100──▶ the farmer's batch B, which
 * goes on to a wholesale market (K, 20 kg) and to a buyer recorded by hand (U, 30 kg): B has two downstream holders.
 */
export async function grapeChain(t: TestApp, coop: Client, farmer: Client): Promise<GrapeChain> {
  const product = await coop.post('/api/v1/trace/products', { name: '巨峰葡萄', classCode: '0504010101', spec: '散装', unit: 'kg' });
  expect(product.statusCode, product.body).toBe(201);
  const a = await coop.post('/api/v1/trace/batches', { productId: product.json().id, quantity: 500, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } });
  expect(a.statusCode, a.body).toBe(201);
  const A = a.json().id as string;
  const B = await sell(coop, A, 100, farmer);
  const market = await farmer.post('/api/v1/trace/market-entries', { batchId: B, quantity: 20, unit: 'kg', market: { kind: 'wholesale', name: '寿光农产品物流园', stall: 'A-12' } });
  expect(market.statusCode, market.body).toBe(201);
  const manual = await farmer.post('/api/v1/trace/trades', { batchId: B, quantity: 30, unit: 'kg', buyer: { name: '李记饭店', phone: '13966660001', address: '寿光市圣城街 88 号' } });
  expect(manual.statusCode, manual.body).toBe(201);
  const K = market.json().buyerBatchId as string;
  const U = manual.json().buyerBatchId as string;
  const rows = await queryRows<{ id: string; code: string }>(t.database.db, sql`SELECT id, code FROM batches WHERE id IN (${A}, ${B}, ${K}, ${U})`);
  const codeOf = (id: string) => rows.find((r) => r.id === id)!.code;
  return { A, B, K, U, codes: { A: codeOf(A), B: codeOf(B), K: codeOf(K), U: codeOf(U) } };
}

export async function batchState(t: TestApp, id: string) {
  const [row] = await queryRows<{ status: string; tested: boolean }>(t.database.db, sql`SELECT status, tested_at IS NOT NULL AS tested FROM batches WHERE id = ${id}`);
  return row!;
}

const FIRST_PASSWORD = 'Lab-First#2026';
export const TEAM_PASSWORD = 'Lab-Team#2026x';

/** A new account of the admin's agency, logged in with its first password changed (as a new user must). */
export async function newLabUser(t: TestApp, admin: Client, username: string, displayName: string): Promise<Client> {
  const res = await admin.post(`/api/v1/agencies/${admin.me!.agency.id}/users`, { username, displayName, password: FIRST_PASSWORD, role: 'staff' });
  expect(res.statusCode, res.body).toBe(201);
  const c = await t.login(username, FIRST_PASSWORD);
  const changed = await c.post('/api/v1/auth/password', { currentPassword: FIRST_PASSWORD, newPassword: TEAM_PASSWORD });
  expect(changed.statusCode, changed.body).toBe(204);
  return c;
}

export type LabTeam = { reviewer: Client; approver: Client };

/**
 * The lab's review team: a reviewer (审核) and an approver (批准, set as such by the lab's admin); the admin enters.
 * `key` keeps the usernames apart when one test file makes two teams.
 */
export async function labTeam(t: TestApp, admin: Client, key = 'lab'): Promise<LabTeam> {
  const reviewer = await newLabUser(t, admin, `${key}-reviewer`, '钱审核');
  const approver = await newLabUser(t, admin, `${key}-approver`, '孙批准');
  const set = await admin.post('/api/v1/monitoring/lab', { cmaNo: null, approverIds: [approver.me!.user.id] });
  expect(set.statusCode, set.body).toBe(200);
  return { reviewer, approver };
}

/** Reviews and approves the draft the last entry wrote (its response given): answers the approval's response. */
export async function reviewAndApprove(team: LabTeam, entered: LightMyRequestResponse): Promise<LightMyRequestResponse> {
  if (entered.statusCode !== 200) return entered;
  const s = entered.json<{ id: string; reports: { version: number; status: string }[] }>();
  const draft = s.reports[0]!;
  const reviewed = await team.reviewer.post(`/api/v1/monitoring/samples/${s.id}/reports/${draft.version}/review`, {});
  expect(reviewed.statusCode, reviewed.body).toBe(200);
  return team.approver.post(`/api/v1/monitoring/samples/${s.id}/reports/${draft.version}/approve`, {});
}
