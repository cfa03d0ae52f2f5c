import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db/rows.js';
import { createPii } from '../../../platform/pii/pii.js';
import { expectError } from '../../../../test/assertions.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { mod1110CheckDigit } from '../codes/check-digit.js';
import { createLookupCounter } from './public-lookups.js';
import { expectPublicChainsMatchTheGraph } from '../../../../test/public-chains.js';

// 消费查询: a producer in 化龙镇 (sg-coop) grows tomatoes on a base, prints a certificate and sells to a registered
// buyer (sg-farmer), who sells on to a buyer recorded by hand and into a market. Anyone then looks the codes up.

let t: TestApp;
let coop: Client;
let farmer: Client;
let batch: { id: string; code: string };
let purchase: { id: string; code: string };
let voucherCode: string;
let manualCode: string;
const GTIN = '06901234567892';

beforeAll(async () => {
  t = await createTestApp();
  coop = await t.login('sg-coop');
  farmer = await t.login('sg-farmer');
  const token = (await farmer.get('/api/v1/registry/my-subject/identity')).json().token;
  const base = (await coop.post('/api/v1/trace/bases', { name: '化龙镇 3 号大棚', regionCode: '370783100', address: '化龙镇裴岭村北 200 米', area: 12, areaUnit: 'mu', lat: 36.87, lng: 118.64 })).json();
  const product = (await coop.post('/api/v1/trace/products', { name: '寿光番茄', classCode: '04', spec: '5kg/箱', unit: 'kg', brand: '乐义', gtin: GTIN })).json();
  await t.database.db.execute(
    sql`INSERT INTO subject_certificates (subject_id, kind, number, products, issuer, valid_from, valid_to, status)
        SELECT s.id, 'green', 'LB-15-2401234567', '番茄', '中国绿色食品发展中心', '2026-01-01', '2028-12-31', 'verified' FROM subjects s JOIN users u ON u.subject_id = s.id WHERE u.username = 'sg-coop'`,
  );
  batch = (
    await coop.post('/api/v1/trace/batches', {
      productId: product.id,
      baseId: base.id,
      quantity: 500,
      unit: 'kg',
      harvestDate: '2026-11-20',
      inputs: [{ kind: 'pesticide', name: '阿维菌素', dose: 10, doseUnit: 'ml', appliedOn: '2026-11-01' }],
      selfCheck: { result: 'pass' },
      variety: '粉果番茄（金棚 1 号）',
      soilNote: '设施大棚壤土，pH 6.8',
      waterNote: '地下井水滴灌',
    })
  ).json();
  expect((await coop.get(`/api/v1/trace/batches/${batch.id}/certificate?format=pdf`)).statusCode).toBe(200);
  const sale = (await coop.post('/api/v1/trace/trades', { batchId: batch.id, buyerToken: token, quantity: 100, unit: 'kg', carrier: { company: '寿光物流', plate: '鲁G12345', driver: '李师傅', phone: '13812345678' } })).json();
  const confirmed = (await farmer.post(`/api/v1/trace/trades/${sale.id}/confirm`, {})).json();
  purchase = { id: confirmed.buyerBatchId, code: confirmed.buyerBatchCode };
  const entry = await farmer.post('/api/v1/trace/market-entries', { batchId: purchase.id, quantity: 40, unit: 'kg', market: { kind: 'wholesale', name: '寿光农产品物流园', address: '寿光市文圣街 8 号', stall: 'A-17' } });
  expect(entry.statusCode, entry.body).toBe(201);
  voucherCode = entry.json().buyerBatchCode;
  const manual = await farmer.post('/api/v1/trace/trades', { batchId: purchase.id, quantity: 5, unit: 'kg', buyer: { name: '王小明', phone: '13698765432', address: '寿光市圣城街道 12 号' } });
  manualCode = manual.json().buyerBatchCode;
});
afterAll(async () => t?.close());

