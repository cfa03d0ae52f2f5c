import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../../../test/assertions.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { agencyIdOf, loginAll } from '../../../../test/supervision.js';
// The failed lot is made as monitoring's own tests make it: the same sampling fixtures, not a copy of them.
// eslint-disable-next-line boundaries/imports
import { accept, grapeChain, labTeam, publishSamplingTask, reviewAndApprove, sampleBody, type GrapeChain } from '../../monitoring/sampling.fixtures.js';

// 市场监督管理 (issue 21 §3): 寿光's market regulator, registered by the county like a lab, reads the vouchers of the
// markets of 寿光 (the grape chain's wholesale market K), checks codes in bulk, changes nothing, and is alerted when a
// lot that entered its market fails. 郫都's regulator sees none of it.

let t: TestApp;
let coop: Client;
let farmer: Client;
let county: Client;
let lab: Client;
let regulator: Client;
let sichuanRegulator: Client;
let chain: GrapeChain;
const PASSWORD = 'Strong#Pass2026';

async function allocateRegulator(admin: Client, regionCode: string, level: string, username: string): Promise<Client> {
  const res = await admin.post('/api/v1/agencies', { name: `${regionCode}市场监督管理局`, kind: 'market', level, regionCode, account: { username, displayName: '市场监管', password: PASSWORD } });
  expect(res.statusCode, res.body).toBe(201);
  expect(res.json().agency).toMatchObject({ kind: 'market', department: 'agriculture' });
  const c = await t.login(username, PASSWORD);
  expect((await c.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'Changed#Pass2027' })).statusCode).toBe(204);
  return c;
}

beforeAll(async () => {
  t = await createTestApp();
  [coop, farmer, county, lab] = await loginAll(t, ['sg-coop', 'sg-farmer', 'sg-admin', 'sg-lab-admin'] as const);
  regulator = await allocateRegulator(county, '370783', 'county', 'sg-market-admin');
  sichuanRegulator = await allocateRegulator(await t.login('pd-admin'), '510117', 'county', 'pd-market-admin');
  chain = await grapeChain(t, coop, farmer);
});
afterAll(async () => t?.close());

type Voucher = { id: string; code: string; marketName: string; stall: string | null; sellerName: string; status: string; productName: string };

