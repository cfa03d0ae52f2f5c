import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, tableCounts } from '../../../../test/assertions.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { callSigned, type PartnerKey } from '../../../../test/partner.js';
import { residentId, uscc } from '../../../../test/subjects.js';
import { loginAll } from '../../../../test/supervision.js';
import { queryRows } from '../../../platform/db/rows.js';

// 数据交换 (issue 17 §2): a provincial platform (山东) pushes documents with its own ids, signed as a partner signs
// (test/partner.ts); the job applies each whole or not at all; its codes resolve everywhere a code is taken.

const WRITTEN = ['subjects', 'production_bases', 'products', 'batches', 'trades', 'batch_edges', 'batch_aliases', 'trace_codes', 'exchange_items', 'subject_status_events', 'public_chains'];

let t: TestApp;
let moa: Client;
let sd: Client;
let sc: Client;
let lab: Client;
let platform: { id: string };
let key: PartnerKey;
let marketKey: PartnerKey;

const push = (k: PartnerKey, body: unknown) => callSigned(t.app, k, { method: 'POST', url: '/api/v1/integration/documents', body });
const status = (id: string) => callSigned(t.app, key, { method: 'GET', url: `/api/v1/integration/documents/${id}` });
/** Runs the queue as a server's worker would, until nothing is due. */
async function drain() {
  while ((await t.app.jobRunner.tick()) > 0);
}

const LONG = `1.0.${uscc(9101)}.04.20261120083000.001`;
const farm = (n: number, over: Record<string, unknown> = {}) => ({
  id: `SD-S-${n}`,
  category: 0,
  orgForm: 0,
  name: `寿光交换合作社${n}`,
  industries: ['planting'],
  idKind: 'uscc',
  idNumber: uscc(9100 + n),
  legalRep: '王建国',
  phone: '13800138000',
  townshipCode: '370783100',
  address: '化龙镇裴岭村',
  lat: 36.87,
  lng: 118.64,
  approvedBy: '寿光市农业农村局',
  approvedOn: '2026-10-01',
  ...over,
});

const firstDocument = {
  documentId: 'SD-DOC-1',
  subjects: [farm(1), farm(2, { idKind: 'resident_id', orgForm: 1, idNumber: residentId(911), name: '李四' })],
  bases: [{ id: 'SD-B-1', subject: 'SD-S-1', name: '化龙镇 9 号大棚', regionCode: '370783100', address: '化龙镇裴岭村', lat: 36.87, lng: 118.64 }],
  products: [{ id: 'SD-P-1', subject: 'SD-S-1', name: '黄瓜', classCode: '04', spec: '散装', unit: 'kg' }],
  batches: [{ id: 'SD-L-1', product: 'SD-P-1', base: 'SD-B-1', quantity: 500, unit: 'kg', harvestDate: '2026-11-20', selfCheck: 'pass', variety: '粉果番茄', soilNote: '设施壤土', waterNote: '井水滴灌', codes: ['SD37-0000001'], longCode: LONG }],
  trades: [{ id: 'SD-T-1', batch: 'SD-L-1', buyer: 'SD-S-2', quantity: 120, codes: ['SD37-0000002'] }],
  marketEntries: [{ id: 'SD-M-1', batch: 'SD-L-1', market: { kind: 'wholesale', name: '寿光农产品物流园' }, quantity: 80, codes: ['SD37-0000003'] }],
};

beforeAll(async () => {
  t = await createTestApp();
  [moa, sd, sc, lab] = await loginAll(t, ['moa-admin', 'sd-admin', 'sc-admin', 'sg-lab-admin'] as const);
  const res = await moa.post('/api/v1/integration/clients', { name: '山东省农产品追溯平台', kind: 'provincial_platform', regions: ['37'], operations: ['integration.exchange', 'trace.graph'] });
  expect(res.statusCode, res.body).toBe(201);
  platform = res.json();
  const k = (await moa.post(`/api/v1/integration/clients/${platform.id}/keys`, {})).json();
  key = { keyId: k.key.id, secret: k.secret };
  // A market may not push (the kind is not given integration.exchange).
  const market = (await sd.post('/api/v1/integration/clients', { name: '潍坊市批发市场', kind: 'market', regions: ['3707'], operations: ['trace.graph'] })).json();
  const mk = (await sd.post(`/api/v1/integration/clients/${market.id}/keys`, {})).json();
  marketKey = { keyId: mk.key.id, secret: mk.secret };
}, 180_000);
afterAll(async () => t?.close());

