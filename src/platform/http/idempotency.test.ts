import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { queryRows } from '../db/rows.js';

const body = (code: string, username: string) => ({
  name: `测试市农业农村局${code}`,
  kind: 'supervision',
  level: 'city',
  regionCode: code,
  account: { username, displayName: '测试', password: 'Strong#Pass2026' },
});

async function count(t: TestApp, table: 'agencies' | 'users' | 'audit_log'): Promise<number> {
  const [row] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`);
  return row!.n;
}

describe('Idempotency-Key on POST', () => {
  let t: TestApp;
  let sd: Client;
  beforeAll(async () => {
    t = await createTestApp();
    sd = await t.login('sd-admin');
  });
  afterAll(() => t.close());

  it('replays the first response for a retried request and writes once', async () => {
    const before = await count(t, 'agencies');
    const first = await sd.post('/api/v1/agencies', body('3702', 'idem-a'), { 'idempotency-key': 'k-1' });
    const retry = await sd.post('/api/v1/agencies', body('3702', 'idem-a'), { 'idempotency-key': 'k-1' });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(await count(t, 'agencies')).toBe(before + 1);
  });

  it('refuses the same key with a different body', async () => {
    const res = await sd.post('/api/v1/agencies', body('3703', 'idem-b'), { 'idempotency-key': 'k-1' });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('lets concurrent duplicates write once', async () => {
    const before = await count(t, 'agencies');
    const results = await Promise.all([1, 2, 3].map(() => sd.post('/api/v1/agencies', body('3704', 'idem-c'), { 'idempotency-key': 'k-2' })));
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(await count(t, 'agencies')).toBe(before + 1);
  });

  it('does not hold the key when the command failed, so a corrected retry can use it', async () => {
    const bad = await sd.post('/api/v1/agencies', { ...body('3705', 'idem-d'), account: { username: 'idem-d', displayName: 'x', password: 'weak' } }, { 'idempotency-key': 'k-3' });
    expect(bad.statusCode).toBe(400);
    const again = await sd.post('/api/v1/agencies', { ...body('3705', 'idem-d'), account: { username: 'idem-d', displayName: 'x', password: 'weak' } }, { 'idempotency-key': 'k-3' });
    expect(again.statusCode).toBe(400);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
  });

  it('scopes keys per user', async () => {
    const wf = await t.login('wf-admin');
    const res = await wf.post('/api/v1/agencies/' + wf.me!.agency.id + '/users', { username: 'idem-e', displayName: 'x', password: 'Strong#Pass2026', role: 'staff' }, { 'idempotency-key': 'k-1' });
    expect(res.statusCode).toBe(201);
  });

  it('rejects a malformed key', async () => {
    const res = await sd.post('/api/v1/agencies', body('3706', 'idem-f'), { 'idempotency-key': 'x'.repeat(300) });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });
});