describe('a market regulator reads its region’s market-entry vouchers', () => {
  it('lists and opens the voucher of the market of 寿光, with market, stall, seller and product', async () => {
    const res = await regulator.get('/api/v1/market/vouchers');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: Voucher[]; total?: { value: number } }>().items;
    expect(items).toContainEqual(expect.objectContaining({ id: chain.K, code: chain.codes.K, marketName: '寿光农产品物流园', stall: 'A-12', productName: '巨峰葡萄', status: 'active' }));
    expect(items.every((v) => v.code.startsWith('3'))).toBe(true);
    const one = await regulator.get(`/api/v1/market/vouchers/${chain.K}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json<Voucher>().sellerName).not.toBe('');
    expect((await regulator.get(`/api/v1/market/vouchers?q=${encodeURIComponent('物流园')}`)).json<{ items: Voucher[] }>().items.map((v) => v.id)).toContain(chain.K);
    // Not a voucher: the farmer's purchase batch B is no market entry.
    expectError(await regulator.get(`/api/v1/market/vouchers/${chain.B}`), 404, 'BATCH_NOT_FOUND');
  });

  it('another region’s regulator sees none of them', async () => {
    expect((await sichuanRegulator.get('/api/v1/market/vouchers')).json<{ items: Voucher[] }>().items.map((v) => v.id)).not.toContain(chain.K);
    expectError(await sichuanRegulator.get(`/api/v1/market/vouchers/${chain.K}`), 404, 'BATCH_NOT_FOUND');
  });

  it('checks codes in bulk: each code’s batch and state, and whether it is a voucher of its markets', async () => {
    const res = await regulator.post('/api/v1/market/verify', { codes: [chain.codes.K, chain.codes.A, '12345'] });
    expect(res.statusCode, res.body).toBe(200);
    const [k, a, bad] = res.json<{ items: { code: string; result: string; batchCode: string | null; status: string | null; failed: boolean; inMyMarkets: boolean }[] }>().items;
    expect(k).toMatchObject({ code: chain.codes.K, result: 'valid', batchCode: chain.codes.K, status: 'active', failed: false, inMyMarkets: true });
    expect(a).toMatchObject({ result: 'valid', batchCode: chain.codes.A, inMyMarkets: false });
    expect(bad).toMatchObject({ result: 'invalid', batchCode: null, inMyMarkets: false });
  });

  it('changes nothing: no trace, registry, supervision or monitoring write is open to it', async () => {
    expect((await regulator.post('/api/v1/trace/market-entries', { batchId: chain.A, quantity: 1, unit: 'kg', market: { kind: 'retail', name: '某市场' } })).statusCode).toBe(403);
    expect((await regulator.post('/api/v1/registry/temporary-subjects', { category: 0, orgForm: 1, name: '某摊主', industries: ['planting'], regionCode: '370783100' })).statusCode).toBe(403);
    expect((await regulator.get('/api/v1/registry/subjects')).statusCode).toBe(403);
    expect((await regulator.get('/api/v1/supervision/tasks')).statusCode).toBe(403);
    const me = (await regulator.get('/api/v1/auth/me')).json<{ permissions: string[] }>();
    expect(me.permissions).toEqual(['agency.read', 'feedback.file', 'monitoring.alert_read', 'trace.graph', 'trace.market', 'user.manage', 'user.read']);
    // The county's other agencies do not read vouchers.
    expect((await county.get('/api/v1/market/vouchers')).statusCode).toBe(403);
  });
});

describe('a failed lot that entered its market', () => {
  it('alerts the regulator of the market’s region, which reads the alert but may not order a recall', async () => {
    const taskId = (await publishSamplingTask(county, agencyIdOf(lab))).id;
    await accept(lab, taskId);
    const team = await labTeam(t, lab, 'mk');
    const sample = await lab.post('/api/v1/monitoring/samples', sampleBody(taskId, { code: chain.codes.K, placeKind: 'wholesale_market', placeName: '寿光农产品物流园' }));
    expect(sample.statusCode, sample.body).toBe(201);
    expect((await lab.post(`/api/v1/monitoring/samples/${sample.json().id}/receive`, {})).statusCode).toBe(200);
    const approved = await reviewAndApprove(
      team,
      await lab.post(`/api/v1/monitoring/samples/${sample.json().id}/results`, { results: [{ analyteCode: 'thiamethoxam', methodStandard: 'GB 23200.121-2021', value: 2.5, unit: 'mg/kg', lod: 0.005 }] }),
    );
    expect(approved.statusCode, approved.body).toBe(200);
    const alerts = (await regulator.get('/api/v1/monitoring/alerts')).json<{ items: { id: string; sampleId: string }[] }>().items;
    const mine = alerts.find((a) => a.sampleId === sample.json().id);
    expect(mine, JSON.stringify(alerts)).toBeDefined();
    expect((await regulator.get(`/api/v1/monitoring/alerts/${mine!.id}`)).statusCode).toBe(200);
    expect((await regulator.post(`/api/v1/monitoring/alerts/${mine!.id}/recall-order`, { kind: 'recall', instructions: '召回' })).statusCode).toBe(403);
    expect((await sichuanRegulator.get('/api/v1/monitoring/alerts')).json<{ items: { sampleId: string }[] }>().items.map((a) => a.sampleId)).not.toContain(sample.json().id);
    // Its vouchers now say the goods' state, and so does the bulk check.
    const voucher = (await regulator.get(`/api/v1/market/vouchers/${chain.K}`)).json<Voucher>();
    expect(voucher.status).toBe('failed');
    const checked = (await regulator.post('/api/v1/market/verify', { codes: [chain.codes.K] })).json<{ items: { failed: boolean }[] }>().items;
    expect(checked[0]!.failed).toBe(true);
    expect((await regulator.get('/api/v1/market/vouchers?status=failed')).json<{ items: Voucher[] }>().items.map((v) => v.id)).toEqual([chain.K]);
  });
});
