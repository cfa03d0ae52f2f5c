import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, call } from './api.js';
import * as ui from './ui.js';
import { browserSuite, DEMO_PASSWORD, DESKTOP, PHONE, shown, text } from './ui.js';

// 监管业务 and 执法业务 end to end, in Chinese: the county (sg-admin, 寿光市) publishes a base inspection with a PDF
// attached to the 化龙镇 station; the station's inspector (sg-hl-user), on a 375-px phone, downloads the attachment,
// accepts the task, types the coop's identity code, answers the checklist with one photo, finds a problem and
// transfers it; the county enforcement agency (sg-law-admin) finds the transfer in its inbox, opens a case and takes
// an on-site note after typing the coop's identity code; the county sees the task's progress.
// Pictures: e2e/artifacts/supervision-*.png.

const SEQ = 100 + Math.floor(Math.random() * 800);
const TITLE = `冬季蔬菜基地巡查${SEQ}`;
const FINDINGS = '仓库内发现禁用农药包装 2 个';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PLAN = '巡查方案.pdf';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const suite = browserSuite('supervision');
const { screenshot } = ui.suitePictures('supervision');
let page: Page;
let identityCode = '';

const openMenu = ui.openMenu;

async function signIn(username: string) {
  await page.goto(suite.server.baseUrl + '/');
  // A test that failed half-way leaves its account signed in; the next one starts from the login page all the same.
  await shown(page.getByTestId('user-menu').or(page.getByLabel('用户名')));
  if (await page.getByTestId('user-menu').isVisible()) await ui.logout(page);
  await ui.login(page, username, DEMO_PASSWORD);
  await shown(page.getByTestId('user-menu'));
}

beforeAll(async () => {
  page = suite.page;
  const coop = await apiLogin(suite.server.baseUrl, 'sg-coop');
  identityCode = (await call<{ identityCode: string }>(coop, 'GET', '/registry/my-subject')).identityCode;
});

