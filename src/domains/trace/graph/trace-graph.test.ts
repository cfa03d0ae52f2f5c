import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db/rows.js';
import { expectError } from '../../../../test/assertions.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { registeredFarmer } from '../../../../test/subjects.js';
import { DEMO_SUBJECTS } from '../../registry/index.js';
import { recallRows, traceRows, type RecallRow } from './trace-graph.queries.js';

// A small chain of 寿光市 化龙镇, built through the real API:
//
//   A (sg-coop, 500 kg) ──trade 100──▶ B1 (sg-farmer) ──┐
//                       ──trade  50──▶ B2 (sg-farmer) ──┴─merge─▶ M (sg-farmer, 150) ──manual 30──▶ U (a buyer recorded by hand)
//                                                                                   ──market 20──▶ K (寿光农产品物流园, wholesale)
//
// B1 and B2 make a diamond: M is reached along two paths of the same length and must appear once.

const FARMER_PHONE = '13905360002'; // the demo farmer 张建国 (sg-farmer), stored encrypted
const BUYER_PHONE = '13966660001'; // the hand-recorded buyer

let t: TestApp;
let coop: Client;
let farmer: Client;
const ids: Record<'A' | 'B1' | 'B2' | 'M' | 'U' | 'K', string> = { A: '', B1: '', B2: '', M: '', U: '', K: '' };
const codes: Record<string, string> = {};

async function sell(from: Client, batchId: string, quantity: number, to: Client) {
  const token = (await to.get('/api/v1/registry/my-subject/identity')).json().token;
  const sale = await from.post('/api/v1/trace/trades', { batchId, buyerToken: token, quantity, unit: 'kg' });
  expect(sale.statusCode, sale.body).toBe(201);
  const confirmed = await to.post(`/api/v1/trace/trades/${sale.json().id}/confirm`, {});
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return confirmed.json().buyerBatchId as string;
}

const trace = (c: Client, id: string, direction: 'backward' | 'forward', depth?: number) =>
  c.get(`/api/v1/trace/batches/${id}/trace?direction=${direction}${depth !== undefined ? `&depth=${depth}` : ''}`);

type Node = { id: string; depth: number; code: string; holder: { kind: string; subjectId: string | null; name: string; county: string; countyName: string | null } };
type Edge = { from: string; to: string; kind: string; quantity: number };
const nodeDepths = (nodes: Node[]) => Object.fromEntries(nodes.map((n) => [Object.entries(ids).find(([, v]) => v === n.id)?.[0] ?? n.id, n.depth]));
const edgeNames = (edges: Edge[]) => edges.map((e) => `${nameOf(e.from)}→${nameOf(e.to)}:${e.kind}:${e.quantity}`).sort();
const nameOf = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0] ?? id;

beforeAll(async () => {
  t = await createTestApp();
  coop = await t.login('sg-coop');
  farmer = await t.login('sg-farmer');
  const product = (await coop.post('/api/v1/trace/products', { name: '寿光番茄', classCode: '04', spec: '散装', unit: 'kg' })).json();
  const a = await coop.post('/api/v1/trace/batches', { productId: product.id, quantity: 500, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } });
  expect(a.statusCode, a.body).toBe(201);
  ids.A = a.json().id;
  codes.A = a.json().code;
  ids.B1 = await sell(coop, ids.A, 100, farmer);
  ids.B2 = await sell(coop, ids.A, 50, farmer);
  const merged = await farmer.post('/api/v1/trace/batches/merge', { batchIds: [ids.B1, ids.B2] });
  expect(merged.statusCode, merged.body).toBe(201);
  ids.M = merged.json().id;
  const manual = await farmer.post('/api/v1/trace/trades', { batchId: ids.M, quantity: 30, unit: 'kg', buyer: { name: '李记饭店', phone: BUYER_PHONE, address: '寿光市圣城街 88 号' } });
  expect(manual.statusCode, manual.body).toBe(201);
  ids.U = manual.json().buyerBatchId;
  const market = await farmer.post('/api/v1/trace/market-entries', { batchId: ids.M, quantity: 20, unit: 'kg', market: { kind: 'wholesale', name: '寿光农产品物流园', stall: 'A-12' } });
  expect(market.statusCode, market.body).toBe(201);
  ids.K = market.json().buyerBatchId;
});
afterAll(async () => t?.close());

