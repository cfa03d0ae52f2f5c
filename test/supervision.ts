import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { tableCounts, type ErrorBody } from './assertions.js';
import type { Client, TestApp } from './harness.js';

// Fixtures for the supervision and enforcement tests: the tables they write, a refusal that writes nothing, and
// the demo county's agencies and producers.

export const SUPERVISION_TABLES = [
  'supervision_tasks',
  'supervision_task_recipients',
  'supervision_task_events',
  'inspections',
  'supervision_transfers',
  'checklist_templates',
  'enforcement_cases',
  'enforcement_case_events',
  'enforcement_case_records',
  'subject_bad_records',
  'files',
  'audit_log',
  'idempotency_keys',
];

/** Sends a request that must be refused with this status and code, and checks that none of those tables changed. */
export async function refusedHere(t: TestApp, send: () => Promise<LightMyRequestResponse>, status: number, code: string): Promise<ErrorBody> {
  const before = await tableCounts(t, SUPERVISION_TABLES);
  const res = await send();
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json<ErrorBody>();
  expect(body.code).toBe(code);
  expect(body.message.zh.length).toBeGreaterThan(0);
  expect(body.message.en.length).toBeGreaterThan(0);
  expect(await tableCounts(t, SUPERVISION_TABLES)).toEqual(before);
  return body;
}

export const agencyIdOf = (c: Client) => c.me!.agency.id;

/** A demo producer of 化龙镇 (sg-coop's subject), seen by the county. */
export async function demoSubjectId(county: Client, name = '绿源'): Promise<string> {
  const res = await county.get(`/api/v1/registry/subjects?q=${encodeURIComponent(name)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items[0].id;
}

/** An unregistered producer recorded in the field by `who`, in `regionCode`. */
export async function temporarySubject(who: Client, regionCode: string, name: string): Promise<string> {
  const res = await who.post('/api/v1/registry/temporary-subjects', { category: 0, orgForm: 1, name, industries: ['planting'], regionCode });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id;
}

export const PLANTING_KEYS = ['production_records', 'input_records', 'banned_inputs', 'certificate_issued', 'trace_codes', 'storage_hygiene', 'safety_interval', 'pesticide_storage'];

export function answers(failed: string[] = []) {
  return PLANTING_KEYS.map((key) => ({ key, result: failed.includes(key) ? 'fail' : 'pass' }));
}

/** Logs these demo accounts in, side by side; one client each, in order. */
export async function loginAll<N extends readonly string[]>(t: TestApp, names: N): Promise<{ -readonly [K in keyof N]: Client }> {
  return (await Promise.all(names.map((n) => t.login(n)))) as { -readonly [K in keyof N]: Client };
}