describe('品种, 产地环境 and 承诺达标合格证 on the public page (issue 21 §3–§4)', () => {
  it('shows the origin batch’s variety and environment notes and lists the chain’s certificates without personal data', async () => {
    const issued = await coop.post(`/api/v1/trace/batches/${batch.id}/certificates`, { basis: 'entrusted_test', quantity: 50, testedItems: ['阿维菌素', '毒死蜱'] });
    expect(issued.statusCode, issued.body).toBe(201);
    const f = (await t.anonymous.get(`/api/v1/public/trace/${voucherCode}`)).json();
    expect(f.batch).toMatchObject({ variety: '粉果番茄（金棚 1 号）', soilNote: '设施大棚壤土，pH 6.8', waterNote: '地下井水滴灌' });
    expect(f.pledgeCertificates).toHaveLength(2);
    expect(f.pledgeCertificates[0]).toEqual({
      number: issued.json().number,
      batchCode: batch.code,
      issuerName: expect.any(String),
      issuerRole: 'producer',
      basis: 'entrusted_test',
      testedItems: ['阿维菌素', '毒死蜱'],
      quantity: 50,
      unit: 'kg',
      issuedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(f.pledgeCertificates[0].issuerName.length).toBeGreaterThan(1);
    const page = await t.anonymous.get(`/t/${voucherCode}`);
    for (const text of ['粉果番茄（金棚 1 号）', '地下井水滴灌', '承诺达标合格证', issued.json().number, '委托检测', '阿维菌素、毒死蜱']) expect(page.body).toContain(text);
    expect(page.body).not.toContain('13812345678');
    // A chain with no certified batch reads no certificate (and shows none).
    const product = (await farmer.post('/api/v1/trace/products', { name: '自种黄瓜', classCode: '04', spec: '散装', unit: 'kg' })).json();
    const plain = (await farmer.post('/api/v1/trace/batches', { productId: product.id, quantity: 10, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'none' } })).json();
    const none = (await t.anonymous.get(`/api/v1/public/trace/${plain.code}`)).json();
    expect(none.pledgeCertificates).toEqual([]);
    expect(none.batch).toMatchObject({ variety: null, soilNote: null, waterNote: null });
  });

  it('counts certificates issued, by basis and issuer, and their printed copies in the statistics, as a raw count of the register says', async () => {
    const officer = await t.login('sd-admin');
    const read = async () => (await officer.get('/api/v1/analytics/statistics?period=year')).json<{ current: Record<string, number>; breakdown: { measure: string; dim: string; n: number }[] }>();
    const raw = async () =>
      (
        await queryRows<{ issued: number; copies: number; entrusted: number }>(
          t.database.db,
          sql`SELECT count(*)::int AS issued, coalesce(sum(c.prints), 0)::int AS copies, count(*) FILTER (WHERE c.basis = 'entrusted_test')::int AS entrusted
                FROM certificates c JOIN batches b ON b.id = c.batch_id
               WHERE b.region_code LIKE '37%' AND date_trunc('year', (c.issued_at AT TIME ZONE 'Asia/Shanghai')) = date_trunc('year', (now() AT TIME ZONE 'Asia/Shanghai'))`,
        )
      )[0]!;
    const before = await read();
    const rawBefore = await raw();
    expect(before.current.pledgeCertificates).toBe(rawBefore.issued);
    expect(before.current.pledgeCertificateCopies).toBe(rawBefore.copies);
    // A reprint is a copy of the same record: copies grow, certificates do not.
    const number = (await coop.get(`/api/v1/trace/batches/${batch.id}/certificates`)).json().issued[0].number as string;
    expect((await coop.get(`/api/v1/trace/certificates/${number}/file?format=pdf&copies=3`)).statusCode).toBe(200);
    const after = await read();
    expect(after.current.pledgeCertificates).toBe(before.current.pledgeCertificates);
    expect(after.current.pledgeCertificateCopies).toBe(before.current.pledgeCertificateCopies! + 3);
    const rawAfter = await raw();
    expect(after.current.pledgeCertificateCopies).toBe(rawAfter.copies);
    expect(after.breakdown.find((r) => r.measure === 'cert_issued' && r.dim === 'entrusted_test')?.n).toBe(rawAfter.entrusted);
    expect(after.breakdown.find((r) => r.measure === 'cert_issuer' && r.dim === 'producer')?.n).toBe(rawAfter.issued);
    // Outside the register's province nothing is counted.
    expect((await (await t.login('sc-admin')).get('/api/v1/analytics/statistics?period=year')).json().current.pledgeCertificates).toBe(0);
  });
});

describe('the public page of a code', () => {
  it('shows the product, the producer with its certificate and pledge, the base township and the chain hop by hop', async () => {
    const res = await t.anonymous.get(`/api/v1/public/trace/${voucherCode}`);
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    expect(f).toMatchObject({
      code: voucherCode,
      codeType: { zh: '入市追溯凭证' },
      product: { name: '寿光番茄', spec: '5kg/箱', brand: '乐义', gtin: GTIN, classCode: '04' },
      batch: { source: 'market_entry', quantity: 40, unit: 'kg', harvestDate: '2026-11-20', base: { name: '化龙镇 3 号大棚', place: { regionCode: '370783100' } } },
      producers: [{ county: { regionCode: '370783' }, suspended: false, pledged: true, certificates: [{ kind: 'green', number: 'LB-15-2401234567', verified: true, valid: true }] }],
      warnings: [],
    });
    expect(f.batch.base.place.name).toContain('化龙镇');
    expect(f.batch.base.place.name).toContain('寿光市');
    expect(f.chain.map((h: { holderKind: string; hops: number }) => [h.holderKind, h.hops])).toEqual([
      ['producer', 2],
      ['buyer', 1],
      ['market', 0],
    ]);
    expect(f.chain[2]).toMatchObject({ holderName: '寿光农产品物流园', voucher: { marketKind: 'wholesale', stall: 'A-17' }, county: { name: expect.stringContaining('寿光市') } });

    const page = await t.anonymous.get(`/t/${voucherCode}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('public, max-age=60');
    for (const fact of ['寿光番茄', '化龙镇', 'LB-15-2401234567', '承诺达标合格证', '入市追溯凭证', 'A-17', '批发市场']) expect(page.body).toContain(fact);
    expect(page.body).not.toContain('<script');
    expect(Buffer.byteLength(page.body)).toBeLessThan(30_000);
    const en = await t.anonymous.get(`/t/${voucherCode}?lang=en`);
    expect(en.body).toContain('Chain of custody');
    expect(en.body).toContain('lang="en"');
  });

  it('lets no personal data out: no phone of a person, no identity number, no street address, for any field', async () => {
    const pii = createPii(t.config.secretKey);
    const stored = await queryRows<{ id_enc: string | null; phone_enc: string | null; address: string | null }>(t.database.db, sql`SELECT id_enc, phone_enc, address FROM subjects`);
    const secrets = stored.flatMap((s) => [s.id_enc && pii.decrypt(s.id_enc), s.phone_enc && pii.decrypt(s.phone_enc), s.address]).filter((v): v is string => !!v);
    secrets.push('13812345678', '13698765432', '寿光市圣城街道 12 号', '寿光市文圣街 8 号', '化龙镇裴岭村北 200 米', '王小明', '李师傅', '鲁G12345');
    expect(secrets.length).toBeGreaterThan(10);
    for (const code of [batch.code, purchase.code, voucherCode, manualCode]) {
      const json = (await t.anonymous.get(`/api/v1/public/trace/${code}`)).body;
      const page = (await t.anonymous.get(`/t/${code}`)).body;
      for (const s of secrets) {
        expect(json, `${code} JSON shows ${s}`).not.toContain(s);
        expect(page, `${code} page shows ${s}`).not.toContain(s);
      }
    }
    const manual = (await t.anonymous.get(`/api/v1/public/trace/${manualCode}`)).json();
    expect(manual.chain.at(-1)).toMatchObject({ holderKind: 'person', holderName: '王**' });
  });

  it('warns of a mistyped code with the batch codes one digit away, and of an unknown code', async () => {
    const wrong = voucherCode.slice(0, 10) + ((Number(voucherCode[10]) + 1) % 10) + voucherCode.slice(11);
    const page = await t.anonymous.get(`/t/${wrong}`);
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('校验位不符');
    expect(page.body).toContain(`/t/${voucherCode}`);
    const api = await t.anonymous.get(`/api/v1/public/trace/${wrong}`);
    expectError(api, 400, 'CODE_INVALID');
    expect(api.json().details.suggestions).toEqual([voucherCode]);
    const body = `2370783${'9'.repeat(12)}`;
    const unknown = body + mod1110CheckDigit(body);
    expect((await t.anonymous.get(`/t/${unknown}`)).body).toContain('平台上没有这个追溯码');
    expectError(await t.anonymous.get(`/api/v1/public/trace/${unknown}`), 404, 'CODE_UNKNOWN');
    expect((await t.anonymous.get('/t/not-a-code')).statusCode).toBe(400);
  });

  it('warns when a producer is suspended and when a batch upstream failed a test or was recalled', async () => {
    const before = (await t.anonymous.get(`/api/v1/public/trace/${manualCode}`)).json();
    expect(before.warnings).toEqual([]);
    await t.database.db.execute(sql`UPDATE batches SET status = 'failed' WHERE id = ${batch.id}`);
    await t.database.db.execute(sql`UPDATE subjects SET status = 'suspended' WHERE id = (SELECT subject_id FROM users WHERE username = 'sg-coop')`);
    try {
      const after = (await t.anonymous.get(`/api/v1/public/trace/${manualCode}`)).json();
      expect(after.warnings.map((w: { code: string }) => w.code).sort()).toEqual(['BATCH_FAILED', 'PRODUCER_SUSPENDED']);
      const page = (await t.anonymous.get(`/t/${manualCode}`)).body;
      expect(page).toContain('检测不合格');
      expect(page).toContain('已被暂停');
      await t.database.db.execute(sql`UPDATE batches SET status = 'recalled' WHERE id = ${purchase.id}`);
      expect((await t.anonymous.get(`/api/v1/public/trace/${voucherCode}`)).json().warnings.map((w: { code: string }) => w.code)).toContain('BATCH_RECALLED');
    } finally {
      await t.database.db.execute(sql`UPDATE batches SET status = 'active' WHERE id IN (${batch.id}, ${purchase.id})`);
      await t.database.db.execute(sql`UPDATE subjects SET status = 'active' WHERE id = (SELECT subject_id FROM users WHERE username = 'sg-coop')`);
    }
  });
});

describe('the public card of an electronic identity', () => {
  it('shows the subject\u2019s name, place, status and certificates, and no identity number or phone', async () => {
    const identity = (await coop.get('/api/v1/registry/my-subject/identity')).json();
    const card = await t.anonymous.get(`/e/${identity.token}`);
    expect(card.statusCode).toBe(200);
    for (const fact of ['绿源蔬菜专业合作社', '寿光市', '已在国家追溯平台注册', '绿色食品', 'LB-15-2401234567', '2028-12-31']) expect(card.body).toContain(fact);
    expect(card.body).not.toContain('<script');
    const pii = createPii(t.config.secretKey);
    const [own] = await queryRows<{ id_enc: string; phone_enc: string }>(t.database.db, sql`SELECT s.id_enc, s.phone_enc FROM subjects s JOIN users u ON u.subject_id = s.id WHERE u.username = 'sg-coop'`);
    expect(card.body).not.toContain(pii.decrypt(own!.id_enc));
    expect(card.body).not.toContain(pii.decrypt(own!.phone_enc));
  });
});

// The GS1 Digital Link resolver (/01/…) is tested clause by clause in resolver/resolver.test.ts.
describe('the bulk check', () => {
  it('checks up to 1,000 codes at once', async () => {
    const wrong = batch.code.slice(0, 19) + ((Number(batch.code[19]) + 1) % 10);
    const body = `2370783${'9'.repeat(12)}`;
    const res = await t.anonymous.post('/api/v1/public/trace/verify', { codes: [batch.code, voucherCode, wrong, body + mod1110CheckDigit(body), 'hello'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((i: { result: string; productName: string | null }) => [i.result, i.productName])).toEqual([
      ['valid', '寿光番茄'],
      ['valid', '寿光番茄'],
      ['invalid', null],
      ['unknown', null],
      ['invalid', null],
    ]);
    expectError(await t.anonymous.post('/api/v1/public/trace/verify', { codes: Array.from({ length: 1001 }, () => batch.code) }), 400, 'VALIDATION_FAILED');
    expectError(await t.anonymous.post('/api/v1/public/trace/verify', { codes: [] }), 400, 'VALIDATION_FAILED');
  });
});

describe('look-ups', () => {
  it('are counted without a write per look-up, and the page shows them with the first look-up', async () => {
    const first = (await t.anonymous.get(`/api/v1/public/trace/${manualCode}`)).json().lookups.count;
    for (let i = 0; i < 5; i++) await t.anonymous.get(`/t/${manualCode}`);
    const shown = (await t.anonymous.get(`/api/v1/public/trace/${manualCode}`)).json();
    expect(shown.lookups.count).toBe(first + 6);
    expect(new Date(shown.lookups.firstAt).getTime()).toBeLessThanOrEqual(Date.now());

    // The counter itself: a thousand look-ups of three codes are one statement, written when it flushes.
    const counter = createLookupCounter(t.database.db, (err) => {
      throw err;
    });
    const codes = [batch.code, purchase.code, voucherCode];
    const stored = async () => queryRows<{ code: string; count: number }>(t.database.db, sql`SELECT code, count FROM code_lookups WHERE code IN (${codes[0]}, ${codes[1]}, ${codes[2]}) ORDER BY code`);
    await counter.flush();
    const before = new Map((await stored()).map((r) => [r.code, Number(r.count)]));
    for (let i = 0; i < 999; i++) counter.count(codes[i % 3]!);
    expect(new Map((await stored()).map((r) => [r.code, Number(r.count)]))).toEqual(before);
    await counter.close();
    for (const r of await stored()) expect(Number(r.count)).toBe((before.get(r.code) ?? 0) + 333);
  });

  it('flags a code read far more often than its batch has units, as a sign of copied labels', async () => {
    await t.database.db.execute(sql`INSERT INTO code_lookups (code, count, first_at, last_at) VALUES (${manualCode}, 5000, now() - interval '3 days', now())
                                   ON CONFLICT (code) DO UPDATE SET count = 5000`);
    const f = (await t.anonymous.get(`/api/v1/public/trace/${manualCode}`)).json();
    expect(f.warnings.map((w: { code: string }) => w.code)).toEqual(['OFTEN_LOOKED_UP']);
    expect((await t.anonymous.get(`/t/${manualCode}`)).body).toContain('可能是复制的标签');
    const big = (await t.anonymous.get(`/api/v1/public/trace/${batch.code}`)).json();
    expect(big.warnings).toEqual([]);
  });
});

describe('the public chains kept for the public page', () => {
  it('hold, for every batch written above, exactly what a walk of the graph back from it finds', async () => {
    await expectPublicChainsMatchTheGraph(t);
  });
});