describe('backward and forward trace', () => {
  it('backward from the hand-recorded buyer reaches the farm batch, the diamond once, with the edges between them', async () => {
    const res = await trace(farmer, ids.M, 'backward');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ rootId: ids.M, direction: 'backward', depth: 20, truncated: false });
    expect(nodeDepths(body.nodes)).toEqual({ M: 0, B1: 1, B2: 1, A: 2 });
    expect(edgeNames(body.edges)).toEqual(['A→B1:trade:100', 'A→B2:trade:50', 'B1→M:merge:100', 'B2→M:merge:50']);
    const a = body.nodes.find((n: Node) => n.id === ids.A);
    expect(a).toMatchObject({ code: codes.A, productName: '寿光番茄', classCode: '04', source: 'own', quantity: 500, stock: 350, unit: 'kg', harvestDate: '2026-11-20' });
    expect(a.holder).toEqual({ kind: 'subject', subjectId: expect.any(String), name: '寿光市化龙镇绿源蔬菜专业合作社', county: '370783', countyName: '寿光市' });
  });

  it('forward from the farm batch reaches every holder, each once at its smallest depth', async () => {
    const body = (await trace(coop, ids.A, 'forward')).json();
    expect(nodeDepths(body.nodes)).toEqual({ A: 0, B1: 1, B2: 1, M: 2, U: 3, K: 3 });
    expect(body.nodes.map((n: Node) => n.id)).toHaveLength(new Set(body.nodes.map((n: Node) => n.id)).size);
    expect(edgeNames(body.edges)).toEqual(['A→B1:trade:100', 'A→B2:trade:50', 'B1→M:merge:100', 'B2→M:merge:50', 'M→K:market:20', 'M→U:trade:30']);
    const holders = Object.fromEntries(body.nodes.map((n: Node) => [nameOf(n.id), n.holder]));
    // Two steps and more from the co-operative: as the public page shows them (DESIGN.md §12).
    expect(holders.U).toMatchObject({ kind: 'unregistered', subjectId: null, name: '李***', county: '370783' });
    expect(holders.K).toMatchObject({ kind: 'market', subjectId: null, name: '寿光农产品物流园' });
    expect(holders.M).toMatchObject({ kind: 'subject', name: '张**' });
  });

  it('stops at the depth asked for', async () => {
    const body = (await trace(coop, ids.A, 'forward', 2)).json();
    expect(body.depth).toBe(2);
    expect(nodeDepths(body.nodes)).toEqual({ A: 0, B1: 1, B2: 1, M: 2 });
    expect(edgeNames(body.edges)).toEqual(['A→B1:trade:100', 'A→B2:trade:50', 'B1→M:merge:100', 'B2→M:merge:50']);
    expect(nodeDepths((await trace(coop, ids.A, 'forward', 1)).json().nodes)).toEqual({ A: 0, B1: 1, B2: 1 });
    expectError(await trace(coop, ids.A, 'forward', 21), 400, 'VALIDATION_FAILED');
    expectError(await trace(coop, ids.A, 'forward', 0), 400, 'VALIDATION_FAILED');
    expectError(await coop.get(`/api/v1/trace/batches/${ids.A}/trace?direction=sideways`), 400, 'VALIDATION_FAILED');
  });

  it('carries no phone or identity number, for the subject or for an agency', async () => {
    for (const [c, id] of [
      [farmer, ids.M],
      [await t.login('sg-admin'), ids.A],
    ] as const) {
      for (const direction of ['backward', 'forward'] as const) {
        const res = await trace(c, id, direction);
        expect(res.statusCode).toBe(200);
        expect(res.body).not.toContain(FARMER_PHONE);
        expect(res.body).not.toContain(BUYER_PHONE);
        expect(res.body).not.toContain('3707831975');
        expect(res.body).not.toMatch(/phone|identity/i);
      }
    }
  });

  it('lets a subject trace the batches it holds and those it sold into, and nothing else (404, as if absent)', async () => {
    expect((await trace(coop, ids.A, 'backward')).statusCode).toBe(200);
    expect((await trace(coop, ids.B1, 'forward')).statusCode).toBe(200); // sold into
    expectError(await trace(coop, ids.M, 'forward'), 404, 'BATCH_NOT_FOUND'); // the buyer's own merge
    expectError(await trace(farmer, ids.A, 'forward'), 404, 'BATCH_NOT_FOUND'); // upstream of what it bought
    expect((await trace(farmer, ids.U, 'backward')).statusCode).toBe(200); // sold into (by hand)
    const stranger = await registeredFarmer(t, 41);
    const other = await t.login(stranger.username, stranger.password);
    for (const id of Object.values(ids)) expectError(await trace(other, id, 'backward'), 404, 'BATCH_NOT_FOUND');
    expectError(await trace(other, '00000000-0000-4000-8000-000000000000', 'backward'), 404, 'BATCH_NOT_FOUND');
  });

  it('shows a subject one step each side in full and the rest as the public page does (DESIGN.md §12, issue 19)', async () => {
    const byName = (nodes: Node[]) => Object.fromEntries(nodes.map((n) => [nameOf(n.id), n.holder]));
    // The co-operative sold B1 and B2 to 张建国: its own buyers, in full. His merge M and his sale U lie beyond.
    const seen = byName((await trace(coop, ids.A, 'forward')).json().nodes);
    expect(seen.A).toMatchObject({ name: '寿光市化龙镇绿源蔬菜专业合作社', subjectId: expect.any(String) });
    expect(seen.B1).toMatchObject({ name: '张建国', subjectId: expect.any(String) });
    expect(seen.B2).toMatchObject({ name: '张建国' });
    expect(seen.M).toMatchObject({ kind: 'subject', name: '张**', subjectId: null });
    expect(seen.U).toMatchObject({ kind: 'unregistered', name: '李***', subjectId: null });
    // 张建国 holds B1, B2 and M and sold U himself; A is his own supplier's: all in full.
    const his = byName((await trace(farmer, ids.U, 'backward')).json().nodes);
    expect(his.U).toMatchObject({ name: '李记饭店' });
    expect(his.A).toMatchObject({ name: '寿光市化龙镇绿源蔬菜专业合作社', subjectId: expect.any(String) });
    // An agency sees the whole chain of its jurisdiction in full.
    const county = byName((await trace(await t.login('sg-admin'), ids.A, 'forward')).json().nodes);
    expect(county.M).toMatchObject({ name: '张建国', subjectId: expect.any(String) });
    expect(county.U).toMatchObject({ name: '李记饭店' });
  });

  it('lets an agency trace a batch of its jurisdiction, of any kind and level, and no other', async () => {
    for (const username of ['moa-admin', 'sd-admin', 'wf-admin', 'sg-admin', 'sg-hl-user', 'sg-lab-admin', 'sg-law-admin']) {
      const res = await trace(await t.login(username), ids.A, 'forward');
      expect(res.statusCode, `${username}: ${res.body}`).toBe(200);
      expect(res.json().nodes).toHaveLength(6);
    }
    for (const username of ['sc-admin', 'pd-admin', 'pd-law-admin']) expectError(await trace(await t.login(username), ids.A, 'forward'), 404, 'BATCH_NOT_FOUND');
    expectError(await t.anonymous.get(`/api/v1/trace/batches/${ids.A}/trace?direction=forward`), 401, 'UNAUTHENTICATED');
  });

  it('says truncated when a walk has more batches than the cap, keeping the nearest', async () => {
    const capped = (await traceRows(t.database.db, ids.A, sql`true`, 'forward', 20, 3))!;
    expect(capped.truncated).toBe(true);
    expect(capped.nodes.map((n) => n.depth)).toEqual([0, 1, 1]);
    expect(capped.edges.map((e) => `${nameOf(e.from)}→${nameOf(e.to)}`).sort()).toEqual(['A→B1', 'A→B2']);
    const all = (await traceRows(t.database.db, ids.A, sql`true`, 'forward', 20, 6))!;
    expect(all.truncated).toBe(false);
    expect(all.nodes).toHaveLength(6);
    expect(await traceRows(t.database.db, ids.A, sql`false`, 'forward', 20, 6)).toBeUndefined();
  });
});

