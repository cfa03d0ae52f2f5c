import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { agencyIdOf, loginAll } from '../../../test/supervision.js';
import { readLimitsCsv } from './limits.loader.js';
import { accept, labTeam, publishSamplingTask, reviewAndApprove, sampleBody, type LabTeam } from './sampling.fixtures.js';

// 动物性食品的兽药残留判定: a pork sample tested for a veterinary drug of GB 31650 is judged, by species and tissue,
// against the sourced limit row that fits (db/reference/residue-limits.csv, db/reference/README.md): 氯丙嗪, which
// GB 31650-2019 allows for therapy but never in animal-derived food, and 克伦特罗, never in it at all (rows 42–45, class
// 13); and the numeric GB 31650-2019 rows read with their species and tissue (rows 46–81: 多拉菌素 猪 肌肉 5 μg/kg …).
// The rows of the superseded 农业部公告第235号 are left out (../shared/data/README.md). Branch `sourcing` adds the 21
// items of 农业农村部公告第250号 as read in the list itself (rows 82–115, class 13) and the other eight drugs GB
// 31650-2019 allows for therapy but never in animal-derived food (rows 116–123), two of them by species and tissue,
// and 68 GB 31650-2019 limits of 48 more drugs read in a third-party graph of the standard (rows 124–191).

let t: TestApp;
let lab: Client;
let team: LabTeam;
let taskId: string;

const sourced = readLimitsCsv();
const rowOf = (analyteCode: string, commodityZh: string) => sourced.find((r) => r.analyteCode === analyteCode && r.commodityZh === commodityZh)!;
const limitOf = async (query: string) => (await lab.get(`/api/v1/monitoring/limits?${query}`)).json().limit;

beforeAll(async () => {
  t = await createTestApp();
  const [county, labAdmin] = await loginAll(t, ['sg-admin', 'sg-lab-admin'] as const);
  lab = labAdmin;
  taskId = (await publishSamplingTask(county, agencyIdOf(lab), { title: '12 月畜禽产品兽药残留监测', productScope: '畜禽肉及副产品', content: '抽检辖区猪肉、猪肝兽药残留' })).id;
  await accept(lab, taskId);
  team = await labTeam(t, lab);
}, 120_000);
afterAll(async () => t?.close());

/** A received sample of a product entered by hand (a market stall's pork: no batch of ours). */
async function porkSample(productName: string, classCode: string): Promise<string> {
  const res = await lab.post('/api/v1/monitoring/samples', sampleBody(taskId, { placeKind: 'wholesale_market', placeName: '寿光农产品物流园', manual: { productName, classCode } }));
  expect(res.statusCode, res.body).toBe(201);
  expect((await lab.post(`/api/v1/monitoring/samples/${res.json().id}/receive`, {})).statusCode).toBe(200);
  return res.json().id;
}
const enter = async (id: string, results: object[]) => reviewAndApprove(team, await lab.post(`/api/v1/monitoring/samples/${id}/results`, { results }));

describe('the limit a lab is offered for an animal product', () => {
  it('for 氯丙嗪 is "not to be detected" in every animal product, and not a limit for vegetables', async () => {
    for (const classCode of ['130101', '130301', '130407', '1306']) {
      const limit = (await lab.get(`/api/v1/monitoring/limits?analyteCode=chlorpromazine&classCode=${classCode}`)).json().limit;
      expect(limit).toMatchObject({ id: rowOf('chlorpromazine', '动物性食品').id, mrlMgPerKg: null, standard: 'GB 31650-2019', classCode: '13' });
    }
    expect((await lab.get('/api/v1/monitoring/limits?analyteCode=chlorpromazine&classCode=03')).json().limit).toBeNull();
  });
});

