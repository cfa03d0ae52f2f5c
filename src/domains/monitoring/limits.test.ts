import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/rows.js';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { tableCounts } from '../../../test/assertions.js';
import { loginAll } from '../../../test/supervision.js';
import { applicableLimit, analyteByCode, classPath } from './limits.js';
import { loadResidueLimits, readLimitsCsv } from './limits.loader.js';
import { residueLimits } from './schema.js';

// 限量匹配: the seeded limits (db/reference/residue-limits.csv, from ../shared/data/mrl-gb2763-subset.csv),
// found for a product by walking up the GB 2763 class tree; the lab bench's two lookups.

// ../shared beside the project (the steering repository's data, present on the developers' machines and in CI).
const SHARED = new URL('../../../../shared/data/mrl-gb2763-subset.csv', import.meta.url).pathname;
const REFERENCE = new URL('../../../db/reference/residue-limits.csv', import.meta.url);
const TABLES = ['analytes', 'residue_limits', 'audit_log'];

let t: TestApp;
let lab: Client;
let county: Client;
let producer: Client;

beforeAll(async () => {
  t = await createTestApp();
  [lab, county, producer] = await loginAll(t, ['sg-lab-admin', 'sg-admin', 'sg-coop'] as const);
});
afterAll(async () => t?.close());

const product = (classCode: string, classZh: string, productName = classZh) => ({ classCode, classZh, productName });

