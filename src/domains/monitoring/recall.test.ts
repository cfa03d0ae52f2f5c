import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/rows.js';
import { createNotifier, type Notice } from '../../platform/notify/notifier.js';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { agencyIdOf, loginAll } from '../../../test/supervision.js';
import { accept, batchState, grapeChain, labTeam, publishSamplingTask, refusedQuietly, reviewAndApprove, sampleBody, type GrapeChain, type LabTeam } from './sampling.fixtures.js';

// A failed lot reaches everyone who holds it. 寿光 grapes: the coop's batch A ─▶ the farmer's B ─▶ an unregistered
// wholesale market K (no phone) and a restaurant U (phone on record); A ─▶ market entry M into the farmer acting as a
// registered market ─▶ a stall keeper S without a phone (reached through the market's operator, the farmer). A sample
// taken at the market from K fails: every batch of A's recall list is marked 同源批次检测不合格 / 待核查 and paused;
// the county issues a recall order, the holders acknowledge and report; the county releases. A correction to a pass
// withdraws the marks.

let t: TestApp;
let coop: Client;
let farmer: Client;
let county: Client;
let law: Client;
let lab: Client;
let team: LabTeam;
let chain: GrapeChain;
let M = '';
let S = '';
let taskId: string;
let pendingSale: string; // the coop's sale to the farmer, made before the hold and not yet confirmed
let sampleId: string;
let alertId: string;
let orderId: string;
const notices: Notice[] = [];
let stopListening: () => void = () => {};
let closeNotifier: () => Promise<void> = async () => {};

const METHOD = 'GB 23200.121-2021';
const thiamethoxam = (value: number) => ({ analyteCode: 'thiamethoxam', methodStandard: METHOD, value, unit: 'mg/kg', lod: 0.005 });
const statusOf = async (id: string) => (await batchState(t, id)).status;
const tokenOf = async (c: Client) => (await c.get('/api/v1/registry/my-subject/identity')).json().token as string;
const subjectIdOf = async (c: Client) => (await c.get('/api/v1/registry/my-subject')).json().id as string;

async function failingSample(code: string, value = 2.5): Promise<string> {
  const res = await lab.post('/api/v1/monitoring/samples', sampleBody(taskId, { code, placeKind: 'wholesale_market', placeName: '寿光农产品物流园' }));
  expect(res.statusCode, res.body).toBe(201);
  expect((await lab.post(`/api/v1/monitoring/samples/${res.json().id}/receive`, {})).statusCode).toBe(200);
  const approved = await reviewAndApprove(team, await lab.post(`/api/v1/monitoring/samples/${res.json().id}/results`, { results: [thiamethoxam(value)] }));
  expect(approved.statusCode, approved.body).toBe(200);
  return res.json().id;
}

async function countyAlertOf(sample: string, who = county): Promise<string> {
  const items = (await who.get('/api/v1/monitoring/alerts')).json().items as { id: string; sampleId: string }[];
  return items.find((a) => a.sampleId === sample)!.id;
}

beforeAll(async () => {
  t = await createTestApp();
  [coop, farmer, county, law, lab] = await loginAll(t, ['sg-coop', 'sg-farmer', 'sg-admin', 'sg-law-admin', 'sg-lab-admin'] as const);
  chain = await grapeChain(t, coop, farmer);
  // The farmer as a registered market: the coop enters 50 kg into it by scanning its identity.
  const entry = await coop.post('/api/v1/trace/market-entries', { batchId: chain.A, quantity: 50, unit: 'kg', market: { kind: 'retail', token: await tokenOf(farmer) } });
  expect(entry.statusCode, entry.body).toBe(201);
  M = entry.json().buyerBatchId;
  const stall = await farmer.post('/api/v1/trace/trades', { batchId: M, quantity: 10, unit: 'kg', buyer: { name: '王摊主' } });
  expect(stall.statusCode, stall.body).toBe(201);
  S = stall.json().buyerBatchId;
  const pending = await coop.post('/api/v1/trace/trades', { batchId: chain.A, buyerToken: await tokenOf(farmer), quantity: 5, unit: 'kg' });
  expect(pending.statusCode, pending.body).toBe(201);
  pendingSale = pending.json().id;
  taskId = (await publishSamplingTask(county, agencyIdOf(lab))).id;
  await accept(lab, taskId);
  team = await labTeam(t, lab, 'rc');
  const notifier = createNotifier(t.database);
  closeNotifier = () => notifier.close();
  stopListening = await notifier.subscribe(`subject:${await subjectIdOf(farmer)}`, (n) => notices.push(n));
});
afterAll(async () => {
  stopListening();
  await closeNotifier();
  await t?.close();
});

