import { expect } from 'vitest';
import type { ReportOut, ResultOut, SampleOut } from '../src/domains/monitoring/contracts.js';
import { pdfText } from './pdf.js';

// A sample and its reports with every field filled, for the monitoring PDFs (pure renderers: no database).

export const REGION_NAMES = { '370783': '山东省潍坊市寿光市', '370783101': '山东省潍坊市寿光市圣城街道', '370702': '山东省潍坊市潍城区' };
/** What the routes pass: the public URL the QR leads to, and the names of the regions printed. */
export const PRINT_OPTIONS = { publicUrl: 'https://trace.example.cn', regionNames: REGION_NAMES };

/** The text of a PDF as read, white space removed (the reader breaks lines where the layout does). */
export const pdfWords = async (pdf: Buffer) => (await pdfText(pdf)).replace(/\s+/g, '');

/** Each fact is in the text. */
export function expectFacts(text: string, facts: string[]): void {
  for (const fact of facts) expect(text, fact).toContain(fact);
}

/** A cucumber sampled at a wholesale market, two trades downstream of the producing cooperative. */
export function printedSample(over: Partial<SampleOut> = {}): SampleOut {
  return {
    id: '0b9e6a52-7a55-4a8c-9d3c-2f0f4c1f6a01',
    sampleNo: 'JC3707832026110001',
    taskId: '5f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
    taskTitle: '2026年秋季蔬菜农药残留例行监测',
    taskKind: 'routine_monitoring',
    agencyId: '7e6d5c4b-3a29-4817-a6f5-e4d3c2b1a090',
    agencyName: '寿光市农产品质量安全检测中心',
    regionCode: '370783101',
    code: '23707830000004211175',
    codeType: 2,
    batchId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
    productName: '金银花（鲜）',
    classCode: '12',
    classZh: '药用植物',
    animal: {},
    subjectId: 'd4c3b2a1-0f9e-4d8c-b7a6-5f4e3d2c1b0a',
    subjectName: '寿光农产品物流园三区12号摊位',
    originRegion: '370783',
    chain: [
      { code: '23707830000004211175', subjectName: '寿光农产品物流园三区12号摊位', regionCode: '370783', at: '2026-11-20T01:10:00.000Z', source: 'purchase' },
      { code: '23707830000001182734', subjectName: '潍城区鲜达蔬菜批发部', regionCode: '370702', at: '2026-11-19T06:30:00.000Z', source: 'purchase' },
      { code: '13707830000000631208', subjectName: '寿光市化龙镇绿源蔬菜专业合作社', regionCode: '370783', at: '2026-11-18T23:00:00.000Z', source: 'own' },
    ],
    placeKind: 'wholesale_market',
    placeName: '寿光农产品物流园',
    quantity: 2.5,
    unit: '千克',
    sealNo: 'FY-2026-00317',
    witnesses: [
      { name: '王立新', role: '市场管理员' },
      { name: '赵敏', role: '摊主' },
    ],
    photos: ['8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d'],
    lat: 36.881234,
    lng: 118.731987,
    note: '样品分装两份，一份备检，冷藏运输。',
    samplerName: '李抽样',
    sampledAt: new Date('2026-11-20T02:30:00.000Z'),
    status: 'tested',
    receivedByName: '周收样',
    receivedAt: new Date('2026-11-20T06:05:00.000Z'),
    receivedNote: '封样完好',
    verdict: 'fail',
    judgedAt: new Date('2026-11-21T08:00:00.000Z'),
    reports: [],
    alerts: [],
    actions: [],
    holds: { held: 0, released: 0, withdrawn: 0, recallOrderId: null },
    ...over,
  };
}

/** A product sampled without a code: a temporary product code (type 5), no chain, no registered holder. */
export function temporarySample(): SampleOut {
  return printedSample({
    code: '53707830000000000420',
    codeType: 5,
    batchId: null,
    subjectId: null,
    subjectName: '圣城街道早市无名摊位',
    placeKind: 'farmers_market',
    placeName: '圣城街道早市',
    chain: [],
    witnesses: [],
    sealNo: null,
    lat: null,
    lng: null,
    note: null,
  });
}