describe('the loaded tables', () => {
  it('hold every row of the reference file, column for column', async () => {
    const file = readLimitsCsv();
    expect(file).toHaveLength(191);
    const rows = await t.database.db.select().from(residueLimits).orderBy(residueLimits.id);
    // Each row is the file's row as its first version, under the file's id.
    expect(rows.map(({ id, analyteCode, commodityZh, classCode, animal, mrlMgPerKg, residueDefinition, standard, clause, sourceUrl, note, speciesZh, tissueZh }) => ({ id, analyteCode, commodityZh, classCode, animal, mrlMgPerKg, residueDefinition, standard, clause, sourceUrl, note, speciesZh, tissueZh }))).toEqual(file);
    expect(rows.every((r) => r.refId === r.id && r.version === 1 && r.origin === 'reference' && r.retiredAt === null)).toBe(true);
    const [{ n }] = (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM analytes`)) as [{ n: number }];
    expect(n).toBe(111);
  });

  // The repository's copy keeps every row and column of the shared file, adding only id, analyte_code and the
  // species and tissue of a veterinary limit (empty on the shared rows); the rows after it (42 on) are the
  // animal-product rows read for issue 21 (db/reference/README.md).
  it.skipIf(!existsSync(SHARED))('the reference file is the shared file with an id and an analyte code', () => {
    const shared = parse(readFileSync(SHARED), { columns: true }) as Record<string, string>[];
    const reference = parse(readFileSync(REFERENCE), { columns: true }) as Record<string, string>[];
    const copied = reference.slice(0, shared.length);
    expect(copied.map((r) => [r.species_zh, r.tissue_zh].join(''))).toEqual(shared.map(() => ''));
    expect(copied.map(({ id, analyte_code, species_zh, tissue_zh, ...rest }) => (void id, void analyte_code, void species_zh, void tissue_zh, rest))).toEqual(shared);
    expect(reference.map((r) => Number(r.id))).toEqual(reference.map((_, i) => i + 1));
  });

  it('loading again adds nothing, and supersedes a row edited in the database by the file’s as a new version', async () => {
    expect(await loadResidueLimits(t.database.db)).toBe(0);
    await t.database.db.update(residueLimits).set({ mrlMgPerKg: 99 }).where(eq(residueLimits.id, 13));
    expect(await loadResidueLimits(t.database.db)).toBe(1);
    const versions = await t.database.db.select().from(residueLimits).where(eq(residueLimits.refId, 13)).orderBy(residueLimits.version);
    // The edited row is kept, retired, as evidence; the live version is the file's again.
    expect(versions.map((v) => [v.version, v.mrlMgPerKg, v.retiredAt === null])).toEqual([
      [1, 99, false],
      [2, 5, true],
    ]);
  });

  it('marks the banned and stopped veterinary substances, and only them', async () => {
    expect(await analyteByCode(t.database.db, 'chloramphenicol')).toEqual({ code: 'chloramphenicol', nameZh: '氯霉素', nameEn: 'chloramphenicol', kind: 'vet_drug', banned: true });
    expect(await analyteByCode(t.database.db, 'procymidone')).toEqual({ code: 'procymidone', nameZh: '腐霉利', nameEn: 'procymidone', kind: 'pesticide', banned: false });
    expect(await analyteByCode(t.database.db, 'amantadine')).toBeNull();
    const banned = await queryRows<{ code: string }>(t.database.db, sql`SELECT code FROM analytes WHERE banned ORDER BY code`);
    expect(banned.map((r) => r.code)).toEqual([
      'antimony_potassium_tartrate',
      'calomel',
      'camahechlor',
      'carbadox',
      'carbofuran',
      'chloramphenicol',
      'chlordimeform',
      'cimaterol',
      'clenbuterol',
      'dapsone',
      'dienoestrol',
      'diethylstilbestrol',
      'furaltadone',
      'furazolidone_metabolite',
      'hexoestrol',
      'lindane',
      'lomefloxacin',
      'malachite_green',
      'melengestrol_acetate',
      'mercurous_acetate',
      'mercurous_nitrate',
      'methaqualone',
      'methyltestosterone',
      'nifurstyrenate_sodium',
      'nitrofurantoin_metabolite',
      'nitrofurazone_metabolite',
      'nitrovin',
      'norfloxacin',
      'ofloxacin',
      'pefloxacin',
      'pyridyl_mercurous_acetate',
      'ractopamine',
      'ronidazole',
      'salbutamol',
      'sodium_nitrophenolate',
      'sodium_pentachlorophenolate',
      'tinidazole',
      'trenbolone',
      'tryparsamile',
      'vancomycin',
      'zeranol',
    ]);
  });
});

describe('limits as printed in the standard', () => {
  // Each value, standard and clause as read in GB 2763.1-2022 (USDA FAS GAIN CH2023-0042 translation); the row of
  // ../shared/data/mrl-gb2763-subset.csv is named by its data line (line 1 is the header).
  const printed = [
    // line 14: 腐霉利,procymidone,,韭菜,03,5,…,GB 2763.1-2022,"4.46, Table 46" (p.27)
    { analyte: 'procymidone', product: product('03', '蔬菜', '韭菜'), mrl: 5, clause: '4.46, Table 46' },
    // line 9: 吡虫啉,imidacloprid,,猕猴桃,0504010201,2,…,"4.12, Table 12" (p.14)
    { analyte: 'imidacloprid', product: product('0504010201', '猕猴桃'), mrl: 2, clause: '4.12, Table 12' },
    // line 31: 噻虫嗪,thiamethoxam,,葡萄,0504010101,2,…,"4.78, Table 78" (p.40)
    { analyte: 'thiamethoxam', product: product('0504010101', '葡萄'), mrl: 2, clause: '4.78, Table 78' },
    // line 15: 甲氨基阿维菌素苯甲酸盐,emamectin benzoate,,豇豆,03,0.2,…,"4.49, Table 49" (p.28)
    { analyte: 'emamectin_benzoate', product: product('03', '蔬菜', '豇豆'), mrl: 0.2, clause: '4.49, Table 49' },
    // line 2: 阿维菌素,abamectin,,高粱,01,0.05,…,"4.5, Table 5" (p.11)
    { analyte: 'abamectin', product: product('01', '谷物', '高粱'), mrl: 0.05, clause: '4.5, Table 5' },
    // line 13: 多菌灵,carbendazim,,双孢蘑菇,10,10,…,"4.29, Table 29" (p.21)
    { analyte: 'carbendazim', product: product('10', '食用菌', '双孢蘑菇'), mrl: 10, clause: '4.29, Table 29' },
    // line 11: 啶虫脒,acetamiprid,,金银花(干),12,15,…,"4.25, Table 25" (p.19)
    { analyte: 'acetamiprid', product: product('12', '药用植物', '金银花(干)'), mrl: 15, clause: '4.25, Table 25' },
    // line 18: 氯氟氰菊酯,cyhalothrin,,香蕉,05,2,…,"4.66, Table 66" (p.35)
    { analyte: 'cyhalothrin', product: product('05', '水果', '香蕉'), mrl: 2, clause: '4.66, Table 66' },
  ];
  it.each(printed)('$analyte on $product.productName: $mrl mg/kg, GB 2763.1-2022 $clause', async ({ analyte, product: p, mrl, clause }) => {
    const limit = await applicableLimit(t.database.db, analyte, p);
    expect(limit).toMatchObject({ analyteCode: analyte, commodityZh: p.productName, mrlMgPerKg: mrl, standard: 'GB 2763.1-2022', clause });
    expect(limit!.sourceUrl).toBe('https://fas.usda.gov/data/china-national-food-safety-standard-maximum-residue-limits-112-pesticides-foods-released');
  });

  it('a banned veterinary substance: no number, the notice as its basis', async () => {
    // line 32: 氯霉素,chloramphenicol,,所有食品动物(所有可食组织),,,…,农业农村部公告第250号,食品动物中禁止使用的药品及其他化合物清单
    expect(await applicableLimit(t.database.db, 'chloramphenicol', product('05', '水果', '猪肉'))).toMatchObject({
      mrlMgPerKg: null,
      animal: true,
      classCode: null,
      standard: '农业农村部公告第250号',
      clause: '食品动物中禁止使用的药品及其他化合物清单',
      sourceUrl: 'http://www.51pingpong.com/magarc/show.php?itemid=4395',
    });
    // line 39: 洛美沙星 … 农业部公告第2292号
    expect(await applicableLimit(t.database.db, 'lomefloxacin', product('03', '蔬菜', '鸡蛋'))).toMatchObject({ mrlMgPerKg: null, standard: '农业部公告第2292号' });
  });
});

describe('the class tree walk', () => {
  const db = () => t.database.db;

  it('a class row applies to its class whatever the product is called', async () => {
    expect((await applicableLimit(db(), 'imidacloprid', product('0504010201', '猕猴桃', '红心猕猴桃')))?.mrlMgPerKg).toBe(2);
  });

  it('a product filed under a coarser class gets the class row of the commodity it names', async () => {
    expect(await applicableLimit(db(), 'imidacloprid', product('05', '水果', '猕猴桃'))).toMatchObject({ id: 8, mrlMgPerKg: 2 });
    expect(await applicableLimit(db(), 'imidacloprid', product('0504', '浆果和其他小型类水果', '猕猴桃'))).toMatchObject({ id: 8 });
    // but not from another category
    expect(await applicableLimit(db(), 'imidacloprid', product('03', '蔬菜', '猕猴桃'))).toBeNull();
  });

  it('a class row does not apply to its siblings or its parent', async () => {
    expect(await applicableLimit(db(), 'imidacloprid', product('0504010101', '葡萄'))).toBeNull();
    expect(await applicableLimit(db(), 'imidacloprid', product('05040102', '皮不可食小型攀缘类水果'))).toBeNull();
    expect(await applicableLimit(db(), 'imidacloprid', product('05', '水果'))).toBeNull();
  });

  it('a commodity filed under its category applies to a class below that category when the product is that commodity', async () => {
    // line 24: 噻虫嗪 on 甜椒 (filed under 03 蔬菜): a 甜椒 product classed as 辣椒 (03010201), three levels below.
    expect(await applicableLimit(db(), 'thiamethoxam', product('03010201', '辣椒', '甜椒'))).toMatchObject({ id: 23, commodityZh: '甜椒', mrlMgPerKg: 1 });
    // and not to any other vegetable of that category
    expect(await applicableLimit(db(), 'thiamethoxam', product('03010201', '辣椒', '朝天椒'))).toBeNull();
    expect(await applicableLimit(db(), 'procymidone', product('03010101', '番茄'))).toBeNull();
    // nor outside the category
    expect(await applicableLimit(db(), 'thiamethoxam', product('05', '水果', '甜椒'))).toBeNull();
  });

  it('matches a commodity typed with full-width brackets or spaces', async () => {
    expect((await applicableLimit(db(), 'acetamiprid', product('12', '药用植物', '金银花（鲜）')))?.mrlMgPerKg).toBe(5);
    expect((await applicableLimit(db(), 'acetamiprid', product('12', '药用植物', ' 金银花 (干) ')))?.mrlMgPerKg).toBe(15);
  });

  it('a category-wide row reaches every class below it, and the most specific row wins', async () => {
    // A limit for a whole group (浆果和其他小型类水果, 0504), added to this test's database only (not a real value).
    await db().insert(residueLimits).values({
      id: 9001,
      analyteCode: 'thiamethoxam',
      commodityZh: '浆果和其他小型类水果',
      classCode: '0504',
      mrlMgPerKg: 0.7,
      residueDefinition: 'test',
      standard: 'TEST',
      clause: 'test',
      sourceUrl: 'http://test.invalid/',
    });
    try {
      expect(await applicableLimit(db(), 'thiamethoxam', product('0504010201', '猕猴桃'))).toMatchObject({ id: 9001, mrlMgPerKg: 0.7 });
      expect(await applicableLimit(db(), 'thiamethoxam', product('0504', '浆果和其他小型类水果', '蓝莓'))).toMatchObject({ id: 9001 });
      // 葡萄 has its own row (line 31, 2 mg/kg): deeper wins.
      expect(await applicableLimit(db(), 'thiamethoxam', product('0504010101', '葡萄'))).toMatchObject({ id: 30, mrlMgPerKg: 2 });
      // Outside the group, nothing.
      expect(await applicableLimit(db(), 'thiamethoxam', product('050201', '苹果'))).toBeNull();
    } finally {
      await db().delete(residueLimits).where(eq(residueLimits.id, 9001));
    }
  });

  it('the path of a class is its code cut 2 digits a level', () => {
    expect(classPath('0504010201')).toEqual(['05', '0504', '050401', '05040102', '0504010201']);
    expect(classPath('03')).toEqual(['03']);
  });
});

describe('GET /api/v1/monitoring/analytes and /limits', () => {
  it('lists every analyte for the lab bench, banned ones marked', async () => {
    const res = await lab.get('/api/v1/monitoring/analytes');
    expect(res.statusCode, res.body).toBe(200);
    const { items } = res.json<{ items: { code: string; kind: string; banned: boolean }[] }>();
    expect(items).toHaveLength(111);
    expect(items[0]!.kind).toBe('pesticide');
    expect(items.find((a) => a.code === 'malachite_green')).toEqual({ code: 'malachite_green', nameZh: '孔雀石绿', nameEn: 'malachite green', kind: 'vet_drug', banned: true });
    // Any agency may read them (monitoring.read), not only labs.
    expect((await county.get('/api/v1/monitoring/analytes')).statusCode).toBe(200);
  });

  it('answers the applicable limit with its standard, clause and source', async () => {
    const res = await lab.get(`/api/v1/monitoring/limits?analyteCode=procymidone&classCode=03&productName=${encodeURIComponent('韭菜')}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      analyte: { code: 'procymidone', nameZh: '腐霉利', banned: false },
      classCode: '03',
      classZh: '蔬菜',
      limit: { id: expect.any(Number), mrlMgPerKg: 5, commodityZh: '韭菜', standard: 'GB 2763.1-2022', clause: '4.46, Table 46', sourceUrl: expect.stringContaining('fas.usda.gov'), note: expect.stringContaining('Chinese chives') },
    });
    // Without a product name the class's own name is matched: 猕猴桃.
    expect((await lab.get('/api/v1/monitoring/limits?analyteCode=imidacloprid&classCode=0504010201')).json().limit).toMatchObject({ mrlMgPerKg: 2, clause: '4.12, Table 12' });
  });

  it('answers null when no seeded limit applies (the lab must then give its own)', async () => {
    const res = await lab.get('/api/v1/monitoring/limits?analyteCode=procymidone&classCode=050201');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ classZh: '苹果', limit: null });
  });

  const refusedHere = async (who: Client, url: string, status: number, code: string) => {
    const before = await tableCounts(t, TABLES);
    const res = await who.get(url);
    expect(res.statusCode, res.body).toBe(status);
    const body = res.json<{ code: string; message: { zh: string; en: string }; details: Record<string, unknown> }>();
    expect(body.code).toBe(code);
    expect(body.message.zh.length * body.message.en.length).toBeGreaterThan(0);
    expect(await tableCounts(t, TABLES)).toEqual(before);
    return body;
  };

  it('refuses an unknown analyte, an unknown class and a malformed query', async () => {
    const unknown = await refusedHere(lab, '/api/v1/monitoring/limits?analyteCode=amantadine&classCode=03', 422, 'UNKNOWN_ANALYTE');
    expect(unknown.message.zh).toContain('amantadine');
    expect(unknown.details).toMatchObject({ analyteCode: 'amantadine' });
    const noClass = await refusedHere(lab, '/api/v1/monitoring/limits?analyteCode=procymidone&classCode=06', 422, 'UNKNOWN_PRODUCT_CLASS');
    expect(noClass.details).toMatchObject({ classCode: '06' });
    await refusedHere(lab, '/api/v1/monitoring/limits?analyteCode=procymidone&classCode=abc', 400, 'VALIDATION_FAILED');
    await refusedHere(lab, '/api/v1/monitoring/limits?classCode=03', 400, 'VALIDATION_FAILED');
    await refusedHere(lab, '/api/v1/monitoring/limits?analyteCode=procymidone&classCode=03&extra=1', 400, 'VALIDATION_FAILED');
  });

  it('refuses producers and anonymous callers', async () => {
    await refusedHere(producer, '/api/v1/monitoring/analytes', 403, 'FORBIDDEN');
    await refusedHere(producer, '/api/v1/monitoring/limits?analyteCode=procymidone&classCode=03', 403, 'FORBIDDEN');
    await refusedHere(t.anonymous, '/api/v1/monitoring/analytes', 401, 'UNAUTHENTICATED');
    await refusedHere(t.anonymous, '/api/v1/monitoring/limits?analyteCode=procymidone&classCode=03', 401, 'UNAUTHENTICATED');
  });
});