describe('a provincial platform pushes a document', () => {
  let docId: string;

  it('is answered 202 queued, and the job applies every kind of item at once', async () => {
    const res = await push(key, firstDocument);
    expect(res.statusCode, res.body).toBe(202);
    docId = res.json().id;
    expect(res.json()).toMatchObject({ documentId: 'SD-DOC-1', state: 'queued', itemCount: 7, counts: { subjects: 2, bases: 1, products: 1, batches: 1, trades: 1, marketEntries: 1 } });
    await drain();
    const done = await status(docId);
    expect(done.json()).toMatchObject({ state: 'applied', appliedCount: 7, unchangedCount: 0, errorCount: 0, errors: [] });

    const [subject] = await queryRows<{ id: string; status: string; region_code: string; id_enc: string; id_shown: string; reason: string }>(
      t.database.db,
      sql`SELECT s.id, s.status, s.region_code, s.id_enc, s.id_shown, e.reason FROM subjects s JOIN subject_status_events e ON e.subject_id = s.id WHERE s.name = '李四'`,
    );
    // Registered as the province approved it, the ID number protected as registration protects it.
    expect(subject).toMatchObject({ status: 'active', region_code: '370783100', reason: 'exchange: 寿光市农业农村局 2026-10-01' });
    expect(subject!.id_enc).not.toContain(residentId(911));
    expect(subject!.id_shown).not.toBe(residentId(911));
    const [doc] = await queryRows<{ payload_enc: string | null }>(t.database.db, sql`SELECT payload_enc FROM exchange_documents WHERE id = ${docId}::uuid`);
    expect(doc!.payload_enc).toBeNull();

    const rows = await queryRows<{ source: string; code: string; stock: string; quantity: string; holder: string | null }>(
      t.database.db,
      sql`SELECT b.source, b.code, b.stock::text, b.quantity::text, b.holder->>'name' AS holder FROM batches b JOIN exchange_items i ON i.local_id = b.id WHERE i.client_id = ${platform.id}::uuid ORDER BY b.source`,
    );
    expect(rows.map((r) => [r.source, r.code[0], Number(r.stock), Number(r.quantity), r.holder])).toEqual([
      ['market_entry', '3', 80, 80, '寿光农产品物流园'],
      ['own', '1', 300, 500, null],
      ['purchase', '2', 120, 120, null],
    ]);
    // 品种 and 产地环境 pushed with the batch are recorded on it (issue 21 §3).
    const [origin] = await queryRows<{ variety: string; soil_note: string; water_note: string }>(
      t.database.db,
      sql`SELECT b.variety, b.soil_note, b.water_note FROM batches b JOIN exchange_items i ON i.local_id = b.id WHERE i.client_id = ${platform.id}::uuid AND b.source = 'own'`,
    );
    expect(origin).toEqual({ variety: '粉果番茄', soil_note: '设施壤土', water_note: '井水滴灌' });
    const aliases = await queryRows<{ alias: string; kind: string }>(t.database.db, sql`SELECT alias, kind FROM batch_aliases ORDER BY alias`);
    expect(aliases).toEqual([
      { alias: LONG, kind: 'national' },
      { alias: 'SD37-0000001', kind: 'province' },
      { alias: 'SD37-0000002', kind: 'province' },
      { alias: 'SD37-0000003', kind: 'province' },
    ]);
    const audit = await queryRows<{ action: string; n: number }>(
      t.database.db,
      sql`SELECT action, count(*)::int AS n FROM audit_log WHERE action LIKE 'integration.document%' OR (action = 'subject.register' AND after->>'via' = 'exchange') GROUP BY action ORDER BY action`,
    );
    expect(audit).toEqual([
      { action: 'integration.document_apply', n: 1 },
      { action: 'integration.document_receive', n: 1 },
      { action: 'subject.register', n: 2 },
    ]);
  });

  it('changes nothing on a resend, and leaves items sent before unchanged in a new document', async () => {
    const before = await tableCounts(t, [...WRITTEN, 'exchange_documents', 'jobs']);
    const again = await push(key, firstDocument);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ id: docId, state: 'applied' });
    await drain();
    expect(await tableCounts(t, [...WRITTEN, 'exchange_documents', 'jobs'])).toEqual(before);

    // The same items under a new document id: nothing written again; a new batch may name the product sent before.
    const res = await push(key, { ...firstDocument, documentId: 'SD-DOC-2', batches: [...firstDocument.batches, { id: 'SD-L-2', product: 'SD-P-1', quantity: 40, unit: 'kg', harvestDate: '2026-11-21' }] });
    expect(res.statusCode, res.body).toBe(202);
    await drain();
    expect((await status(res.json().id)).json()).toMatchObject({ state: 'applied', appliedCount: 1, unchangedCount: 7 });
    const after = await tableCounts(t, WRITTEN);
    expect(after.batches).toBe(before.batches! + 1);
    expect(after.subjects).toBe(before.subjects);
    expect(after.trades).toBe(before.trades);

    // The same id with another body is refused: a resend is the same document.
    expectError(await push(key, { ...firstDocument, products: [] }), 409, 'DOCUMENT_ID_REUSED');
  });
});

