import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { agencyIdOf, loginAll } from '../../../test/supervision.js';
import { readLimitsCsv } from './limits.loader.js';
import { accept, labTeam, publishSamplingTask, reviewAndApprove, sampleBody, type LabTeam } from './sampling.fixtures.js';

// 动物性食品的兽药残留判定: a pork sample tested for a veterinary drug of GB 31650 is judged, by species and tissue,
// against the sourced limit row of its class (db/reference/residue-limits.csv rows 42–45, db/reference/README.md):
// 氯丙嗪, which GB 31650-2019 allows for therapy but never in animal-derived food, and 克伦特罗, never in it at all.
// No numeric GB 31650-2019 limit could be read in a source, and values of the superseded 农业部公告第235号 are left out
// (../shared/data/README.md), so a numeric veterinary limit is the lab's own, cited (reference.test.ts).

let t: TestApp;
let lab: Client;
let team: LabTeam;
let taskId: string;

const sourced = readLimitsCsv();
const rowOf = (analyteCode: string, commodityZh: string) => sourced.find((r) => r.analyteCode === analyteCode && r.commodityZh === commodityZh)!;

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
