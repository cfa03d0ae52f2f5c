import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, call } from './api.js';
import * as ui from './ui.js';
import { browserSuite, DESKTOP, shown, text, toast } from './ui.js';

// 业务五监控, 责令限期整改 and 信息调度 (issue 16 §3, §4): 寿光's county bureau sees its townships' registration figures
// and the producers with no batch or sale in 30 days; 潍坊's city bureau orders 寿光 to rectify, 寿光 answers and the
// city accepts; 山东's province generates its monthly report, downloads it as .xlsx and PDF and submits it; the
// ministry sees it submitted. Pictures: e2e/artifacts/monitors-*.png.

const suite = browserSuite('monitors');
let page: Page;
let base: string;
const { screenshot } = ui.suitePictures('monitors');
const REASON = '寿光市活跃主体比例偏低，请督促未录入批次的主体尽快录入。';

async function downloaded(p: Page, testId: string, ext: RegExp): Promise<Buffer> {
  const [download] = await Promise.all([p.waitForEvent('download'), (await shown(p.getByTestId(testId))).click()]);
  expect(download.suggestedFilename()).toMatch(ext);
  return readFileSync(await download.path());
}

beforeAll(async () => {
  page = suite.page;
  base = suite.server.baseUrl;
  await page.setViewportSize(DESKTOP);
});

describe('console: the business monitors, a rectification notice and the monthly report', () => {
  it('the county sees its townships and the inactive producers flagged', async () => {
    const county = await apiLogin(base, 'sg-admin');
    const inactive = await call<{ items: { name: string }[] }>(county, 'GET', '/monitors/registration/inactive?days=30');
    expect(inactive.items.length).toBeGreaterThan(0);
    await ui.signIn(page, base, 'sg-admin');
    await ui.openMenu(page, '业务监控');
    const table = await shown(page.getByTestId('monitor-registration'));
    await shown(table.locator('.ant-table-row').first());
    expect(await text(table)).toContain('已注册主体');
    const list = await shown(page.getByTestId('inactive-producers'));
    await shown(list.locator('.ant-table-row').filter({ hasText: inactive.items[0]!.name }));
    // 推广应用目标: every producer of 化龙镇 active; the township misses it and is flagged.
    await (await shown(page.getByTestId('target-set-370783100'))).click();
    await (await shown(page.getByTestId('target-indicator'))).click();
    await (await shown(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '活跃主体比例' }))).click();
    await page.getByTestId('target-share').fill('100');
    await ui.dialog(page, '设定推广应用目标').getByRole('button', { name: ui.twoChars('保存') }).click();
    await shown(toast(page, '目标已保存'));
    const flag = await shown(page.getByTestId('monitor-registration').getByTestId('monitor-flag'));
    expect(await text(flag)).toContain('活跃主体比例');
    await screenshot(page, 'county-registration');
    await page.getByRole('tab', { name: '产品追溯' }).click();
    await shown(page.getByTestId('monitor-trace'));
    await screenshot(page, 'county-trace');
  });

  it('the city orders 寿光 to rectify; 寿光 answers; the city accepts', async () => {
    await ui.signIn(page, base, 'wf-admin');
    await ui.openMenu(page, '业务监控');
    await (await shown(page.getByTestId('rect-issue-370783'))).click();
    const modal = ui.dialog(page, '责令限期整改');
    await shown(modal);
    await modal.getByTestId('rect-reason').fill(REASON);
    const deadline = new Date(Date.now() + 8 * 3600_000 + 14 * 86_400_000).toISOString().slice(0, 10);
    const picker = modal.locator('.ant-picker input');
    await picker.click();
    await picker.fill(deadline);
    await picker.press('Enter');
    await screenshot(page, 'city-issue');
    await modal.getByRole('button', { name: ui.twoChars('责令整改') }).click();
    await shown(toast(page, '整改通知已下达'));

    await ui.signIn(page, base, 'sg-admin');
    await ui.openMenu(page, '责令整改');
    await (await shown(page.getByTestId('rect-list').locator('.ant-table-row').filter({ hasText: '待答复' }))).click();
    await shown(page.locator('.ant-modal').filter({ hasText: REASON }));
    await page.getByTestId('rect-text').fill('已逐户督促录入批次，本周内完成。');
    await screenshot(page, 'county-answer');
    await page.getByTestId('rect-answer').click();
    await shown(toast(page, '答复已提交'));
    await shown(page.getByTestId('rect-list').locator('.ant-table-row').filter({ hasText: '已答复' }));

    await ui.signIn(page, base, 'wf-admin');
    await ui.openMenu(page, '责令整改');
    await page.getByTestId('rect-box').getByText('已下达').click();
    await (await shown(page.getByTestId('rect-list').locator('.ant-table-row').filter({ hasText: '已答复' }))).click();
    await shown(page.locator('.ant-modal').filter({ hasText: '已逐户督促录入批次' }));
    await page.getByTestId('rect-accept').click();
    await shown(toast(page, '已办结'));
    await shown(page.getByTestId('rect-list').locator('.ant-table-row').filter({ hasText: '已办结' }));
    await screenshot(page, 'city-closed');
  });

  it('the province generates the monthly report, downloads it as .xlsx and PDF, submits it; the ministry sees it', async () => {
    await ui.signIn(page, base, 'sd-admin');
    await ui.openMenu(page, '信息调度');
    await (await shown(page.getByTestId('report-period'))).click();
    await (await shown(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first())).click();
    await page.getByTestId('report-generate').click();
    await shown(toast(page, '已生成第 1 版'));
    const detail = await shown(page.getByTestId('report-detail'));
    await shown(detail.getByText('七、意见建议处理情况'));
    await screenshot(page, 'province-report');
    const xlsx = await downloaded(page, 'report-xlsx', /\.xlsx$/);
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
    const pdf = await downloaded(page, 'report-pdf', /\.pdf$/);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByTestId('report-submit').click();
    await shown(toast(page, '报告已报送'));

    await ui.signIn(page, base, 'moa-admin');
    await ui.openMenu(page, '信息调度');
    await shown(page.getByTestId('report-list').locator('.ant-table-row').filter({ hasText: '已报送' }));
    await page.getByRole('tab', { name: '各省报送情况' }).click();
    await shown(page.getByTestId('submissions').locator('.ant-table-row').filter({ hasText: '第 1 版' }));
    await screenshot(page, 'ministry-submissions');
    expect(suite.problems).toEqual([]);
  });
});
