import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, call, type Session } from './api.js';
import { CHROMIUM } from './browser.js';
import * as ui from './ui.js';
import { browserSuite, DEMO_PASSWORD, DESKTOP, shown, text } from './ui.js';

// 监测业务 end to end, in Chinese. Through the API: sg-coop (寿光市化龙镇绿源蔬菜专业合作社) grows kiwifruit (猕猴桃),
// sells 120 kg to sg-farmer (张建国), who takes 40 kg into a wholesale market: the market's code is two trades
// downstream. In the console: the county (sg-admin) publishes a routine-monitoring task to its testing centre; the
// centre's admin (sg-lab-admin) accepts it and assigns a sampler (a staff user made in setup); the sampler, on a
// 390-px phone, types the market's code, reads the product's facts and chain, and saves a sampling sheet; the lab
// receives the sample and enters imidacloprid (吡虫啉) at 3.5 mg/kg on the keyboard, against the shipped limit of
// 2 mg/kg for kiwifruit (GB 2763.1-2022); the draft awaits review, and once a reviewer and an approver of the centre
// (staff made in setup) have passed and approved it, the sample fails. The county's alerts inbox shows the alert with its recall
// list; the county enforcement team opens a case from it; the task's summary shows the figures; and the public page
// of the code warns of the failure. Pictures: e2e/artifacts/monitoring-*.png.

const SEQ = 100 + Math.floor(Math.random() * 800);
const TITLE = `秋季水果例行监测${SEQ}`;
const SAMPLER = { username: `sg-lab-sampler${SEQ}`, displayName: `抽样员${SEQ}` };
const REVIEWER = { username: `sg-lab-check${SEQ}`, displayName: `审核员${SEQ}` };
const APPROVER = { username: `sg-lab-sign${SEQ}`, displayName: `签字人${SEQ}` };
const FIRST_PASSWORD = 'Sampler#2026first';
const PRODUCT = '红心猕猴桃';
const KIWI = '0504010201';
const MARKET = { kind: 'wholesale', name: '寿光农产品物流园', address: '寿光市文圣街 8 号', stall: 'B区7号' } as const;
const PHONE = { width: 390, height: 844 };
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const suite = browserSuite('monitoring');
const { screenshot } = ui.suitePictures('monitoring');
let page: Page;
let code = ''; // the market-entry voucher's code: what the sampler types
let sampleUrl = '';
let browser: Browser | undefined;

const isoDay = (offsetDays: number) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

const openMenu = ui.openMenu;

const signIn = (username: string) => ui.signIn(page, suite.server.baseUrl, username);

/** Picks the option `label` of the antd select `select` (the dropdown is rendered at the end of the body). */
async function pick(p: Page, select: ReturnType<Page['locator']>, label: string) {
  await (await shown(select)).click();
  await (await shown(p.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: label }))).click();
}