describe('recall list', () => {
  it('lists every downstream holder for the county, phones in full, with quantities and totals, and audits it', async () => {
    const county = await t.login('sg-admin');
    const before = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'trace.recall'`);
    const res = await county.get(`/api/v1/trace/batches/${ids.A}/recall`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body.batch).toMatchObject({ id: ids.A, code: codes.A, productName: '寿光番茄', quantity: 500, stock: 350, unit: 'kg', holderName: '寿光市化龙镇绿源蔬菜专业合作社', county: '370783', countyName: '寿光市' });
    const rows = Object.fromEntries(body.holders.map((h: { batchId: string }) => [nameOf(h.batchId), h]));
    expect(Object.keys(rows).sort()).toEqual(['B1', 'B2', 'K', 'M', 'U']);
    expect(rows.B1).toMatchObject({ hops: 1, holderKind: 'subject', name: '张建国', phone: FARMER_PHONE, address: '化龙镇裴岭村 17 号', quantityReceived: 100, stock: 0, unit: 'kg' });
    expect(rows.B1.identityCode).toMatch(/^0\.3707\*{10}\d{3}[\dX]\.00000$/);
    expect(rows.M).toMatchObject({ hops: 2, holderKind: 'subject', quantityReceived: 150, stock: 100 });
    expect(rows.U).toMatchObject({ hops: 3, holderKind: 'unregistered', subjectId: null, name: '李记饭店', identityCode: null, phone: BUYER_PHONE, address: '寿光市圣城街 88 号', quantityReceived: 30, stock: 30 });
    expect(rows.K).toMatchObject({ hops: 3, holderKind: 'market', name: '寿光农产品物流园', marketKind: 'wholesale', stall: 'A-12', phone: null, quantityReceived: 20, stock: 20 });
    expect(body.totals).toEqual({ batches: 5, holders: 3, maxHops: 3, byUnit: [{ unit: 'kg', shipped: 150, stock: 150 }] });
    expect(body.holders.map((h: { hops: number }) => h.hops)).toEqual([1, 1, 2, 3, 3]);

    const after = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'trace.recall'`);
    expect(after[0]!.n).toBe(before[0]!.n + 1);
    const [entry] = await queryRows<{ actor_name: string; target_id: string; region_code: string; after: Record<string, unknown> }>(
      t.database.db,
      sql`SELECT actor_name, target_id, region_code, after FROM audit_log WHERE action = 'trace.recall' ORDER BY id DESC LIMIT 1`,
    );
    expect(entry).toEqual({ actor_name: 'sg-admin', target_id: ids.A, region_code: '370783100', after: { code: codes.A, batches: 5, holders: 3, format: 'json' } });
  });

  it('is for supervision from the county up and enforcement, in the jurisdiction; refused to subjects, labs and stations', async () => {
    for (const username of ['moa-admin', 'sd-admin', 'sg-law-admin', 'wf-law-admin']) {
      const res = await (await t.login(username)).get(`/api/v1/trace/batches/${ids.A}/recall`);
      expect(res.statusCode, `${username}: ${res.body}`).toBe(200);
    }
    for (const username of ['sc-admin', 'pd-law-admin']) expectError(await (await t.login(username)).get(`/api/v1/trace/batches/${ids.A}/recall`), 404, 'BATCH_NOT_FOUND');
    for (const username of ['sg-lab-admin', 'sg-hl-user']) expectError(await (await t.login(username)).get(`/api/v1/trace/batches/${ids.A}/recall`), 403, 'FORBIDDEN');
    expectError(await coop.get(`/api/v1/trace/batches/${ids.A}/recall`), 403, 'FORBIDDEN');
    expectError(await farmer.get(`/api/v1/trace/batches/${ids.M}/recall.xlsx`), 403, 'FORBIDDEN');
  });

  it('shows the phones in full nowhere else: trades, batches and trace answers stay masked', async () => {
    for (const url of ['/api/v1/trace/trades?direction=outgoing', `/api/v1/trace/batches/${ids.M}`, '/api/v1/registry/my-subject']) {
      const res = await farmer.get(url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      expect(res.body, url).not.toContain(BUYER_PHONE);
      expect(res.body, url).not.toContain(FARMER_PHONE);
    }
  });

  it('exports the same list as an Excel workbook, also audited', async () => {
    const res = await (await t.login('sg-law-admin')).get(`/api/v1/trace/batches/${ids.A}/recall.xlsx`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(6);
    const cells = sheet.getSheetValues().flat().map(String);
    expect(cells).toContain(BUYER_PHONE);
    expect(cells).toContain(FARMER_PHONE);
    expect(cells).toContain('李记饭店');
    const [entry] = await queryRows<{ actor_name: string; after: { format: string } }>(t.database.db, sql`SELECT actor_name, after FROM audit_log WHERE action = 'trace.recall' ORDER BY id DESC LIMIT 1`);
    expect(entry).toEqual({ actor_name: 'sg-law-admin', after: expect.objectContaining({ format: 'xlsx', batches: 5 }) });
  });

  it('is refused whole, never cut, when more batches are downstream than a list may hold', async () => {
    const read = async (max: number, access = sql`true`) => {
      const rows: RecallRow[] = [];
      const found = await recallRows(t.database.db, ids.A, access, 20, max, (r) => rows.push(r));
      return { found, depths: rows.map((r) => r.depth).sort() };
    };
    expect(await read(5)).toEqual({ found: { total: 5, tooMany: false }, depths: [0, 1, 1, 2, 3, 3] });
    expect(await read(4)).toEqual({ found: { total: 5, tooMany: true }, depths: [0, 1, 1, 2, 3] });
    expect(await read(5, sql`false`)).toEqual({ found: undefined, depths: [] });
  });

  it('lists nothing but the batch itself when nothing went downstream', async () => {
    const body = (await (await t.login('sg-admin')).get(`/api/v1/trace/batches/${ids.U}/recall`)).json();
    expect(body.holders).toEqual([]);
    expect(body.totals).toEqual({ batches: 0, holders: 0, maxHops: 0, byUnit: [] });
  });
});

describe('identity codes in the recall list', () => {
  it('come from the masked form kept at registration: a person masked, an organisation in full; decrypted where it is missing', async () => {
    // 张建国, a person, sells into the co-operative, an organisation: each is a holder in some recall list.
    const product = (await farmer.post('/api/v1/trace/products', { name: '寿光黄瓜', classCode: '04', spec: '散装', unit: 'kg' })).json();
    const harvest = await farmer.post('/api/v1/trace/batches', { productId: product.id, quantity: 80, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } });
    expect(harvest.statusCode, harvest.body).toBe(201);
    const bought = await sell(farmer, harvest.json().id, 40, coop);
    const idOf = (username: string) => DEMO_SUBJECTS.find((s) => s.username === username)!.idNumber;
    const person = idOf('sg-farmer');
    const expected = { person: `0.${person.slice(0, 4)}${'*'.repeat(10)}${person.slice(-4)}.00000`, organisation: `2.${idOf('sg-coop')}.00000` };
    const county = await t.login('sg-admin');
    type Line = { batchId: string; subjectId: string; identityCode: string };
    const lineOf = async (root: string, batchId: string) => (await county.get(`/api/v1/trace/batches/${root}/recall`)).json().holders.find((h: Line) => h.batchId === batchId) as Line;
    const read = async () => ({ person: await lineOf(ids.A, ids.B1), organisation: await lineOf(harvest.json().id, bought) });
    const lines = await read();
    expect({ person: lines.person.identityCode, organisation: lines.organisation.identityCode }).toEqual(expected);

    // Subjects registered before the masked form was kept have none: their numbers are decrypted and masked instead.
    const subjectIds = [lines.person.subjectId, lines.organisation.subjectId];
    const kept = await queryRows<{ id: string; id_shown: string }>(t.database.db, sql`SELECT id::text, id_shown FROM subjects WHERE id IN (${subjectIds[0]}::uuid, ${subjectIds[1]}::uuid)`);
    expect(kept).toHaveLength(2);
    await t.database.db.execute(sql`UPDATE subjects SET id_shown = NULL WHERE id IN (${subjectIds[0]}::uuid, ${subjectIds[1]}::uuid)`);
    try {
      const again = await read();
      expect({ person: again.person.identityCode, organisation: again.organisation.identityCode }).toEqual(expected);
    } finally {
      for (const k of kept) await t.database.db.execute(sql`UPDATE subjects SET id_shown = ${k.id_shown} WHERE id = ${k.id}::uuid`);
    }
  });
});