describe('foreign codes resolve wherever a code is taken', () => {
  let own: string;
  beforeAll(async () => {
    [{ code: own }] = await queryRows<{ code: string }>(t.database.db, sql`SELECT b.code FROM batch_aliases a JOIN batches b ON b.id = a.batch_id WHERE a.alias = 'SD37-0000001'`) as [{ code: string }];
  });

  it('answers the public API, the page and the bulk verify for the batch, saying which code it came through', async () => {
    const api = await t.anonymous.get('/api/v1/public/trace/SD37-0000001');
    expect(api.statusCode, api.body).toBe(200);
    expect(api.json()).toMatchObject({ code: own, resolvedFrom: { alias: 'SD37-0000001', kind: 'province' }, product: { name: '黄瓜' } });
    const long = await t.anonymous.get(`/api/v1/public/trace/${LONG}`);
    expect(long.json()).toMatchObject({ code: own, resolvedFrom: { alias: LONG, kind: 'national' } });
    // A direct look-up says nothing of aliases.
    expect((await t.anonymous.get(`/api/v1/public/trace/${own}`)).json().resolvedFrom ?? null).toBeNull();

    const page = await t.anonymous.get('/t/SD37-0000002');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('您查询的是省级追溯平台的追溯码 SD37-0000002，已对应到本平台的上述追溯码。');
    expect((await t.anonymous.get(`/t/${LONG}?lang=en`)).body).toContain(`You looked up the national long code ${LONG}`);

    const verify = await t.anonymous.post('/api/v1/public/trace/verify', { codes: ['SD37-0000003', own, 'SD37-9999999'] });
    expect(verify.statusCode, verify.body).toBe(200);
    expect(verify.json().items).toMatchObject([
      { code: 'SD37-0000003', result: 'valid', resolvedFrom: { alias: 'SD37-0000003', kind: 'province' } },
      { code: own, result: 'valid' },
      { code: 'SD37-9999999', result: 'invalid' },
    ]);
  });

  it('answers the batch look-up (sell, look up) and the sampling sheet for the batch', async () => {
    const byCode = await callSigned(t.app, key, { method: 'GET', url: '/api/v1/trace/batches/by-code/SD37-0000001' });
    expect(byCode.statusCode, byCode.body).toBe(200);
    expect(byCode.json()).toMatchObject({ code: own, resolvedFrom: { alias: 'SD37-0000001', kind: 'province' } });
    const facts = await lab.get('/api/v1/monitoring/facts?code=SD37-0000002');
    expect(facts.statusCode, facts.body).toBe(200);
    expect(facts.json()).toMatchObject({ codeType: 2, resolvedFrom: { alias: 'SD37-0000002', kind: 'province' } });
    expect(facts.json().chain.map((h: { code: string }) => h.code)).toContain(own);
  });
});

