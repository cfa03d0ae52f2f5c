import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../../platform/http/errors.js';
import { queryRows } from '../../../platform/db/rows.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { mod1110CheckDigit, mod1110Valid } from '../codes/check-digit.js';
import { describeCode } from '../codes/codes.js';
import { createPublicSubjects } from '../../registry/index.js';
import { issueTemporaryProductCode, markBatchTested, recallSnapshot, sampleFactsOfCode } from '../index.js';
import { createLookupCounter } from '../public/public-lookups.js';
import { lookupPublicTrace } from '../public/public-trace.service.js';

// What trace gives monitoring (issue 7): the facts a sampling sheet fills itself from, temporary product codes, the
// mark a judged sample leaves on its batch, and the recall list an alert keeps. A cooperative (sg-coop) grows
// tomatoes and sells to a registered farmer (sg-farmer), who sells on to a buyer recorded by hand and into a market.

let t: TestApp;
let coop: Client;
let farmer: Client;
let own: { id: string; code: string };
let purchase: { id: string; code: string };
let voucher: { id: string; code: string };
let manual: { id: string; code: string };
let productId: string;

const refusal = async (p: Promise<unknown>) => {
  const err = (await p.then(
    () => undefined,
    (e: unknown) => e,
  )) as AppError | undefined;
  expect(err, 'expected a refusal').toBeDefined();
  return { status: err!.status, code: err!.code, details: err!.details };
};

beforeAll(async () => {
  t = await createTestApp();
  coop = await t.login('sg-coop');
  farmer = await t.login('sg-farmer');
  const token = (await farmer.get('/api/v1/registry/my-subject/identity')).json().token;
  const base = (await coop.post('/api/v1/trace/bases', { name: '化龙镇 5 号大棚', regionCode: '370783100', address: '化龙镇裴岭村南 100 米', area: 8, areaUnit: 'mu', lat: 36.87, lng: 118.64 })).json();
  const product = (await coop.post('/api/v1/trace/products', { name: '寿光黄瓜', classCode: '04', spec: '散装', unit: 'kg' })).json();
  productId = product.id;
  own = (await coop.post('/api/v1/trace/batches', { productId: product.id, baseId: base.id, quantity: 300, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } })).json();
  const sale = (await coop.post('/api/v1/trace/trades', { batchId: own.id, buyerToken: token, quantity: 100, unit: 'kg' })).json();
  const confirmed = (await farmer.post(`/api/v1/trace/trades/${sale.id}/confirm`, {})).json();
  purchase = { id: confirmed.buyerBatchId, code: confirmed.buyerBatchCode };
  const entry = (await farmer.post('/api/v1/trace/market-entries', { batchId: purchase.id, quantity: 40, unit: 'kg', market: { kind: 'wholesale', name: '寿光农产品物流园', address: '寿光市文圣街 8 号', stall: 'B-3' } })).json();
  voucher = { id: entry.buyerBatchId, code: entry.buyerBatchCode };
  const sold = (await farmer.post('/api/v1/trace/trades', { batchId: purchase.id, quantity: 5, unit: 'kg', buyer: { name: '王小明', phone: '13698765432', address: '寿光市圣城街道 12 号' } })).json();
  manual = { id: sold.buyerBatchId, code: sold.buyerBatchCode };
  expect([own.code, purchase.code, voucher.code, manual.code].every(Boolean)).toBe(true);
});
afterAll(async () => t?.close());

/** The long code (追溯长码) of a batch: type, the holder's category and identity as shown, class, second (China time), 001. */
async function longCodeOf(batchId: string): Promise<string> {
  const [r] = await queryRows<{ code: string; category: number; id_shown: string; class_code: string; stamp: string }>(
    t.database.db,
    sql`SELECT b.code, s.category, s.id_shown, p.class_code, to_char(b.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDDHH24MISS') AS stamp
        FROM batches b JOIN subjects s ON s.id = b.subject_id JOIN products p ON p.id = b.product_id WHERE b.id = ${batchId}`,
  );
  return `${r!.code[0]}.${r!.category}.${r!.id_shown.padStart(18, '0')}.${r!.class_code}.${r!.stamp}.001`;
}

