import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { expectError } from '../../../test/assertions.js';
import { agencyIdOf, loginAll } from '../../../test/supervision.js';
import { FX_ANALYTES, insertFixtureAnalytes, insertSample, type FixtureResult } from './monitoring.fixtures.js';

// 数据汇总分析: the city publishes a monitoring task to its own lab (quota 4) and the county lab (the task's target,
// 10); six samples, passes and failures, one corrected from fail to pass. Exact figures for the publisher, each
// recipient and outsiders, and the same figures in the workbook.

let t: TestApp;
let city: Client;
let province: Client;
let cityLab: Client;
let countyLab: Client;
let countySupervision: Client;
let sichuan: Client;
let taskId: string;

const [P, C] = [FX_ANALYTES[0], FX_ANALYTES[1]];
const pass = (a: { code: string }): FixtureResult => ({ analyteCode: a.code, verdict: 'pass' });
const fail = (a: { code: string }): FixtureResult => ({ analyteCode: a.code, verdict: 'fail' });
const VEG = { classCode: '0301', classZh: '茄果类蔬菜', productName: '番茄' };
const FRUIT = { classCode: '0502', classZh: '仁果类水果', productName: '苹果' };

beforeAll(async () => {
  t = await createTestApp();
  [city, province, cityLab, countyLab, countySupervision, sichuan] = await loginAll(t, ['wf-admin', 'sd-admin', 'wf-lab-admin', 'sg-lab-admin', 'sg-admin', 'pd-admin'] as const);
  const res = await city.post('/api/v1/supervision/tasks', {
    kind: 'routine_monitoring',
    title: '秋季例行监测',
    content: '抽检蔬菜水果农药残留',
    targetCount: 10,
    startsOn: '2026-11-01',
    dueOn: '2026-12-31',
    recipients: [{ agencyId: agencyIdOf(cityLab), quota: 4 }, { agencyId: agencyIdOf(countyLab) }],
  });
  expect(res.statusCode, res.body).toBe(201);
  const task = res.json();
  taskId = task.id;
  const recipientOf = (c: Client) => task.recipients.find((r: { agencyId: string }) => r.agencyId === agencyIdOf(c)).id as string;
  const db = t.database.db;
  await insertFixtureAnalytes(db);
  const ofLab = (c: Client) => ({ taskId, recipientId: recipientOf(c), agencyId: agencyIdOf(c) });
  // The city lab: a pass and a failure in 寿光, a fruit sample in 潍城 not tested yet.
  await insertSample(db, { ...ofLab(cityLab), ...VEG, regionCode: '370783100', versions: [[pass(P), pass(C)]] });
  await insertSample(db, { ...ofLab(cityLab), ...VEG, regionCode: '370783', versions: [[fail(P), pass(C)]] });
  await insertSample(db, { ...ofLab(cityLab), ...FRUIT, regionCode: '370702' });
  // The county lab: a pass, a fruit failure, and a vegetable corrected from fail (version 1) to pass (version 2).
  await insertSample(db, { ...ofLab(countyLab), ...VEG, regionCode: '370783', versions: [[pass(P)]] });
  await insertSample(db, { ...ofLab(countyLab), ...FRUIT, regionCode: '370783100', versions: [[fail(P), pass(C)]] });
  await insertSample(db, { ...ofLab(countyLab), ...VEG, regionCode: '370702', versions: [[fail(C)], [pass(C)]] });
});
afterAll(async () => t?.close());

const tally = (key: string, label: string, taken: number, tested: number, failed: number, passRate: number | null) => ({ key, label, taken, tested, failed, passRate });

const PUBLISHER_VIEW = {
  byClass: [tally('03', '蔬菜', 4, 4, 1, 75), tally('05', '水果', 2, 1, 1, 0)],
  byAnalyte: [tally(P.code, P.nameZh, 4, 4, 2, 50), tally(C.code, C.nameZh, 4, 4, 0, 100)],
  byRegion: [tally('370702', '潍城区', 2, 1, 0, 100), tally('370783', '寿光市', 4, 4, 2, 50)],
};