describe('GB 31650-2019 limits by species and tissue', () => {
  it('finds the row whose species and tissue fit: an exact species, a list (牛/羊/猪/马), 所有食品动物, 可食组织 for any tissue', async () => {
    expect(await limitOf('analyteCode=doramectin&classCode=130101')).toMatchObject({ id: rowOf('doramectin', '猪 肌肉').id, mrlMgPerKg: 0.005, speciesZh: '猪', tissueZh: '肌肉' });
    expect(await limitOf('analyteCode=doramectin&classCode=130301')).toMatchObject({ id: rowOf('doramectin', '猪 肝').id, mrlMgPerKg: 0.1 });
    expect(await limitOf('analyteCode=doramectin&classCode=130306')).toMatchObject({ id: rowOf('doramectin', '羊 肾').id, mrlMgPerKg: 0.06 });
    expect(await limitOf('analyteCode=fenbendazole&classCode=130102')).toMatchObject({ id: rowOf('fenbendazole', '牛/羊/猪/马 肌肉').id, mrlMgPerKg: 0.1 });
    expect(await limitOf('analyteCode=albendazole&classCode=130201')).toMatchObject({ id: rowOf('albendazole', '所有食品动物 肌肉').id, mrlMgPerKg: 0.1 });
    expect(await limitOf('analyteCode=albendazole&classCode=130301')).toMatchObject({ id: rowOf('albendazole', '所有食品动物 肝').id, mrlMgPerKg: 5 });
    expect(await limitOf('analyteCode=destomycin_a&classCode=1302&species=chicken&tissue=liver')).toMatchObject({ id: rowOf('destomycin_a', '猪/鸡 可食组织').id, mrlMgPerKg: 2 });
  });

  it('has no limit where species or tissue do not fit, nor for a plant, nor where the species is unknown', async () => {
    // Doramectin in chicken, eprinomectin in pig, a goat (the source's 羊 is not read as covering goats).
    expect(await limitOf('analyteCode=doramectin&classCode=130201')).toBeNull();
    expect(await limitOf('analyteCode=eprinomectin&classCode=130101')).toBeNull();
    expect(await limitOf('analyteCode=doramectin&classCode=1301&species=goat&tissue=muscle')).toBeNull();
    expect(await limitOf('analyteCode=doramectin&classCode=04')).toBeNull();
    // 生乳: the class says milk, not the species; only 所有食品动物 fits.
    expect(await limitOf('analyteCode=doramectin&classCode=1306')).toBeNull();
    expect(await limitOf('analyteCode=albendazole&classCode=1306')).toMatchObject({ id: rowOf('albendazole', '所有食品动物 奶').id });
    expect((await lab.get('/api/v1/monitoring/limits?analyteCode=doramectin&classCode=130101&species=dragon')).statusCode).toBe(400);
  });

  it('judges a pork sample entered by hand by its class: 8 μg/kg of 多拉菌素 fails, 5 passes (equal is within the limit)', async () => {
    const over = await porkSample('冷鲜猪肉', '130101');
    const res = await enter(over, [{ analyteCode: 'doramectin', methodStandard: 'GB 31660.2', value: 8, unit: 'μg/kg', lod: 0.5 }]);
    expect(res.json().reports[0].results[0]).toMatchObject({ limitId: rowOf('doramectin', '猪 肌肉').id, limitMgPerKg: 0.005, verdict: 'fail' });
    const at = await porkSample('冷鲜猪肉', '130101');
    expect((await enter(at, [{ analyteCode: 'doramectin', methodStandard: 'GB 31660.2', value: 5, unit: 'μg/kg', lod: 0.5 }])).json()).toMatchObject({ verdict: 'pass' });
  });
});

describe('a pork sample judged against its sourced limit', () => {
  it('fails on any detection of 氯丙嗪, citing GB 31650-2019; not detected passes', async () => {
    const detected = await porkSample('冷鲜猪肉', '130101');
    const res = await enter(detected, [{ analyteCode: 'chlorpromazine', methodStandard: 'SN/T 2113', value: 0.8, unit: 'μg/kg', lod: 0.5 }]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().reports[0].results[0]).toMatchObject({ limitMgPerKg: null, detected: true, verdict: 'fail' });
    expect(res.json().reports[0].results[0].limitStandard).toContain('GB 31650-2019');
    const clean = await porkSample('冷鲜猪肉', '130101');
    expect((await enter(clean, [{ analyteCode: 'chlorpromazine', methodStandard: 'SN/T 2113', value: 0.3, unit: 'μg/kg', lod: 0.5 }])).json()).toMatchObject({ verdict: 'pass' });
  });

  it('fails on any detection of 克伦特罗 (瘦肉精), citing the list of illegal non-food substances', async () => {
    const id = await porkSample('冷鲜猪肉', '130101');
    const res = await enter(id, [{ analyteCode: 'clenbuterol', methodStandard: 'GB/T 22286', value: 1.2, unit: 'μg/kg', lod: 0.5 }]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().reports[0].results[0]).toMatchObject({ limitId: rowOf('clenbuterol', '动物性食品').id, limitMgPerKg: null, detected: true, verdict: 'fail' });
    expect(res.json().reports[0].results[0].limitStandard).toContain('整顿办函〔2010〕50号');
  });
});