describe('sampleFactsOfCode', () => {
  it('fills a sheet from a batch two trades downstream: product, class, holder, the producer’s county and the chain nearest first', async () => {
    const f = await sampleFactsOfCode(t.database.db, manual.code);
    expect(f).toMatchObject({ code: manual.code, codeType: 2, batchId: manual.id, productName: '寿光黄瓜', classCode: '04', subjectId: null, subjectName: '王**', originRegion: '370783' });
    expect(f.classZh.length).toBeGreaterThan(0);
    expect(f.chain.map((h) => [h.code, h.source, h.subjectName])).toEqual([
      [manual.code, 'purchase', '王**'],
      [purchase.code, 'purchase', '张建国'],
      [own.code, 'own', '寿光市化龙镇绿源蔬菜专业合作社'],
    ]);
    expect(f.chain.every((h) => /^\d{6,12}$/.test(h.regionCode) && !Number.isNaN(Date.parse(h.at)))).toBe(true);
    // Public-level facts: no phone, no street address, no full name of a person recorded by hand.
    const text = JSON.stringify(f);
    for (const secret of ['13698765432', '王小明', '圣城街道', '13905360002', '裴岭村']) expect(text).not.toContain(secret);
  });

  it('fills a sheet from a market-entry voucher, with the market as its holder', async () => {
    const f = await sampleFactsOfCode(t.database.db, voucher.code);
    expect(f).toMatchObject({ code: voucher.code, codeType: 3, batchId: voucher.id, subjectName: '寿光农产品物流园', originRegion: '370783' });
    expect(f.chain.map((h) => h.code)).toEqual([voucher.code, purchase.code, own.code]);
  });

  it('fills a sheet from a long code, a credit code’s or a resident ID’s, mapped to its short code', async () => {
    const coopLong = await longCodeOf(own.id);
    const f = await sampleFactsOfCode(t.database.db, coopLong);
    expect(f).toMatchObject({ code: own.code, codeType: 1, batchId: own.id, subjectName: '寿光市化龙镇绿源蔬菜专业合作社', originRegion: '370783' });
    expect(f.chain).toHaveLength(1);
    // A person's long code carries the ID number in full: it is matched to the number as lists show it (masked).
    const shown = await longCodeOf(purchase.id);
    expect(shown).toMatch(/^2\.0\.\d{4}\*{10}\d{3}[\dX]\.04\.\d{14}\.001$/);
    const farmerLong = shown.replace('**********', '8319750315');
    expect(describeCode(farmerLong).kind).toBe('long');
    expect((await sampleFactsOfCode(t.database.db, farmerLong))).toMatchObject({ code: purchase.code, codeType: 2, batchId: purchase.id, subjectName: '张建国', originRegion: '370783' });
    // The second one of that second, or another class, is no batch.
    expect(await refusal(sampleFactsOfCode(t.database.db, coopLong.replace(/\.001$/, '.002')))).toMatchObject({ status: 404, code: 'CODE_UNKNOWN' });
    expect(await refusal(sampleFactsOfCode(t.database.db, coopLong.replace('.04.', '.05.')))).toMatchObject({ status: 404, code: 'CODE_UNKNOWN' });
  });

  it('refuses a mistyped code (400, with the likely correction), a subject’s code (400) and an unknown or temporary code (404)', async () => {
    const wrongCheck = manual.code.slice(0, 19) + ((Number(manual.code[19]) + 1) % 10);
    expect(await refusal(sampleFactsOfCode(t.database.db, wrongCheck))).toMatchObject({ status: 400, code: 'CODE_INVALID', details: { problem: 'CHECK_DIGIT', suggestion: manual.code } });
    expect(await refusal(sampleFactsOfCode(t.database.db, '12345'))).toMatchObject({ status: 400, code: 'CODE_INVALID', details: { problem: 'WRONG_LENGTH' } });
    expect(await refusal(sampleFactsOfCode(t.database.db, 'tomato'))).toMatchObject({ status: 400, code: 'CODE_INVALID', details: { problem: 'NOT_A_CODE' } });
    expect(await refusal(sampleFactsOfCode(t.database.db, '2.91370783MA3C000010.00000'))).toMatchObject({ status: 400, code: 'CODE_INVALID' });
    const body = `2370783${'9'.repeat(12)}`;
    expect(await refusal(sampleFactsOfCode(t.database.db, body + mod1110CheckDigit(body)))).toMatchObject({ status: 404, code: 'CODE_UNKNOWN', details: { issued: false } });
    const temporary = await issueTemporaryProductCode(t.database.db, t.config.secretKey, '370783');
    expect(await refusal(sampleFactsOfCode(t.database.db, temporary))).toMatchObject({ status: 404, code: 'CODE_UNKNOWN', details: { issued: true } });
  });
});

describe('issueTemporaryProductCode', () => {
  it('issues type-5 codes of the county with a valid check digit, each once, recorded as issued', async () => {
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push(await issueTemporaryProductCode(t.database.db, t.config.secretKey, '370783'));
    for (const c of codes) {
      expect(c).toMatch(/^5370783\d{13}$/);
      expect(mod1110Valid(c)).toBe(true);
      expect(describeCode(c)).toMatchObject({ kind: 'product', type: 5, typeName: { zh: '产品临时码' }, county: '370783' });
    }
    expect(new Set(codes).size).toBe(5);
    const rows = await queryRows<{ code: string; type: number; batch_id: string | null }>(t.database.db, sql`SELECT code, type, batch_id FROM trace_codes WHERE code = ANY(${`{${codes.join(',')}}`}::text[])`);
    expect(rows.map((r) => [Number(r.type), r.batch_id])).toEqual(codes.map(() => [5, null]));
    // Its public page (the sampling sheet's QR) says what it is, as a 404.
    const page = await t.app.inject({ method: 'GET', url: `/t/${codes[0]}` });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('抽样时为无追溯码产品赋予的产品临时码');
  });
});