/** A new staff user of my agency who has already changed the first password (as a real sampler would have). */
async function makeUser(admin: Session, user: { username: string; displayName: string }): Promise<void> {
  const me = await call<{ agency: { id: string } }>(admin, 'GET', '/auth/me');
  await call(admin, 'POST', `/agencies/${me.agency.id}/users`, { ...user, password: FIRST_PASSWORD, role: 'staff' });
  const res = await fetch(`${admin.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user.username, password: FIRST_PASSWORD }) });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  await call({ baseUrl: admin.baseUrl, cookie, csrf }, 'POST', '/auth/password', { currentPassword: FIRST_PASSWORD, newPassword: DEMO_PASSWORD }, 204);
}

beforeAll(async () => {
  page = suite.page;
  const base = suite.server.baseUrl;
  const coop = await apiLogin(base, 'sg-coop');
  const farmer = await apiLogin(base, 'sg-farmer');
  const orchard = await call<{ id: string }>(coop, 'POST', '/trace/bases', { name: '化龙镇南岭果园', regionCode: '370783100', address: '化龙镇南岭村', area: 20, areaUnit: 'mu', lat: 36.87, lng: 118.75 });
  const product = await call<{ id: string }>(coop, 'POST', '/trace/products', { name: PRODUCT, classCode: KIWI, spec: '5kg/箱', unit: 'kg' });
  const batch = await call<{ id: string }>(coop, 'POST', '/trace/batches', { productId: product.id, baseId: orchard.id, quantity: 500, unit: 'kg', harvestDate: isoDay(-2), selfCheck: { result: 'pass' } });
  const { token } = await call<{ token: string }>(farmer, 'GET', '/registry/my-subject/identity');
  const sale = await call<{ id: string }>(coop, 'POST', '/trace/trades', { batchId: batch.id, buyerToken: token, quantity: 120, unit: 'kg' });
  const confirmed = await call<{ buyerBatchId: string }>(farmer, 'POST', `/trace/trades/${sale.id}/confirm`, {}, 200);
  const entry = await call<{ buyerBatchCode: string }>(farmer, 'POST', '/trace/market-entries', { batchId: confirmed.buyerBatchId, quantity: 40, unit: 'kg', market: MARKET });
  code = entry.buyerBatchCode;
  expect(code).toMatch(/^\d{20}$/);
  const lab = await apiLogin(base, 'sg-lab-admin');
  await makeUser(lab, SAMPLER);
  await makeUser(lab, REVIEWER);
  await makeUser(lab, APPROVER);
  const approver = await call<{ user: { id: string } }>(await apiLogin(base, APPROVER.username), 'GET', '/auth/me');
  await call(lab, 'POST', '/monitoring/lab', { cmaNo: null, approverIds: [approver.user.id] }, 200);
});

/** 审核 by the reviewer and 批准 by the approver of the draft the lab bench just submitted (their own pages are in lab-review-recall.e2e.ts). */
async function reviewAndApprove(version: number) {
  const id = sampleUrl.split('/').pop()!;
  await call(await apiLogin(suite.server.baseUrl, REVIEWER.username), 'POST', `/monitoring/samples/${id}/reports/${version}/review`, {}, 200);
  await call(await apiLogin(suite.server.baseUrl, APPROVER.username), 'POST', `/monitoring/samples/${id}/reports/${version}/approve`, {}, 200);
  await page.reload();
}

afterAll(async () => browser?.close());

describe('监测业务: a routine-monitoring task, a sample on a phone, a failing result, the alert and the public warning', () => {
  it('lets the county publish a routine-monitoring task to its testing centre', async () => {
    await page.setViewportSize(DESKTOP);
    await signIn('sg-admin');
    await openMenu(page, '任务与通知');
    await (await shown(page.getByTestId('publish-task'))).click();
    await pick(page, page.getByTestId('task-kind'), '例行监测');
    await (await shown(page.getByTestId('task-title'))).fill(TITLE);
    await page.getByTestId('task-content').fill('请对辖区市场销售的水果开展农药残留例行监测，每批次抽样不少于 1 千克。');
    await (await shown(page.getByTestId('recipient-370783-testing'))).click();
    await screenshot(page, 'publish');
    await page.getByTestId('task-submit').click();
    await shown(page.getByText(TITLE));
    expect(await text(page.getByTestId('task-progress'))).toContain('检测中心');
    await ui.logout(page);
  });

  it('lets the testing centre accept it and assign the sampler', async () => {
    await signIn('sg-lab-admin');
    await openMenu(page, '任务与通知');
    await (await shown(page.getByTestId('task-item').filter({ hasText: TITLE }))).click();
    await (await shown(page.getByTestId('task-accept'))).click();
    await shown(page.getByTestId('task-sample'));
    await pick(page, page.locator('.ant-select').filter({ hasText: '执行人员' }), SAMPLER.displayName);
    await page.getByRole('button', { name: /^\s*指\s*派\s*$/ }).click();
    await shown(page.locator('.ant-select-selection-item').filter({ hasText: SAMPLER.displayName }));
    await expect.poll(async () => (await page.getByTestId('task-status').first().textContent())?.trim()).toMatch(/已接收|执行中/);
    await screenshot(page, 'accepted');
    await ui.logout(page);
  });

  it('lets the sampler, on a phone, type the code two trades downstream and save a sampling sheet', async () => {
    await page.setViewportSize(PHONE);
    await signIn(SAMPLER.username);
    await openMenu(page, '现场抽样');
    // The only task in progress is picked by itself.
    await shown(page.getByTestId('sample-task').filter({ hasText: TITLE }));
    await (await shown(page.getByTestId('sample-code'))).fill(code);
    await page.getByTestId('sample-find').click();
    const facts = await shown(page.getByTestId('sample-facts'));
    expect(await text(facts)).toContain(PRODUCT);
    expect(await text(facts)).toContain('猕猴桃');
    expect(await text(facts)).toContain('入市追溯凭证');
    await expect.poll(() => page.getByTestId('sample-chain').locator('.ant-timeline-item').count()).toBeGreaterThanOrEqual(3);
    expect(await text(page.getByTestId('sample-chain'))).toContain('寿光市化龙镇绿源蔬菜专业合作社');
    await pick(page, page.getByTestId('sample-place-kind'), '批发市场');
    await page.getByTestId('sample-place-name').fill(`${MARKET.name} ${MARKET.stall}`);
    await page.getByTestId('sample-quantity').fill('2');
    await page.getByTestId('sample-seal').fill(`FY-${SEQ}`);
    await page.getByTestId('sample-witness-name-0').fill('王摊主');
    await page.getByTestId('sample-witness-role-0').fill('摊主');
    await page.getByTestId('sample-photo-0').locator('input[type=file]').setInputFiles({ name: 'stall.png', mimeType: 'image/png', buffer: PNG });
    await shown(page.getByTestId('sample-photo-0-preview'));
    // The sample is filed in the centre's county, fixed for a county agency.
    await shown(page.locator('input[readonly][value*="寿光市"]'));
    await ui.expectNoHorizontalScroll(page);
    await screenshot(page, 'sample-phone');
    await page.getByTestId('sample-submit').click();

    await shown(page.getByTestId('sample-saved'));
    sampleUrl = new URL(page.url()).pathname;
    expect(await text(page.getByTestId('sample-status'))).toBe('已抽样');
    const sheet = await shown(page.getByTestId('sample-sheet-pdf'));
    const pdf = await page.request.get(suite.server.baseUrl + (await sheet.getAttribute('href'))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    await ui.expectNoHorizontalScroll(page);
    await screenshot(page, 'sample-saved-phone');
    await ui.logout(page);
  });

  it('lets the lab receive the sample and enter a failing result on the keyboard', async () => {
    await page.setViewportSize(DESKTOP);
    await signIn('sg-lab-admin');
    await openMenu(page, '样品与检测');
    await (await shown(page.getByTestId('samples-table').getByRole('link', { name: /\d/ }).first())).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(sampleUrl);
    await (await shown(page.getByTestId('receive-note'))).fill('封样完好，样品新鲜');
    await page.getByTestId('receive-submit').click();
    await shown(page.getByTestId('lab-bench'));
    expect(await text(page.getByTestId('sample-status'))).toBe('已接收');

    // Type-ahead in the analyte cell, then Enter from cell to cell; Enter in the last cell opens the next row.
    await page.getByTestId('bench-analyte-0').locator('.ant-select').click();
    await page.keyboard.type('吡虫啉');
    await shown(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '吡虫啉' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-cell]')?.getAttribute('data-cell'))).toBe('0:method');
    await page.keyboard.type('GB/T 20769-2008');
    await page.keyboard.press('Enter');
    await page.keyboard.type('3.5');
    await page.keyboard.press('Enter');
    await page.keyboard.type('0.01');
    await page.keyboard.press('Enter');
    await shown(page.getByTestId('bench-analyte-1'));
    // The new row remembers the method.
    expect(await page.getByTestId('bench-method-1').locator('input').inputValue()).toBe('GB/T 20769-2008');
    const limit = await shown(page.getByTestId('bench-limit').first());
    await expect.poll(async () => (await limit.textContent()) ?? '').toContain('2 mg/kg');
    expect(await text(limit)).toContain('超标');
    await ui.snapPart(page.getByTestId('lab-bench'), 'monitoring-lab-bench');
    await page.getByTestId('bench-submit').click();

    // Entered, not issued: it waits for review, and no one outside the lab hears of it yet.
    await shown(page.getByTestId('review-card'));
    expect(await text(page.getByTestId('review-status'))).toBe('待审核');
    expect(await text(page.getByTestId('sample-status'))).toBe('已接收');
    await screenshot(page, 'entered');
    await reviewAndApprove(1);

    await shown(page.getByTestId('reports-card'));
    expect(await text(page.getByTestId('sample-verdict'))).toBe('不合格');
    expect(await text(page.getByTestId('report-results'))).toContain('吡虫啉');
    const report = await shown(page.getByTestId('report-pdf'));
    const pdf = await page.request.get(suite.server.baseUrl + (await report.getAttribute('href'))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    await shown(page.getByTestId('sample-alerts'));
    await screenshot(page, 'sample-tested');
    await ui.logout(page);
  });

  it('shows the county supervision bureau the alert with the failing result and the recall list', async () => {
    await signIn('sg-admin');
    await shown(page.getByTestId('alerts-unread'));
    await openMenu(page, '监测预警');
    const item = await shown(page.getByTestId('alert-item').filter({ hasText: PRODUCT }));
    await screenshot(page, 'alerts');
    await item.click();
    const detail = await shown(page.getByTestId('alert-detail'));
    expect(await text(detail)).toContain(code);
    expect(await text(page.getByTestId('alert-failed'))).toContain('吡虫啉');
    expect(await text(page.getByTestId('alert-recall'))).toContain('召回清单');
    await shown(page.getByTestId('alert-full-recall'));
    await screenshot(page, 'alert');
    // From the alert to the full recall list of the producer's batch, in trace: the farmer's stock and the market.
    await (await shown(page.getByTestId('alert-origin-recall'))).click();
    await (await shown(page.getByTestId('recall-generate'))).click();
    const table = await shown(page.getByTestId('recall-table'));
    expect(await text(table)).toContain('张建国');
    expect(await text(table)).toContain(MARKET.name);
    await screenshot(page, 'origin-recall');

    // The task's summary, from the task's page: one sampled, one tested, one failed.
    await openMenu(page, '任务与通知');
    await page.getByText('我发布的').click();
    await (await shown(page.getByTestId('task-item').filter({ hasText: TITLE }))).click();
    await (await shown(page.getByTestId('task-summary'))).click();
    const recipients = await shown(page.getByTestId('summary-recipients'));
    expect(await text(recipients)).toContain('检测中心');
    await shown(page.getByTestId('summary-chart-class'));
    const taskId = /\/monitoring\/tasks\/([0-9a-f-]{36})\/summary$/.exec(new URL(page.url()).pathname)?.[1];
    const sheet = await page.request.get(`${suite.server.baseUrl}/api/v1/monitoring/tasks/${taskId}/summary.xlsx`);
    expect(sheet.status()).toBe(200);
    expect(sheet.headers()['content-type']).toContain('spreadsheetml');
    await screenshot(page, 'summary');
    await ui.logout(page);
  });

  it('names in the alert’s recall list those who still hold the failed product: the farmer’s stock and the market', async () => {
    // The sample was taken at the end of the chain: what has to be recalled is what the producer's batch became.
    const county = await apiLogin(suite.server.baseUrl, 'sg-admin');
    const { items } = await call<{ items: { id: string; code: string }[] }>(county, 'GET', '/monitoring/alerts');
    const alert = items.find((a) => a.code === code);
    expect(alert).toBeDefined();
    const detail = await call<{ recall: { holderName: string }[]; recallTotal: number }>(county, 'GET', `/monitoring/alerts/${alert!.id}`);
    const holders = detail.recall.map((h) => h.holderName);
    expect(holders, JSON.stringify(detail.recall)).toContain('张建国');
    expect(holders.some((h) => h.includes(MARKET.name))).toBe(true);
  });

  it('lets the county enforcement team open a case from the alert', async () => {
    await signIn('sg-law-admin');
    await openMenu(page, '监测预警');
    await (await shown(page.getByTestId('alert-item').filter({ hasText: PRODUCT }))).click();
    await (await shown(page.getByTestId('alert-open-case'))).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/enforcement\/cases\/[0-9a-f-]{36}$/);
    await shown(page.getByTestId('case-page'));
    await screenshot(page, 'case');
    await ui.logout(page);
    expect(suite.problems).toEqual([]);
  });

  it('lets the lab issue a corrected report with its reason, the first version kept', async () => {
    await page.setViewportSize(DESKTOP);
    await signIn('sg-lab-admin');
    await page.goto(suite.server.baseUrl + sampleUrl);
    await (await shown(page.getByTestId('correction-open'))).click();
    const card = await shown(page.getByTestId('correction-card'));
    // The correction starts from the results it corrects.
    expect(await card.getByTestId('bench-method-0').locator('input').inputValue()).toBe('GB/T 20769-2008');
    await card.getByTestId('bench-value-0').locator('input').fill('3.2');
    await page.getByTestId('correction-reason').fill('复核后更正检测值');
    await page.getByTestId('correction-submit').click();
    // A correction goes through the same review: version 1 stands until version 2 is approved.
    await shown(page.getByTestId('review-card'));
    expect(await text(page.getByTestId('reports-card'))).not.toContain('第 2 版');
    await reviewAndApprove(2);
    await shown(page.getByTestId('reports-card').getByText('第 2 版'));
    expect(await text(page.getByTestId('reports-card'))).toContain('第 1 版');
    expect(await text(page.getByTestId('reports-card'))).toContain('复核后更正检测值');
    expect(await text(page.getByTestId('sample-verdict'))).toBe('不合格');
    await screenshot(page, 'corrected');
    await ui.logout(page);
    expect(suite.problems).toEqual([]);
  });

  it('warns on the public page of the code, in a phone browser without script', async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, javaScriptEnabled: false, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const phone = await context.newPage();
    const response = await phone.goto(`${suite.server.baseUrl}/t/${code}`);
    expect(response?.status()).toBe(200);
    expect(await text(phone.getByRole('heading', { level: 1 }))).toBe(PRODUCT);
    expect(await text(phone.getByRole('alert').first())).toContain('检测不合格');
    await ui.expectNoHorizontalScroll(phone);
    await ui.screenshot(phone, 'monitoring-public-warning');
  });
});
