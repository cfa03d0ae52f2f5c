import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type Client, type TestApp } from '../../../test/harness.js';
import { queryRows } from '../db/rows.js';
import { purgeIdempotencyKeys } from './idempotency.js';

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

// Issue 19, findings 4 and 5: no secret in the replay storage; a key whose command committed but whose answer was
// never saved (kill -9 between the two) is answered on retry, from the committed rows, without writing again.
describe('Idempotency-Key: secrets, crashes and the window', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** The state a kill -9 leaves between the command's commit and the saving of its answer. */
  const forgetAnswer = (key: string) => t.database.db.execute(sql`UPDATE idempotency_keys SET status_code = NULL, response = NULL WHERE key = ${key}`);

  it('never stores a new bearer token, and a retry says it was created instead of showing it again', async () => {
    const me = await t.login('sg-coop');
    const created = await me.post('/api/v1/auth/tokens', { name: '对接程序', password: DEMO_PASSWORD }, { 'idempotency-key': 'tok-1' });
    expect(created.statusCode, created.body).toBe(201);
    const token = created.json<{ token: string; id: string }>().token;
    const rows = await queryRows<{ row: string }>(t.database.db, sql`SELECT row_to_json(k)::text AS row FROM idempotency_keys k WHERE key = 'tok-1'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.row).not.toContain(token);
    expect(rows[0]!.row).not.toContain(token.slice(10));
    const retry = await me.post('/api/v1/auth/tokens', { name: '对接程序', password: DEMO_PASSWORD }, { 'idempotency-key': 'tok-1' });
    expect(retry.statusCode).toBe(409);
    expect(retry.json()).toMatchObject({ code: 'IDEMPOTENCY_SECRET_WITHHELD', details: { done: { id: created.json().id } } });
    expect(retry.body).not.toContain(token);
    // The same after a crash before the answer was saved: the result kept in the transaction holds no secret either.
    await forgetAnswer('tok-1');
    const [kept] = await queryRows<{ row: string }>(t.database.db, sql`SELECT row_to_json(k)::text AS row FROM idempotency_keys k WHERE key = 'tok-1'`);
    expect(kept!.row).not.toContain(token);
    const afterCrash = await me.post('/api/v1/auth/tokens', { name: '对接程序', password: DEMO_PASSWORD }, { 'idempotency-key': 'tok-1' });
    expect(afterCrash.json()).toMatchObject({ code: 'IDEMPOTENCY_SECRET_WITHHELD', details: { done: { id: created.json().id } } });
    const tokens = (await me.get('/api/v1/auth/tokens')).json<{ items: unknown[] }>().items;
    expect(tokens).toHaveLength(1);
  });

  it('answers a retried command that committed before the server died, without writing twice', async () => {
    const sd = await t.login('sd-admin');
    const before = await count(t, 'agencies');
    const first = await sd.post('/api/v1/agencies', body('3702', 'crash-a'), { 'idempotency-key': 'crash-1' });
    expect(first.statusCode, first.body).toBe(201);
    await forgetAnswer('crash-1');
    const retry = await sd.post('/api/v1/agencies', body('3702', 'crash-a'), { 'idempotency-key': 'crash-1' });
    expect(retry.statusCode, retry.body).toBe(201);
    expect(retry.json()).toEqual(first.json());
    expect(await count(t, 'agencies')).toBe(before + 1);
    // Its answer is saved now: the next retry is a plain replay.
    const again = await sd.post('/api/v1/agencies', body('3702', 'crash-a'), { 'idempotency-key': 'crash-1' });
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('answers a retried sale and confirmation (one-statement commands) after the same crash', async () => {
    const seller = await t.login('sg-coop');
    const buyer = await t.login('sg-farmer');
    const buyerToken = (await buyer.get('/api/v1/registry/my-subject/identity')).json().token;
    await seller.post('/api/v1/trace/products', { name: '幂等番茄', classCode: '04', spec: '散装', unit: 'kg' });
    const productId = (await seller.get('/api/v1/trace/products')).json().items[0].id;
    const batch = (await seller.post('/api/v1/trace/batches', { productId, quantity: 10, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } })).json();
    const sale = { batchId: batch.id, buyerToken, quantity: 2.5, unit: 'kg' };
    const sold = await seller.post('/api/v1/trace/trades', sale, { 'idempotency-key': 'crash-sale' });
    expect(sold.statusCode, sold.body).toBe(201);
    await forgetAnswer('crash-sale');
    const soldAgain = await seller.post('/api/v1/trace/trades', sale, { 'idempotency-key': 'crash-sale' });
    expect(soldAgain.statusCode, soldAgain.body).toBe(201);
    expect(soldAgain.json()).toEqual(sold.json());

    const confirmed = await buyer.post(`/api/v1/trace/trades/${sold.json().id}/confirm`, {}, { 'idempotency-key': 'crash-confirm' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    await forgetAnswer('crash-confirm');
    const confirmedAgain = await buyer.post(`/api/v1/trace/trades/${sold.json().id}/confirm`, {}, { 'idempotency-key': 'crash-confirm' });
    expect(confirmedAgain.statusCode, confirmedAgain.body).toBe(200);
    expect(confirmedAgain.json()).toEqual(confirmed.json());
    const [state] = await queryRows<{ stock: string; frozen: string; trades: number }>(
      t.database.db,
      sql`SELECT stock::text, frozen::text, (SELECT count(*)::int FROM trades WHERE batch_id = ${batch.id}) AS trades FROM batches WHERE id = ${batch.id}`,
    );
    expect(state).toEqual({ stock: '7.500', frozen: '0.000', trades: 1 });
  });

  it('purges keys older than the replay window (a job)', async () => {
    await t.database.db.execute(sql`INSERT INTO idempotency_keys (scope, key, request_hash, created_at) VALUES ('anon:x', 'old', 'h', now() - interval '25 hours'), ('anon:x', 'new', 'h', now() - interval '23 hours')`);
    expect(await purgeIdempotencyKeys(t.database.db, 24)).toBeGreaterThanOrEqual(1);
    const left = await queryRows<{ key: string }>(t.database.db, sql`SELECT key FROM idempotency_keys WHERE scope = 'anon:x' ORDER BY key`);
    expect(left.map((r) => r.key)).toEqual(['new']);
  });
});