describe('农业农村部公告第250号: the list of what food animals must never be given', () => {
  it('is the limit of every animal product for a listed substance, and of no plant', async () => {
    for (const classCode of ['130101', '130301', '130404', '1306'])
      expect(await limitOf(`analyteCode=diethylstilbestrol&classCode=${classCode}`)).toMatchObject({
        id: rowOf('diethylstilbestrol', '动物性食品').id,
        mrlMgPerKg: null,
        standard: '农业农村部公告第250号',
        clause: '食品动物中禁止使用的药品及其他化合物清单 序号19',
        classCode: '13',
      });
    expect(await limitOf('analyteCode=diethylstilbestrol&classCode=03')).toBeNull();
  });

  it('cites the list itself for an animal product where the shared subset cited it through a sampling table; a plant keeps the shared row', async () => {
    expect(await limitOf('analyteCode=chloramphenicol&classCode=130101')).toMatchObject({ id: rowOf('chloramphenicol', '动物性食品').id, clause: '食品动物中禁止使用的药品及其他化合物清单 序号7' });
    expect(await limitOf('analyteCode=chloramphenicol&classCode=03')).toMatchObject({ id: rowOf('chloramphenicol', '所有食品动物(所有可食组织)').id });
    // 孔雀石绿 was cited from the superseded 193号/235号 lists only; 250号 item 12 now applies to fish.
    expect(await limitOf('analyteCode=malachite_green&classCode=130401')).toMatchObject({ standard: '农业农村部公告第250号', clause: '食品动物中禁止使用的药品及其他化合物清单 序号12' });
  });

  it('fails a pork sample on any detection of 己烯雌酚, citing the list; below the LOD it passes', async () => {
    const detected = await porkSample('冷鲜猪肉', '130101');
    const res = await enter(detected, [{ analyteCode: 'diethylstilbestrol', methodStandard: '本实验室 LC-MS/MS 方法', value: 0.6, unit: 'μg/kg', lod: 0.5 }]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().reports[0].results[0]).toMatchObject({ limitId: rowOf('diethylstilbestrol', '动物性食品').id, limitMgPerKg: null, detected: true, verdict: 'fail' });
    expect(res.json().reports[0].results[0].limitStandard).toContain('农业农村部公告第250号');
    const clean = await porkSample('冷鲜猪肉', '130101');
    expect((await enter(clean, [{ analyteCode: 'diethylstilbestrol', methodStandard: '本实验室 LC-MS/MS 方法', value: 0.4, unit: 'μg/kg', lod: 0.5 }])).json()).toMatchObject({ verdict: 'pass' });
  });
});