describe('refusals: nothing written, each with a stable code', () => {
  it('refuses a malformed document at once, naming the item and field, keeping nothing', async () => {
    const before = await tableCounts(t, [...WRITTEN, 'exchange_documents', 'jobs']);
    const res = await push(key, { documentId: 'SD-BAD', subjects: [farm(5, { lat: 'north' })] });
    const body = expectError(res, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(body.details)).toContain('lat');
    expectError(await push(key, { documentId: 'SD-EMPTY' }), 400, 'VALIDATION_FAILED');
    expectError(await push(marketKey, { documentId: 'SD-MKT', products: firstDocument.products }), 403, 'OUT_OF_SCOPE');
    expect(await tableCounts(t, [...WRITTEN, 'exchange_documents', 'jobs'])).toEqual(before);
  });

  it('refuses a whole document of 10,000 items for one bad item, and the report names it', async () => {
    const before = await tableCounts(t, WRITTEN);
    const subjects = Array.from({ length: 9_999 }, (_, i) => farm(1000 + i, { id: `BIG-S-${i}`, idNumber: uscc(200_000 + i) }));
    const bad = { id: 'BIG-P-1', subject: 'BIG-S-17', name: '番茄', classCode: '99999999', spec: '散装', unit: 'kg' };
    const res = await push(key, { documentId: 'SD-BIG', subjects, products: [bad] });
    expect(res.statusCode, res.body).toBe(202);
    await drain();
    const report = (await status(res.json().id)).json();
    expect(report).toMatchObject({ state: 'refused', itemCount: 10_000, appliedCount: 0, errorCount: 1 });
    expect(report.errors).toEqual([{ index: 0, kind: 'products', id: 'BIG-P-1', code: 'CLASS_UNKNOWN', field: 'classCode', message: { zh: '产品分类代码 99999999 不存在', en: 'There is no product class 99999999' } }]);
    expect(await tableCounts(t, WRITTEN)).toEqual(before);
  }, 240_000);

  it('reports a duplicate identity and an out-of-scope region, never merging', async () => {
    const before = await tableCounts(t, WRITTEN);
    const res = await push(key, {
      documentId: 'SD-CLASH',
      subjects: [farm(1, { id: 'SD-S-9' }), farm(3, { id: 'SD-S-10', townshipCode: '510117104' }), farm(4, { id: 'SD-S-11' }), farm(4, { id: 'SD-S-12' })],
    });
    await drain();
    const report = (await status(res.json().id)).json();
    expect(report.state).toBe('refused');
    expect(report.errors.map((e: { id: string; code: string }) => [e.id, e.code])).toEqual([
      ['SD-S-9', 'IDENTITY_REGISTERED'],
      ['SD-S-10', 'OUT_OF_SCOPE'],
      ['SD-S-12', 'IDENTITY_REPEATED'],
    ]);
    expect(await tableCounts(t, WRITTEN)).toEqual(before);
  });

  it('reports unknown references, a taken alias and a sale beyond the stock', async () => {
    const before = await tableCounts(t, WRITTEN);
    const res = await push(key, {
      documentId: 'SD-REFS',
      batches: [{ id: 'SD-L-9', product: 'NOPE', quantity: 1, unit: 'kg', harvestDate: '2026-11-20' }, { id: 'SD-L-10', product: 'SD-P-1', quantity: 5, unit: 'kg', harvestDate: '2026-11-20', codes: ['SD37-0000001'] }],
      marketEntries: [{ id: 'SD-M-9', batch: 'SD-L-1', market: { kind: 'retail', name: '潍坊菜市场' }, quantity: 300.001 }],
    });
    await drain();
    const report = (await status(res.json().id)).json();
    expect(report.errors.map((e: { id: string; code: string; field: string }) => [e.id, e.code, e.field])).toEqual([
      ['SD-L-9', 'REFERENCE_UNKNOWN', 'product'],
      ['SD-L-10', 'ALIAS_TAKEN', 'codes'],
      ['SD-M-9', 'STOCK_EXCEEDED', 'quantity'],
    ]);
    expect(await tableCounts(t, WRITTEN)).toEqual(before);
  });
});

describe('the agencies that see the client', () => {
  it('list its documents with their state and report; another province does not find the client', async () => {
    const list = await sd.get(`/api/v1/integration/clients/${platform.id}/documents`);
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as { documentId: string; state: string; errorCount: number }[];
    expect(items.map((d) => [d.documentId, d.state])).toEqual([
      ['SD-REFS', 'refused'],
      ['SD-CLASH', 'refused'],
      ['SD-BIG', 'refused'],
      ['SD-DOC-2', 'applied'],
      ['SD-DOC-1', 'applied'],
    ]);
    expect((await moa.get(`/api/v1/integration/clients/${platform.id}/documents?state=applied`)).json().items).toHaveLength(2);
    expectError(await sc.get(`/api/v1/integration/clients/${platform.id}/documents`), 404, 'CLIENT_NOT_FOUND');
  });
});