describe('console: tasks, a base inspection on a phone, a transfer and its case', () => {
  it('lets the county publish a base inspection to the township station', async () => {
    await page.setViewportSize(DESKTOP);
    await signIn('sg-admin');
    await openMenu(page, '任务与通知');
    await (await shown(page.getByTestId('publish-task'))).click();
    await (await shown(page.getByTestId('task-title'))).fill(TITLE);
    await page.getByTestId('task-content').fill('请对辖区蔬菜基地开展巡查，重点检查禁用农药和安全间隔期。');
    await (await shown(page.getByTestId('recipient-370783100-supervision'))).click();
    await (await shown(page.getByLabel(/指标/))).fill('5');
    await page.getByTestId('task-attachments').locator('input[type=file]').setInputFiles({ name: PLAN, mimeType: 'application/pdf', buffer: PDF });
    await shown(page.getByTestId('task-attach-item').filter({ hasText: PLAN }));
    await screenshot(page, 'publish');
    await page.getByTestId('task-submit').click();
    await shown(page.getByText(TITLE));
    expect(await text(page.getByTestId('task-progress'))).toContain('化龙镇');
    expect(await text(page.getByTestId('task-progress'))).toContain('待接收');
    await shown(page.getByTestId('task-attachment-link').filter({ hasText: PLAN }));
    await ui.logout(page);
  });

  it('lets the station’s inspector accept it and inspect the coop on a phone: checklist, photo, problem, transfer', async () => {
    await page.setViewportSize(PHONE);
    await signIn('sg-hl-user');
    await openMenu(page, '任务与通知');
    await (await shown(page.getByTestId('task-item').filter({ hasText: TITLE }))).click();
    // The county's attachment, downloadable by the station it was sent to.
    const plan = await shown(page.getByTestId('task-attachment-link').filter({ hasText: PLAN }));
    const downloaded = await page.request.get(suite.server.baseUrl + (await plan.getAttribute('href'))!);
    expect(downloaded.status()).toBe(200);
    expect(downloaded.headers()['content-type']).toBe('application/pdf');
    await (await shown(page.getByTestId('task-accept'))).click();
    await (await shown(page.getByTestId('task-inspect'))).click();

    await (await shown(page.getByTestId('inspect-code'))).fill(identityCode);
    await page.getByTestId('inspect-find').click();
    await shown(page.getByText('绿源蔬菜专业合作社').first());
    await shown(page.getByTestId('subject-records'));
    await shown(page.getByTestId('check-banned_inputs'));
    // Every item starts unanswered and must be answered: all 符合 but the banned inputs.
    for (const item of await page.getByTestId('checklist').locator('[data-testid^="check-"]').all()) await item.getByText('符合', { exact: true }).click();
    await page.getByTestId('check-banned_inputs').getByText('不符合').click();
    await page.getByTestId('inspect-no-point-reason').fill('大棚内无定位信号');
    await page.getByTestId('inspect-photo').locator('input[type=file]').setInputFiles({ name: 'field.png', mimeType: 'image/png', buffer: PNG });
    await shown(page.getByTestId('inspect-photo-preview'));
    await page.getByTestId('inspect-conclusion').getByText('发现问题').click();
    await page.getByTestId('inspect-findings').fill(FINDINGS);
    await ui.expectNoHorizontalScroll(page);
    await screenshot(page, 'field-inspection');
    await page.getByTestId('inspect-submit').click();
    // The inspector reads back what is about to be filed, then confirms.
    const summary = await shown(page.getByTestId('inspect-summary'));
    expect(await text(summary)).toContain('不符合 1 项');
    await screenshot(page, 'field-inspection-summary');
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '确认提交' }).click();

    await shown(page.getByTestId('inspect-result'));
    // Among several enforcement agencies none is preset: the inspector names the one it goes to.
    await (await shown(page.getByTestId('transfer-to'))).click();
    await (await shown(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '寿光市农业综合行政执法队' }))).click();
    expect(await page.getByTestId('transfer-reason').inputValue()).toBe(FINDINGS);
    await page.getByTestId('transfer-submit').click();
    expect(await text(page.getByTestId('transferred'))).toContain('寿光市农业综合行政执法队');
    await ui.expectNoHorizontalScroll(page);
    await screenshot(page, 'field-transferred');
    await ui.logout(page);
  });

  it('lets the county enforcement agency find the transfer in its inbox and open a case with the evidence', async () => {
    await page.setViewportSize(DESKTOP);
    await signIn('sg-law-admin');
    await openMenu(page, '执法案件');
    const item = await shown(page.getByTestId('transfer-item').filter({ hasText: FINDINGS }));
    expect(await text(item)).toContain('化龙镇');
    await screenshot(page, 'enforcement-inbox');
    await item.getByTestId('case-open').click();
    const evidence = await shown(page.getByTestId('case-evidence'));
    expect(await text(evidence)).toContain(FINDINGS);
    // The failed item is named plainly under its result, never "不符合: 未发现…" (issue 15 §2).
    expect(await text(evidence)).toContain('检查结果为“不符合”的项目');
    expect(await text(evidence)).toContain('「未发现禁用、停用投入品」');
    expect(await text(page.getByTestId('case-page'))).toContain('立案');
    await shown(evidence.locator('img'));
    await screenshot(page, 'case');
    // An on-site note after typing the subject's identity code (the server checks it is the case's subject). Its kind
    // is the official's to say: nothing is preset.
    await (await shown(page.getByTestId('record-kind'))).click();
    await (await shown(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '现场检查' }))).click();
    await page.getByTestId('record-identity').fill(identityCode);
    await page.getByTestId('record-content').fill('核对主体身份后现场检查');
    await page.getByTestId('record-submit').click();
    await page.getByTestId('case-page').getByText('核对主体身份后现场检查').first().waitFor();
    await ui.logout(page);
  });

  it('shows the county the task’s progress: the station at work, one inspection done', async () => {
    await signIn('sg-admin');
    await openMenu(page, '任务与通知');
    await page.getByText('我发布的').click();
    await (await shown(page.getByTestId('task-item').filter({ hasText: TITLE }))).click();
    const progress = await shown(page.getByTestId('task-progress'));
    await shown(progress.getByText('执行中'));
    expect(await text(progress)).toContain('1 / 5');
    await screenshot(page, 'progress');
    expect(suite.problems).toEqual([]);
  });
});