describe('a failed sample marks and pauses every batch of the producing batch’s recall list', () => {
  it('marks the producing batch and everything downstream held; the sampled batch failed', async () => {
    sampleId = await failingSample(chain.codes.K);
    expect(await statusOf(chain.K)).toBe('failed');
    for (const id of [chain.A, chain.B, chain.U, M, S]) expect(await statusOf(id)).toBe('held');
    const s = (await county.get(`/api/v1/monitoring/samples/${sampleId}`)).json();
    expect(s.holds).toEqual({ held: 6, released: 0, withdrawn: 0, recallOrderId: null });
    const via = await queryRows<{ batch_id: string; contact_via: string; market_subject_id: string | null }>(t.database.db, sql`SELECT batch_id, contact_via, market_subject_id FROM batch_holds WHERE sample_id = ${sampleId}`);
    const byBatch = Object.fromEntries(via.map((v) => [v.batch_id, v]));
    expect(byBatch[chain.A]!.contact_via).toBe('subject');
    expect(byBatch[chain.U]!.contact_via).toBe('phone');
    expect(byBatch[chain.K]!.contact_via).toBe('none');
    expect(byBatch[S]).toMatchObject({ contact_via: 'market', market_subject_id: await subjectIdOf(farmer) });
  });

  it('shows the mark on the holders’ pages, the public page (JSON and /t/) and in verify results', async () => {
    expect((await coop.get(`/api/v1/trace/batches/${chain.A}`)).json().status).toBe('held');
    expect((await farmer.get(`/api/v1/trace/batches/${chain.B}`)).json().status).toBe('held');
    const pub = (await t.anonymous.get(`/api/v1/public/trace/${chain.codes.U}`)).json();
    expect(pub.warnings.map((w: { code: string }) => w.code)).toContain('BATCH_HELD');
    expect(pub.warnings.find((w: { code: string }) => w.code === 'BATCH_HELD').message.zh).toContain('同源批次检测不合格');
    const page = await t.anonymous.get(`/t/${chain.codes.A}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('同源批次检测不合格');
    expect(page.body).not.toContain('自检合格');
    const verified = (await t.anonymous.post('/api/v1/public/trace/verify', { codes: [chain.codes.A, chain.codes.K] })).json().items;
    expect(verified.map((v: { warnings: string[] }) => v.warnings)).toEqual([['BATCH_HELD'], ['BATCH_FAILED']]);
  });

  it('refuses selling, market entry and processing of a held batch with a clear error, writing nothing', async () => {
    const sale = await refusedQuietly(t, async () => coop.post('/api/v1/trace/trades', { batchId: chain.A, buyerToken: await tokenOf(farmer), quantity: 10, unit: 'kg' }), 409, 'BATCH_HELD');
    expect(sale.message.zh).toContain('暂停销售');
    await refusedQuietly(t, () => farmer.post('/api/v1/trace/market-entries', { batchId: chain.B, quantity: 5, unit: 'kg', market: { kind: 'wholesale', name: '寿光农产品物流园' } }), 409, 'BATCH_HELD');
    await refusedQuietly(t, () => farmer.post('/api/v1/trace/trades', { batchId: M, quantity: 1, unit: 'kg', buyer: { name: '李顾客' } }), 409, 'BATCH_HELD');
    // A sale made before the hold is not received (confirmed) while the seller's batch is held.
    await refusedQuietly(t, () => farmer.post(`/api/v1/trace/trades/${pendingSale}/confirm`, {}), 409, 'BATCH_HELD');
  });
});

describe('the recall order', () => {
  it('is issued by the county supervision agency alerted, once; the enforcement agency may not', async () => {
    alertId = await countyAlertOf(sampleId);
    const lawAlert = await countyAlertOf(sampleId, law);
    const body = { kind: 'recall', instructions: '立即停止销售，召回并封存同批次葡萄，三日内上报处置数量', dueOn: '2026-12-10' };
    await refusedQuietly(t, () => law.post(`/api/v1/monitoring/alerts/${lawAlert}/recall-order`, body), 403, 'RECALL_NOT_ISSUER');
    await refusedQuietly(t, () => county.post(`/api/v1/monitoring/alerts/${alertId}/recall-order`, { ...body, kind: 'ban' }), 400, 'VALIDATION_FAILED');
    await refusedQuietly(t, () => farmer.post(`/api/v1/monitoring/alerts/${alertId}/recall-order`, body), 403, 'FORBIDDEN');
    const res = await county.post(`/api/v1/monitoring/alerts/${alertId}/recall-order`, body);
    expect(res.statusCode, res.body).toBe(201);
    const order = res.json();
    orderId = order.id;
    expect(order).toMatchObject({ sampleId, kind: 'recall', dueOn: '2026-12-10', closedAt: null, totals: { holders: 6, acknowledged: 0, reported: 0, unanswered: 6 } });
    expect(order.holders.find((h: { batchId: string }) => h.batchId === S)).toMatchObject({ contactVia: 'market', marketName: '张建国', answer: 'unanswered' });
    await refusedQuietly(t, () => county.post(`/api/v1/monitoring/alerts/${alertId}/recall-order`, body), 409, 'RECALL_ORDER_EXISTS');
    expect((await county.get(`/api/v1/monitoring/alerts/${alertId}`)).json().recallOrderId).toBe(orderId);
    // The enforcement agency alerted follows it; another county's does not see it.
    expect((await law.get(`/api/v1/monitoring/recall-orders/${orderId}`)).statusCode).toBe(200);
    const sichuan = await t.login('pd-admin');
    expect((await sichuan.get(`/api/v1/monitoring/recall-orders/${orderId}`)).statusCode).toBe(404);
  });

  it('reaches each holder through the notifier and in its console: its own batches, and those it reaches as a market operator', async () => {
    await expect.poll(() => notices.length).toBeGreaterThanOrEqual(3);
    expect(notices.every((n) => n.type === 'recall.notice')).toBe(true);
    const mine = (await farmer.get('/api/v1/monitoring/recall-notices')).json().items as { id: string; batchId: string; viaMarket: boolean; kind: string }[];
    expect(mine.map((n) => n.batchId).sort()).toEqual([chain.B, M, S].sort());
    expect(mine.find((n) => n.batchId === S)!.viaMarket).toBe(true);
    expect(new Set(notices.map((n) => n.id))).toEqual(new Set(mine.map((n) => n.id)));
    expect((await coop.get('/api/v1/monitoring/recall-notices')).json().items.map((n: { batchId: string }) => n.batchId)).toEqual([chain.A]);
    expect((await farmer.get('/api/v1/monitoring/recall-notices/unanswered')).json()).toEqual({ count: 3 });
  });

  it('a holder acknowledges once and reports quantities at most what was held; others’ notices are not its own', async () => {
    const notice = (await farmer.get('/api/v1/monitoring/recall-notices')).json().items.find((n: { batchId: string }) => n.batchId === chain.B);
    const report = { withdrawn: 20, destroyed: 15, returned: 5, note: '已下架封存，部分退回合作社' };
    await refusedQuietly(t, () => farmer.post(`/api/v1/monitoring/recall-notices/${notice.id}/report`, report), 409, 'NOTICE_NOT_ACKNOWLEDGED');
    await refusedQuietly(t, () => coop.post(`/api/v1/monitoring/recall-notices/${notice.id}/acknowledge`, {}), 404, 'RECALL_NOTICE_NOT_FOUND');
    await refusedQuietly(t, () => county.post(`/api/v1/monitoring/recall-notices/${notice.id}/acknowledge`, {}), 403, 'FORBIDDEN');
    const ack = await farmer.post(`/api/v1/monitoring/recall-notices/${notice.id}/acknowledge`, {});
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ answer: 'acknowledged', acknowledgedByName: expect.any(String) });
    // Acknowledging again (a retried request) answers the same and writes nothing.
    const audit = async () => (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_log`))[0]!.n;
    const before = await audit();
    const again = await farmer.post(`/api/v1/monitoring/recall-notices/${notice.id}/acknowledge`, {});
    expect(again.statusCode).toBe(200);
    expect(again.json().acknowledgedAt).toBe(ack.json().acknowledgedAt);
    expect(await audit()).toBe(before);
    // B held 50 kg when marked (100 received, 20 to the market, 30 to the restaurant).
    const over = await refusedQuietly(t, () => farmer.post(`/api/v1/monitoring/recall-notices/${notice.id}/report`, { withdrawn: 40, destroyed: 15, returned: 0 }), 422, 'RECALL_QUANTITY_EXCEEDS');
    expect(over.details).toMatchObject({ total: 55, held: 50 });
    await refusedQuietly(t, () => farmer.post(`/api/v1/monitoring/recall-notices/${notice.id}/report`, { withdrawn: 0, destroyed: 0, returned: 0 }), 400, 'VALIDATION_FAILED');
    const done = await farmer.post(`/api/v1/monitoring/recall-notices/${notice.id}/report`, report);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ answer: 'reported', withdrawn: 20, destroyed: 15, returned: 5 });
    expect((await farmer.get('/api/v1/monitoring/recall-notices/unanswered')).json()).toEqual({ count: 2 });
  });

  it('the county sees each holder’s answer, the totals and who has not answered, also as .xlsx', async () => {
    const order = (await county.get(`/api/v1/monitoring/recall-orders/${orderId}`)).json();
    expect(order.totals).toMatchObject({ holders: 6, acknowledged: 1, reported: 1, unanswered: 5 });
    expect(order.totals.byUnit).toEqual([{ unit: 'kg', held: expect.any(Number), withdrawn: 20, destroyed: 15, returned: 5 }]);
    const held = order.holders.reduce((s: number, h: { quantity: number }) => s + h.quantity, 0);
    expect(order.totals.byUnit[0].held).toBeCloseTo(held, 3);
    const res = await county.get(`/api/v1/monitoring/recall-orders/${orderId}.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['持有人', '合计', '未答复']);
    expect(wb.getWorksheet('持有人')!.rowCount).toBe(7);
    expect(wb.getWorksheet('未答复')!.rowCount).toBe(6);
    const codes = wb.getWorksheet('持有人')!.getColumn(1).values.slice(2);
    expect(codes).toContain(chain.codes.B);
  });

  it('the county releases the batches: selling resumes, the sampled batch stays failed, the order closes', async () => {
    const lawAlert = await countyAlertOf(sampleId, law);
    await refusedQuietly(t, () => law.post(`/api/v1/monitoring/alerts/${lawAlert}/release`, { note: '核查完毕' }), 403, 'RECALL_NOT_ISSUER');
    const res = await county.post(`/api/v1/monitoring/alerts/${alertId}/release`, { note: '核查完毕，其余批次未检出超标' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ released: 6 });
    for (const id of [chain.A, chain.B, chain.U, M, S]) expect(await statusOf(id)).toBe('active');
    expect(await statusOf(chain.K)).toBe('failed');
    const order = (await county.get(`/api/v1/monitoring/recall-orders/${orderId}`)).json();
    expect(order).toMatchObject({ closedHow: 'released', closeNote: '核查完毕，其余批次未检出超标' });
    const notice = (await farmer.get('/api/v1/monitoring/recall-notices')).json().items.find((n: { batchId: string }) => n.batchId === M);
    await refusedQuietly(t, () => farmer.post(`/api/v1/monitoring/recall-notices/${notice.id}/acknowledge`, {}), 409, 'RECALL_ORDER_CLOSED');
    await refusedQuietly(t, () => county.post(`/api/v1/monitoring/alerts/${alertId}/release`, { note: '再次解除' }), 409, 'NOTHING_HELD');
    const sale = await coop.post('/api/v1/trace/trades', { batchId: chain.A, buyerToken: await tokenOf(farmer), quantity: 10, unit: 'kg' });
    expect(sale.statusCode, sale.body).toBe(201);
    const confirmed = await farmer.post(`/api/v1/trace/trades/${pendingSale}/confirm`, {});
    expect(confirmed.statusCode, confirmed.body).toBe(200);
  });
});

describe('a correction to a pass withdraws the marks', () => {
  it('the batches are active again, the public warning goes, the open order closes as withdrawn', async () => {
    const product = (await coop.get('/api/v1/trace/products')).json().items[0].id;
    const a2 = await coop.post('/api/v1/trace/batches', { productId: product, quantity: 200, unit: 'kg', harvestDate: '2026-11-21', selfCheck: { result: 'pass' } });
    expect(a2.statusCode, a2.body).toBe(201);
    const sale = await coop.post('/api/v1/trace/trades', { batchId: a2.json().id, buyerToken: await tokenOf(farmer), quantity: 40, unit: 'kg' });
    const b2 = (await farmer.post(`/api/v1/trace/trades/${sale.json().id}/confirm`, {})).json().buyerBatchId as string;
    const b2Code = (await farmer.get(`/api/v1/trace/batches/${b2}`)).json().code as string;
    const id = await failingSample(b2Code);
    expect(await statusOf(a2.json().id)).toBe('held');
    expect(await statusOf(b2)).toBe('failed');
    const alert = await countyAlertOf(id);
    const order = await county.post(`/api/v1/monitoring/alerts/${alert}/recall-order`, { kind: 'withdraw', instructions: '立即下架同批次葡萄' });
    expect(order.statusCode, order.body).toBe(201);

    const corrected = await reviewAndApprove(team, await lab.post(`/api/v1/monitoring/samples/${id}/corrections`, { results: [thiamethoxam(0.25)], reason: '复核：稀释倍数录错' }));
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json().holds).toMatchObject({ held: 0, withdrawn: 2 });
    expect(await statusOf(a2.json().id)).toBe('active');
    expect(await statusOf(b2)).toBe('active');
    const pub = (await t.anonymous.get(`/api/v1/public/trace/${b2Code}`)).json();
    expect(pub.warnings.map((w: { code: string }) => w.code)).not.toContain('BATCH_HELD');
    expect(pub.warnings.map((w: { code: string }) => w.code)).not.toContain('BATCH_FAILED');
    expect((await county.get(`/api/v1/monitoring/recall-orders/${order.json().id}`)).json()).toMatchObject({ closedHow: 'withdrawn' });
  });
});
