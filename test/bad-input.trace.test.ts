import type { InjectOptions } from 'fastify';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseIn, batchIn, marketEntryIn, mergeIn, productIn, returnIn, splitIn, tradeIn, tradeReasonIn, transformationIn } from '../src/domains/trace/contracts.js';
import { tableCounts, TRACE_TABLES } from './assertions.js';
import { BAD_IDS, badInputProblems, problemWith, type Json } from './fuzz.js';
import { createTestApp, type Client, type TestApp } from './harness.js';

/**
 * Issue 4, "Bad input": generated bad bodies, raw junk and wrong content types to every write route of the trace
 * domain. Each must be a 4xx with a stable code and a zh/en message — never a 5xx — and write nothing.
 */

type Route = { name: string; url: string; valid: Json; schema: z.ZodType };
const TABLES = [...TRACE_TABLES, 'production_bases', 'products'];

describe('bad input to every write route of the trace domain', () => {
  let t: TestApp;
  let coop: Client;
  let routes: Route[];
  let before: Record<string, number>;
  let sent = 0;

  beforeAll(async () => {
    t = await createTestApp();
    coop = await t.login('sg-coop');
    const farmer = await t.login('sg-farmer');
    const buyerToken = (await farmer.get('/api/v1/registry/my-subject/identity')).json().token as string;
    const productId = (await coop.post('/api/v1/trace/products', { name: '菠菜', classCode: '04', spec: '散装', unit: 'kg' })).json().id as string;
    const batch = (await coop.post('/api/v1/trace/batches', { productId, quantity: 100, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } })).json() as { id: string };
    const other = (await coop.post('/api/v1/trace/batches', { productId, quantity: 10, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } })).json() as { id: string };
    const pending = (await coop.post('/api/v1/trace/trades', { batchId: batch.id, buyerToken, quantity: 1, unit: 'kg' })).json() as { id: string };
    routes = [
      { name: 'base', url: '/api/v1/trace/bases', valid: { name: '一号棚', regionCode: '370783100', address: '化龙镇东村', lat: 36.8, lng: 118.7 }, schema: baseIn },
      { name: 'product', url: '/api/v1/trace/products', valid: { name: '芹菜', classCode: '04', spec: '散装', unit: 'kg', gtin: '06901234567892' }, schema: productIn },
      {
        name: 'batch',
        url: '/api/v1/trace/batches',
        valid: { productId, quantity: 5, unit: 'kg', harvestDate: '2026-11-20', inputs: [{ kind: 'fertilizer', name: '有机肥', dose: 2, doseUnit: 'kg', appliedOn: '2026-10-01' }], selfCheck: { result: 'pass', note: '速测' } },
        schema: batchIn,
      },
      { name: 'trade', url: '/api/v1/trace/trades', valid: { batchId: batch.id, buyerToken, quantity: 1, unit: 'kg', carrier: { plate: '鲁G1', phone: '13812345678' }, storage: '常温' }, schema: tradeIn },
      { name: 'manual trade', url: '/api/v1/trace/trades', valid: { batchId: batch.id, buyer: { name: '王记菜摊', phone: '13698765432', address: '寿光市' }, quantity: 1, unit: 'kg' }, schema: tradeIn },
      { name: 'market entry', url: '/api/v1/trace/market-entries', valid: { batchId: batch.id, quantity: 1, unit: 'kg', market: { kind: 'wholesale', name: '寿光蔬菜批发市场', stall: 'A1' } }, schema: marketEntryIn },
      { name: 'return', url: '/api/v1/trace/returns', valid: { tradeId: pending.id, quantity: 1, reason: '品质不符' }, schema: returnIn },
      { name: 'transformation', url: '/api/v1/trace/transformations', valid: { inputs: [{ batchId: batch.id, quantity: 1 }], output: { productId, quantity: 1, unit: 'kg', productionDate: '2026-11-21' } }, schema: transformationIn },
      { name: 'split', url: `/api/v1/trace/batches/${batch.id}/split`, valid: { parts: [{ quantity: 1 }] }, schema: splitIn },
      { name: 'merge', url: '/api/v1/trace/batches/merge', valid: { batchIds: [batch.id, other.id] }, schema: mergeIn },
      { name: 'cancel', url: `/api/v1/trace/trades/${pending.id}/cancel`, valid: { reason: '客户取消' }, schema: tradeReasonIn },
    ];
    before = await tableCounts(t, TABLES);
  });
  afterAll(() => t.close());

  async function post(payload: string | Buffer | undefined, url: string, contentType: string | null = 'application/json') {
    sent++;
    const headers: Record<string, string> = { cookie: coop.cookie!, 'x-csrf-token': coop.csrf ?? '' };
    if (payload !== undefined && contentType) headers['content-type'] = contentType;
    const options: InjectOptions = { method: 'POST', url, headers, ...(payload === undefined ? {} : { payload }) };
    return t.app.inject(options);
  }

  // One test per route, so that each stays well inside the per-test time limit on a loaded machine.
  const NAMES = ['base', 'product', 'batch', 'trade', 'manual trade', 'market entry', 'return', 'transformation', 'split', 'merge', 'cancel'];
  it.each(NAMES)('refuses generated bad bodies, raw junk and other content types to %s with a 4xx and a stable code', async (name) => {
    const route = routes.find((r) => r.name === name)!;
    expect(await badInputProblems(route, (payload, type) => post(payload, route.url, type))).toEqual([]);
  });

  it('covers every route named', () => expect(routes.map((r) => r.name)).toEqual(NAMES));

  it('refuses malformed ids, and unknown ones with 404', async () => {
    const failures: string[] = [];
    for (const id of BAD_IDS) {
      for (const url of [`/api/v1/trace/trades/${id}/confirm`, `/api/v1/trace/batches/${id}/split`, `/api/v1/trace/trades/${id}/cancel`]) {
        const problem = problemWith(await post('{"reason":"原因"}', url), ['VALIDATION_FAILED', 'BAD_REQUEST', 'NOT_FOUND']);
        if (problem) failures.push(`${url.slice(0, 100)}: ${problem}`);
      }
    }
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(problemWith(await post('{}', `/api/v1/trace/trades/${unknown}/confirm`), ['TRADE_NOT_FOUND'])).toBeNull();
    expect(problemWith(await post('{"parts":[{"quantity":1}]}', `/api/v1/trace/batches/${unknown}/split`), ['BATCH_NOT_FOUND'])).toBeNull();
    expect(problemWith(await post(JSON.stringify({ tradeId: unknown, quantity: 1, reason: '退货' }), '/api/v1/trace/returns'), ['TRADE_NOT_FOUND'])).toBeNull();
    expect(failures).toEqual([]);
  });

  it('wrote nothing', async () => {
    expect(sent).toBeGreaterThan(2000);
    expect(await tableCounts(t, TABLES)).toEqual(before);
  });
});