describe('a cycle in the edges', () => {
  it('ends every walk at the depth limit and lists each batch once', async () => {
    // No service writes a cycle, but the graph queries must survive one (imported data, a future kind of edge).
    await t.database.db.execute(sql`INSERT INTO batch_edges (from_batch_id, to_batch_id, kind, quantity) VALUES (${ids.U}::uuid, ${ids.A}::uuid, 'trade', 1)`);
    try {
      const forward = (await trace(coop, ids.A, 'forward')).json();
      expect(nodeDepths(forward.nodes)).toEqual({ A: 0, B1: 1, B2: 1, M: 2, U: 3, K: 3 });
      expect(edgeNames(forward.edges)).toContain('U→A:trade:1');
      const backward = (await trace(coop, ids.A, 'backward')).json();
      expect(nodeDepths(backward.nodes)).toEqual({ A: 0, U: 1, M: 2, B1: 3, B2: 3 });
      const answer = await (await t.login('sg-admin')).get(`/api/v1/trace/batches/${ids.A}/recall`);
      expect(answer.statusCode, answer.body).toBe(200);
      const recall = answer.json();
      expect(recall.totals.batches).toBe(5);
    } finally {
      await t.database.db.execute(sql`DELETE FROM batch_edges WHERE from_batch_id = ${ids.U}::uuid AND to_batch_id = ${ids.A}::uuid`);
    }
  });
});
