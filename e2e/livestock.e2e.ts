import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, call, type Session } from './api.js';
import * as ui from './ui.js';
import { browserSuite, DEMO_PASSWORD, shown, text } from './ui.js';

// Issue 21 acceptance in the console, in Chinese: a farm records its pigs with species and quarantine certificate on
// the batch form; the slaughterhouse's pork (species, tissue, slaughter) enters a market and its public page says so;
// a lab tests the pork for 多拉菌素 and it fails against the GB 31650-2019 row for pig muscle, alerting the county.
// Then the lab's 检测参照数据: the ministry's rows with species and tissue and their history, and an analyte the lab
// adds with its cited standard, a limit citing it, and a result judged against it. Pictures: e2e/artifacts/livestock-*.png.

const SEQ = 100 + Math.floor(Math.random() * 800);
const FIRST_PASSWORD = 'Lab-First#2026x';
const REVIEWER = { username: `lv-reviewer${SEQ}`, displayName: `钱审核${SEQ}` };
const APPROVER = { username: `lv-approver${SEQ}`, displayName: `孙批准${SEQ}` };
const OWN_ANALYTE = `磺胺氯达嗪${SEQ}`;

const suite = browserSuite('livestock');
const { screenshot } = ui.suitePictures('livestock');
let page: Page;
let farmer: Session;
let coop: Session;
let county: Session;
let lab: Session;
let reviewer: Session;
let approver: Session;
let taskId = '';

const isoDay = (offsetDays: number) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const signIn = (username: string) => ui.signIn(page, suite.server.baseUrl, username);