describe('task summary', () => {
  it('the publisher sees both recipients with exact figures, by class, analyte and county, and a line for the report', async () => {
    const res = await city.get(`/api/v1/monitoring/tasks/${taskId}/summary`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({ taskId, taskTitle: '秋季例行监测', ...PUBLISHER_VIEW });
    const byAgency = Object.fromEntries(s.recipients.map((r: { agencyId: string }) => [r.agencyId, r]));
    expect(byAgency[agencyIdOf(cityLab)]).toMatchObject({ planned: 4, taken: 3, tested: 2, failed: 1, passRate: 50, status: 'published', reportedAt: null });
    expect(byAgency[agencyIdOf(countyLab)]).toMatchObject({ planned: 10, taken: 3, tested: 3, failed: 1, passRate: 66.7 });
    expect(s.recipients).toHaveLength(2);
    expect(s.reportLine).toBe(`「秋季例行监测」计划抽检 14 批次，已抽样 6 批次，已检测 5 批次，不合格 2 批次，合格率 60.0%；不合格项目：${P.nameZh} 2 项次。`);
    // The province above the publisher follows the same figures.
    expect((await province.get(`/api/v1/monitoring/tasks/${taskId}/summary`)).json()).toMatchObject(PUBLISHER_VIEW);
  });

  it('a recipient sees only its own figures', async () => {
    const s = (await countyLab.get(`/api/v1/monitoring/tasks/${taskId}/summary`)).json();
    expect(s.recipients).toEqual([expect.objectContaining({ agencyId: agencyIdOf(countyLab), planned: 10, taken: 3, tested: 3, failed: 1, passRate: 66.7 })]);
    expect(s.byClass).toEqual([tally('03', '蔬菜', 2, 2, 0, 100), tally('05', '水果', 1, 1, 1, 0)]);
    expect(s.byAnalyte).toEqual([tally(P.code, P.nameZh, 2, 2, 1, 50), tally(C.code, C.nameZh, 2, 2, 0, 100)]);
    expect(s.byRegion).toEqual([tally('370702', '潍城区', 1, 1, 0, 100), tally('370783', '寿光市', 2, 2, 1, 50)]);
    expect(s.reportLine).toContain('计划抽检 10 批次，已抽样 3 批次，已检测 3 批次，不合格 1 批次，合格率 66.7%');
  });

  it('an agency that neither published nor received the task gets 404', async () => {
    for (const outsider of [countySupervision, sichuan]) {
      expectError(await outsider.get(`/api/v1/monitoring/tasks/${taskId}/summary`), 404, 'SUMMARY_TASK_NOT_FOUND');
      expectError(await outsider.get(`/api/v1/monitoring/tasks/${taskId}/summary.xlsx`), 404, 'SUMMARY_TASK_NOT_FOUND');
    }
  });

  it('the workbook holds the same figures on 概况, 按品种, 按项目 and 按地区', async () => {
    const res = await city.get(`/api/v1/monitoring/tasks/${taskId}/summary.xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概况', '按品种', '按项目', '按地区']);
    const rows = (name: string) => {
      const out: unknown[][] = [];
      wb.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    };
    const overview = rows('概况');
    expect(overview[0]).toEqual(['承担机构（agency）', '状态（status）', '计划（planned）', '抽样数（taken）', '已检测（tested）', '不合格（failed）', '合格率% (pass rate)', '上报时间（reported）']);
    const figures = overview.slice(1, 3).map((r) => r.slice(2, 7));
    expect(figures).toEqual(expect.arrayContaining([[4, 3, 2, 1, 50], [10, 3, 3, 1, 66.7]]));
    expect(overview.flat()).toContain(`「秋季例行监测」计划抽检 14 批次，已抽样 6 批次，已检测 5 批次，不合格 2 批次，合格率 60.0%；不合格项目：${P.nameZh} 2 项次。`);
    const asTallies = (name: string) => rows(name).slice(1).map(([key, label, taken, tested, failed, passRate]) => tally(String(key), String(label), Number(taken), Number(tested), Number(failed), passRate as number));
    expect(asTallies('按品种')).toEqual(PUBLISHER_VIEW.byClass);
    expect(asTallies('按项目')).toEqual(PUBLISHER_VIEW.byAnalyte);
    expect(asTallies('按地区')).toEqual(PUBLISHER_VIEW.byRegion);
  });
});