describe('GB 31650-2019: the drugs allowed for therapy but never in animal-derived food, by species and tissue', () => {
  it('潮霉素B is not to be detected in any edible tissue of pigs and chickens (eggs included), and has no row for cattle or ducks', async () => {
    const row = rowOf('hygromycin_b', '猪/鸡 可食组织');
    for (const classCode of ['130101', '130301', '130304', '130201', '130501'])
      expect(await limitOf(`analyteCode=hygromycin_b&classCode=${classCode}`), classCode).toMatchObject({ id: row.id, mrlMgPerKg: null, speciesZh: '猪/鸡', tissueZh: '可食组织', standard: 'GB 31650-2019' });
    expect(await limitOf('analyteCode=hygromycin_b&classCode=1301&species=pig&tissue=fat')).toMatchObject({ id: row.id });
    expect(await limitOf('analyteCode=hygromycin_b&classCode=130102')).toBeNull();
    expect(await limitOf('analyteCode=hygromycin_b&classCode=130202')).toBeNull();
    expect(await limitOf('analyteCode=hygromycin_b&classCode=1306')).toBeNull();
  });

  it('塞拉嗪 is not to be detected in the milk of milk-producing animals, whatever the species, and has no row for meat', async () => {
    const row = rowOf('xylazine', '产奶动物 奶');
    expect(await limitOf('analyteCode=xylazine&classCode=1306')).toMatchObject({ id: row.id, mrlMgPerKg: null, speciesZh: '产奶动物', tissueZh: '奶' });
    expect(await limitOf('analyteCode=xylazine&classCode=1306&species=goat&tissue=milk')).toMatchObject({ id: row.id });
    expect(await limitOf('analyteCode=xylazine&classCode=130102')).toBeNull();
  });

  it('地西泮 and the other five without species are not to be detected in any animal product, and are no limit for a plant', async () => {
    for (const code of ['diazepam', 'dimetridazole', 'estradiol_benzoate', 'metronidazole', 'nandrolone_phenylpropionate', 'testosterone_propionate']) {
      expect(await limitOf(`analyteCode=${code}&classCode=130404`), code).toMatchObject({ id: rowOf(code, '动物性食品').id, mrlMgPerKg: null, classCode: '13' });
      expect(await limitOf(`analyteCode=${code}&classCode=05`), code).toBeNull();
    }
  });

  it('judges a pork sample by its species and tissue: 潮霉素B detected fails citing GB 31650-2019, below the LOD passes', async () => {
    const detected = await porkSample('冷鲜猪肉', '130101');
    const res = await enter(detected, [{ analyteCode: 'hygromycin_b', methodStandard: '本实验室 LC-MS/MS 方法', value: 2, unit: 'μg/kg', lod: 1 }]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().reports[0].results[0]).toMatchObject({ limitId: rowOf('hygromycin_b', '猪/鸡 可食组织').id, limitMgPerKg: null, detected: true, verdict: 'fail' });
    expect(res.json().reports[0].results[0].limitStandard).toContain('GB 31650-2019');
    const liver = await porkSample('猪肝', '130301');
    expect((await enter(liver, [{ analyteCode: 'hygromycin_b', methodStandard: '本实验室 LC-MS/MS 方法', value: 0.5, unit: 'μg/kg', lod: 1 }])).json()).toMatchObject({ verdict: 'pass' });
  });
});

describe('GB 31650-2019 limits of more drugs (rows 124–191), by species and tissue', () => {
  it('finds 恩诺沙星 for beef and 三氮脒 by tissue of cattle; no row for pork, for a tissue not read, or for a plant', async () => {
    expect(await limitOf('analyteCode=enrofloxacin&classCode=130102')).toMatchObject({ id: rowOf('enrofloxacin', '牛 肌肉').id, mrlMgPerKg: 0.1, speciesZh: '牛', tissueZh: '肌肉', standard: 'GB 31650-2019' });
    expect(await limitOf('analyteCode=diminazene&classCode=130302')).toMatchObject({ id: rowOf('diminazene', '牛 肝').id, mrlMgPerKg: 12 });
    expect(await limitOf('analyteCode=diminazene&classCode=130305')).toMatchObject({ id: rowOf('diminazene', '牛 肾').id, mrlMgPerKg: 6 });
    expect(await limitOf('analyteCode=diminazene&classCode=1306&species=cattle&tissue=milk')).toMatchObject({ id: rowOf('diminazene', '牛 奶').id, mrlMgPerKg: 0.15 });
    expect(await limitOf('analyteCode=enrofloxacin&classCode=130101')).toBeNull();
    expect(await limitOf('analyteCode=enrofloxacin&classCode=130302')).toBeNull();
    expect(await limitOf('analyteCode=enrofloxacin&classCode=03')).toBeNull();
    // 家禽 fits any poultry: 托曲珠利's 家禽 rows apply to duck meat.
    expect(await limitOf('analyteCode=toltrazuril&classCode=130202')).toMatchObject({ id: rowOf('toltrazuril', '家禽 肌肉').id, mrlMgPerKg: 0.1 });
  });

  it('judges a beef sample against 恩诺沙星 牛 肌肉 100 μg/kg: 120 fails, 100 passes', async () => {
    const over = await porkSample('冷鲜牛肉', '130102');
    const res = await enter(over, [{ analyteCode: 'enrofloxacin', methodStandard: 'GB/T 21312', value: 120, unit: 'μg/kg', lod: 1 }]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().reports[0].results[0]).toMatchObject({ limitId: rowOf('enrofloxacin', '牛 肌肉').id, limitMgPerKg: 0.1, verdict: 'fail' });
    expect(res.json().reports[0].results[0].limitStandard).toBe('GB 31650-2019 4.1');
    const at = await porkSample('冷鲜牛肉', '130102');
    expect((await enter(at, [{ analyteCode: 'enrofloxacin', methodStandard: 'GB/T 21312', value: 100, unit: 'μg/kg', lod: 1 }])).json()).toMatchObject({ verdict: 'pass' });
  });
});