/** A new staff user of the lab who has already changed the first password. */
async function makeUser(admin: Session, user: { username: string; displayName: string }): Promise<Session> {
  const me = await call<{ agency: { id: string } }>(admin, 'GET', '/auth/me');
  await call(admin, 'POST', `/agencies/${me.agency.id}/users`, { ...user, password: FIRST_PASSWORD, role: 'staff' });
  const first = await fetch(`${admin.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user.username, password: FIRST_PASSWORD }) });
  expect(first.status).toBe(200);
  const cookie = first.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = ((await first.json()) as { csrfToken: string }).csrfToken;
  await call({ baseUrl: admin.baseUrl, cookie, csrf }, 'POST', '/auth/password', { currentPassword: FIRST_PASSWORD, newPassword: DEMO_PASSWORD }, 204);
  return apiLogin(admin.baseUrl, user.username);
}

/** A received sample of this code, its results entered by the lab's admin, reviewed and approved by the others. */
async function judged(code: string, results: object[]): Promise<{ id: string; verdict: string }> {
  const sample = await call<{ id: string }>(lab, 'POST', '/monitoring/samples', { taskId, code, placeKind: 'wholesale_market', placeName: '寿光农产品物流园', regionCode: '370783100', quantity: 1, unit: 'kg', lat: 36.88, lng: 118.74 });
  await call(lab, 'POST', `/monitoring/samples/${sample.id}/receive`, {}, 200);
  const entered = await call<{ reports: { version: number }[] }>(lab, 'POST', `/monitoring/samples/${sample.id}/results`, { results }, 200);
  const version = entered.reports[0]!.version;
  await call(reviewer, 'POST', `/monitoring/samples/${sample.id}/reports/${version}/review`, {}, 200);
  return call<{ id: string; verdict: string }>(approver, 'POST', `/monitoring/samples/${sample.id}/reports/${version}/approve`, {}, 200);
}

beforeAll(async () => {
  page = suite.page;
  const base = suite.server.baseUrl;
  [farmer, coop, county, lab] = await Promise.all(['sg-farmer', 'sg-coop', 'sg-admin', 'sg-lab-admin'].map((u) => apiLogin(base, u))) as [Session, Session, Session, Session];
  await call(farmer, 'POST', '/trace/products', { name: `生猪${SEQ}`, classCode: '130101', spec: '活体', unit: 'head' });
  reviewer = await makeUser(lab, REVIEWER);
  approver = await makeUser(lab, APPROVER);
  const approverMe = await call<{ user: { id: string } }>(approver, 'GET', '/auth/me');
  await call(lab, 'POST', '/monitoring/lab', { cmaNo: null, approverIds: [approverMe.user.id] }, 200);
  const labMe = await call<{ agency: { id: string } }>(lab, 'GET', '/auth/me');
  const task = await call<{ id: string }>(county, 'POST', '/supervision/tasks', { kind: 'routine_monitoring', title: `畜禽产品兽药残留监测${SEQ}`, content: '抽检市场猪肉兽药残留', startsOn: isoDay(-1), dueOn: isoDay(30), recipients: [{ agencyId: labMe.agency.id }] });
  await call(lab, 'POST', `/supervision/tasks/${task.id}/accept`, {}, 200);
  taskId = task.id;
});

describe('pigs to pork to market to a failed sample', () => {
  let herd = '';
  let voucher = '';

  it('the farm records its pigs with species and quarantine certificate; live animals are offered no tissue', async () => {
    await signIn('sg-farmer');
    await page.goto(`${suite.server.baseUrl}/trace/batches/new`);
    const form = await shown(page.locator('form#batch'));
    const option = (label: string | RegExp) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: label });
    await ui.clickUntilShown(form.getByLabel('产品', { exact: true }), option(`生猪${SEQ}`));
    await option(`生猪${SEQ}`).first().click();
    const species = await shown(form.getByLabel('畜禽种类'));
    expect(await page.getByTestId('animal-tissue').count()).toBe(0);
    await ui.clickUntilShown(species, option(/^猪$/));
    await option(/^猪$/).first().click();
    await page.getByTestId('animal-quarantine-cert').fill('A3701 2026 000456');
    await form.getByLabel('数量', { exact: true }).fill('20');
    const harvest = form.getByLabel('采收日期');
    await harvest.click();
    await harvest.fill(isoDay(-1));
    await harvest.press('Enter');
    await page.getByTestId('batch-self-check').getByText('未自检').click();
    await screenshot(page, 'pigs-form', false);
    await page.getByTestId('record-batch').click();
    await shown(page.getByTestId('batch-facts'));
    expect(await text(page.getByTestId('batch-species'))).toBe('猪');
    expect(await text(page.getByTestId('batch-quarantine-cert'))).toBe('A3701 2026 000456');
    herd = page.url().split('/').pop()!;
    await screenshot(page, 'pigs-batch');
  });

  it('the pork of them enters a market and its public page says species, tissue, slaughter and certificate', async () => {
    const { token } = await call<{ token: string }>(coop, 'GET', '/registry/my-subject/identity');
    const sale = await call<{ id: string }>(farmer, 'POST', '/trace/trades', { batchId: herd, buyerToken: token, quantity: 2, unit: 'head', quarantineCert: 'A3701 2026 000456' });
    const received = await call<{ buyerBatchId: string }>(coop, 'POST', `/trace/trades/${sale.id}/confirm`, {}, 200);
    const pork = await call<{ id: string }>(coop, 'POST', '/trace/products', { name: `冷鲜猪肉${SEQ}`, classCode: '130101', spec: '白条', unit: 'kg' });
    const animal = { species: 'pig', tissue: 'muscle', slaughterhouse: '化龙镇定点屠宰厂', slaughterDate: isoDay(-1), quarantineCert: 'B3701 2026 000789' };
    const porkBatch = await call<{ id: string }>(coop, 'POST', '/trace/transformations', { inputs: [{ batchId: received.buyerBatchId, quantity: 2 }], output: { productId: pork.id, quantity: 150, unit: 'kg', productionDate: isoDay(-1), animal } });
    const entry = await call<{ buyerBatchCode: string }>(coop, 'POST', '/trace/market-entries', { batchId: porkBatch.id, quantity: 40, unit: 'kg', market: { kind: 'wholesale', name: '寿光农产品物流园', stall: 'R-08' } });
    voucher = entry.buyerBatchCode;
    await page.goto(`${suite.server.baseUrl}/t/${voucher}`);
    const body = await text(page.locator('body'));
    for (const words of ['畜禽种类', '猪', '肌肉（肉）', '屠宰企业', '化龙镇定点屠宰厂', '检疫证明编号', 'B3701 2026 000789']) expect(body).toContain(words);
    await screenshot(page, 'pork-public');
  });

  it('a sample of the pork fails for 多拉菌素 against GB 31650-2019 and the county is alerted', async () => {
    const report = await judged(voucher, [{ analyteCode: 'doramectin', methodStandard: 'GB 31660.2', value: 8, unit: 'μg/kg', lod: 0.5 }]);
    expect(report.verdict).toBe('fail');
    await signIn('sg-admin');
    await page.goto(`${suite.server.baseUrl}/monitoring/alerts`);
    await shown(page.getByText(`冷鲜猪肉${SEQ}`).first());
    await screenshot(page, 'county-alert');
  });
});

describe('检测参照数据', () => {
  it('shows the ministry’s GB 31650-2019 rows by species and tissue, with their version history', async () => {
    await signIn('sg-lab-admin');
    await ui.openMenu(page, '检测参照数据');
    await shown(page.getByTestId('ref-limits'));
    // The list pages by analyte (hundreds of rows): one analyte is a filter away.
    const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await ui.clickUntilShown(await shown(page.getByTestId('ref-analyte')), options.first());
    await page.keyboard.type('多拉菌素');
    await options.filter({ hasText: '多拉菌素' }).first().click();
    const limits = await shown(page.getByTestId('ref-limits'));
    await shown(limits.getByText('猪（肌肉）').first());
    expect(await text(page.getByTestId('list-count'))).toMatch(/共 \d+ 条/);
    const row = limits.locator('tr').filter({ hasText: '多拉菌素' }).filter({ hasText: '猪（肌肉）' }).first();
    expect(await text(row)).toContain('GB 31650-2019');
    expect(await text(row)).toContain('第 1 版');
    await row.getByRole('button', { name: /版本历史/ }).click();
    await shown(page.getByTestId('ref-history').locator('tr').filter({ hasText: '多拉菌素' }).first());
    await screenshot(page, 'reference-history', false);
    await page.keyboard.press('Escape');
  });

  it('a lab adds an analyte with its cited standard, and a result is judged against the limit it cites', async () => {
    await page.getByRole('tab', { name: '检测项目' }).click();
    await (await shown(page.getByTestId('ref-add-analyte'))).click();
    const drawer = await shown(page.getByTestId('ref-analyte-drawer'));
    await page.getByTestId('ref-analyte-name').fill(OWN_ANALYTE);
    await page.getByTestId('ref-analyte-method').fill('GB 20759-2006');
    await page.getByTestId('ref-analyte-standard').fill('本实验室作业指导书 LAB-SOP-021');
    await screenshot(page, 'add-analyte', false);
    await drawer.getByTestId('drawer-submit').click();
    await drawer.waitFor({ state: 'hidden' });
    const row = await shown(page.getByTestId('ref-analytes').locator('tr').filter({ hasText: OWN_ANALYTE }));
    expect(await text(row)).toContain('本实验室补充');
    expect(await text(row)).toContain('LAB-SOP-021');

    // Its limit (0.1 mg/kg in pork, citing the lab's instruction) and a pork sample at 0.2 mg/kg: judged, failed.
    const analytes = await call<{ items: { code: string; nameZh: string }[] }>(lab, 'GET', '/monitoring/reference/analytes');
    const code = analytes.items.find((a) => a.nameZh === OWN_ANALYTE)!.code;
    await call(lab, 'POST', '/monitoring/reference/limits', { analyteCode: code, classCode: '130101', value: 0.1, unit: 'mg/kg', standard: '本实验室作业指导书 LAB-SOP-021', clause: '第 5 条' });
    const report = await judged(secondVoucher(), [{ analyteCode: code, methodStandard: 'GB 20759-2006', value: 0.2, unit: 'mg/kg', lod: 0.01 }]);
    expect(report.verdict).toBe('fail');
    await page.goto(`${suite.server.baseUrl}/monitoring/samples/${report.id}`);
    await shown(page.getByText(OWN_ANALYTE).first());
    expect(await text(page.locator('body'))).toContain('LAB-SOP-021');
    await screenshot(page, 'own-analyte-judged');

    await page.goto(`${suite.server.baseUrl}/monitoring/reference`);
    // The ministry's rows come first; the lab's own are a filter away.
    const only = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '本实验室补充' });
    await ui.clickUntilShown(await shown(page.getByTestId('ref-origin')), only);
    await only.first().click();
    const limits = await shown(page.getByTestId('ref-limits'));
    const own = await shown(limits.locator('tr').filter({ hasText: OWN_ANALYTE }));
    expect(await text(own)).toContain('本实验室补充');
  });
});

/** Another market voucher of pork for the second sample (one sample per code and task is enough for the first). */
let second = '';
function secondVoucher(): string {
  return second;
}
beforeAll(async () => {
  const pork = await call<{ id: string }>(coop, 'POST', '/trace/products', { name: `猪里脊${SEQ}`, classCode: '130101', spec: '散装', unit: 'kg' });
  const batch = await call<{ id: string }>(coop, 'POST', '/trace/batches', { productId: pork.id, quantity: 50, unit: 'kg', harvestDate: isoDay(-1), selfCheck: { result: 'none' }, animal: { species: 'pig', tissue: 'muscle' } });
  const entry = await call<{ buyerBatchCode: string }>(coop, 'POST', '/trace/market-entries', { batchId: batch.id, quantity: 10, unit: 'kg', market: { kind: 'retail', name: '圣城街农贸市场' } });
  second = entry.buyerBatchCode;
});