const passing: ResultOut = {
  analyteCode: 'acetamiprid',
  analyteZh: '啶虫脒',
  analyteEn: 'Acetamiprid',
  methodStandard: 'GB 23200.113-2018',
  value: 0.005,
  unit: 'mg/kg',
  valueMgPerKg: 0.005,
  lodMgPerKg: 0.01,
  // db/reference/residue-limits.csv row 9: 啶虫脒 on 金银花(鲜), 5 mg/kg, GB 2763.1-2022 4.25 Table 25.
  limitId: 9,
  limitMgPerKg: 5,
  limitStandard: 'GB 2763.1-2022 4.25, Table 25',
  limitOverridden: false,
  detected: false,
  verdict: 'pass',
};
const failing: ResultOut = {
  analyteCode: 'emamectin_benzoate',
  analyteZh: '甲氨基阿维菌素苯甲酸盐',
  analyteEn: 'Emamectin benzoate',
  methodStandard: 'GB 23200.121-2021',
  value: 0.73,
  unit: 'mg/kg',
  valueMgPerKg: 0.73,
  lodMgPerKg: 0.02,
  // db/reference/residue-limits.csv row 15: 甲氨基阿维菌素苯甲酸盐 on 金银花(鲜), 0.05 mg/kg, GB 2763.1-2022 4.49 Table 49.
  limitId: 15,
  limitMgPerKg: 0.05,
  limitStandard: 'GB 2763.1-2022 4.49, Table 49',
  limitOverridden: false,
  detected: true,
  verdict: 'fail',
};
const overridden: ResultOut = {
  analyteCode: 'imidacloprid',
  analyteZh: '吡虫啉',
  analyteEn: 'Imidacloprid',
  methodStandard: 'GB 23200.121-2021',
  value: 3.5,
  unit: 'μg/kg',
  valueMgPerKg: 0.0035,
  lodMgPerKg: 0.001,
  limitId: null,
  limitMgPerKg: 0.02,
  // A lab's own limit: an example for the renderer, not a value of any standard.
  limitStandard: '检测机构判定依据（示例）',
  limitOverridden: true,
  detected: true,
  verdict: 'pass',
};
const banned: ResultOut = {
  analyteCode: 'chloramphenicol',
  analyteZh: '氯霉素',
  analyteEn: 'Chloramphenicol',
  methodStandard: 'GB 23200.113-2018',
  value: 0,
  unit: 'mg/kg',
  valueMgPerKg: 0,
  lodMgPerKg: 0.01,
  // db/reference/residue-limits.csv row 31: 氯霉素 banned, 农业农村部公告第250号 (no number on purpose).
  limitId: 31,
  limitMgPerKg: null,
  limitStandard: '农业农村部公告第250号',
  limitOverridden: false,
  detected: false,
  verdict: 'pass',
};

/** Version 1: emamectin benzoate above its limit fails the sample; one limit overridden by the lab. */
export const failedReport: ReportOut = {
  version: 1,
  verdict: 'fail',
  reason: null,
  status: 'approved',
  enteredByName: '赵编制',
  enteredAt: new Date('2026-11-21T03:00:00.000Z'),
  reviewedByName: '钱审核',
  reviewedAt: new Date('2026-11-21T06:00:00.000Z'),
  issuedByName: '孙签发',
  issuedAt: new Date('2026-11-21T08:00:00.000Z'),
  returnReason: null,
  history: [],
  results: [passing, failing, overridden, banned],
};

/** Version 2: the procymidone value was mistyped; corrected, the sample passes. */
export const correctedReport: ReportOut = {
  version: 2,
  verdict: 'pass',
  reason: '甲氨基阿维菌素苯甲酸盐检测值录入错误（小数点错位），复核原始记录后更正',
  status: 'approved',
  enteredByName: '赵编制',
  enteredAt: new Date('2026-11-22T00:15:00.000Z'),
  reviewedByName: '钱审核',
  reviewedAt: new Date('2026-11-22T00:45:00.000Z'),
  issuedByName: '孙签发',
  issuedAt: new Date('2026-11-22T01:15:00.000Z'),
  returnReason: null,
  history: [],
  results: [passing, { ...failing, value: 0.0073, valueMgPerKg: 0.0073, verdict: 'pass' }, overridden, banned],
};