describe('markBatchTested', () => {
  const state = async (id: string) => (await queryRows<{ status: string; tested_at: unknown }>(t.database.db, sql`SELECT status, tested_at FROM batches WHERE id = ${id}`))[0]!;

  it('stamps a pass without changing the status, marks a failure, and never un-recalls', async () => {
    await markBatchTested(t.database.db, voucher.id, 'pass');
    expect(await state(voucher.id)).toMatchObject({ status: 'active', tested_at: expect.anything() });
    await t.database.db.transaction(async (tx) => markBatchTested(tx, voucher.id, 'fail'));
    expect((await state(voucher.id)).status).toBe('failed');
    // A later pass of another sample leaves the failure standing.
    await markBatchTested(t.database.db, voucher.id, 'pass');
    expect((await state(voucher.id)).status).toBe('failed');
    await t.database.db.execute(sql`UPDATE batches SET status = 'recalled' WHERE id = ${manual.id}`);
    await markBatchTested(t.database.db, manual.id, 'fail');
    expect(await state(manual.id)).toMatchObject({ status: 'recalled', tested_at: expect.anything() });
    await t.database.db.execute(sql`UPDATE batches SET status = 'active', tested_at = NULL WHERE id IN (${voucher.id}, ${manual.id})`);
  });

  it('refuses a batch that does not exist', async () => {
    expect(await refusal(markBatchTested(t.database.db, '00000000-0000-4000-8000-000000000000', 'fail'))).toMatchObject({ status: 404, code: 'BATCH_NOT_FOUND' });
  });
});

describe('recallSnapshot', () => {
  it('lists every downstream holder nearest first, without phones, and the total', async () => {
    const snap = await recallSnapshot(t.database.db, own.id, 100);
    expect(snap.total).toBe(3);
    expect(snap.holders.map((h) => [h.code, h.depth, h.holderName, h.quantity, h.unit])).toEqual([
      [purchase.code, 1, '张建国', 100, 'kg'],
      [voucher.code, 2, '寿光农产品物流园', 40, 'kg'],
      [manual.code, 2, '王小明', 5, 'kg'],
    ]);
    expect(snap.holders.every((h) => h.regionCode.startsWith('370783'))).toBe(true);
    expect(JSON.stringify(snap)).not.toMatch(/1369876|1390536/);
  });

  it('keeps the nearest `max` when there are more, with the whole count', async () => {
    const snap = await recallSnapshot(t.database.db, own.id, 1);
    expect(snap.holders.map((h) => h.code)).toEqual([purchase.code]);
    expect(snap.total).toBe(3);
    expect(await recallSnapshot(t.database.db, manual.id, 10)).toEqual({ holders: [], total: 0 });
  });

  it('refuses a batch that does not exist', async () => {
    expect(await refusal(recallSnapshot(t.database.db, '00000000-0000-4000-8000-000000000000', 10))).toMatchObject({ status: 404, code: 'BATCH_NOT_FOUND' });
  });
});

describe('the public look-up and monitoring results', () => {
  it('asks the injected provider nothing while no batch of the chain was tested, then for the tested batches only', async () => {
    const asked: string[][] = [];
    const deps = {
      db: t.database.db,
      config: t.config,
      lookups: createLookupCounter(t.database.db, () => undefined),
      subjects: createPublicSubjects(t.database.db, 0),
      monitoringResults: async (_db: unknown, ids: string[]) => {
        asked.push(ids);
        return [];
      },
    };
    try {
      expect(await lookupPublicTrace(deps, voucher.code)).toMatchObject({ kind: 'found', facts: { monitoring: [] } });
      expect(asked).toEqual([]);
      await markBatchTested(t.database.db, own.id, 'pass');
      await lookupPublicTrace(deps, voucher.code);
      expect(asked).toEqual([[own.id]]);
      // A chain the tested batch is not part of still asks nothing.
      const other = (await coop.post('/api/v1/trace/batches', { productId, quantity: 10, unit: 'kg', harvestDate: '2026-11-21', selfCheck: { result: 'pass' } })).json();
      expect(await lookupPublicTrace(deps, other.code)).toMatchObject({ kind: 'found' });
      expect(asked).toHaveLength(1);
    } finally {
      await t.database.db.execute(sql`UPDATE batches SET tested_at = NULL WHERE id = ${own.id}`);
      await deps.lookups.close();
    }
  });
});
