import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import * as ui from './ui.js';
import { browserSuite, DESKTOP, PHONE, shown, text } from './ui.js';

// 首页 and 统计分析 (issue 16 §2, §1): a county, a province and a producer sign in and land on their home pages; the
// province drills its statistics down to a township of the demo data. Pictures: e2e/artifacts/analytics-*.png.

const suite = browserSuite('analytics');
let page: Page;
const { screenshot } = ui.suitePictures('analytics');

beforeAll(() => {
  page = suite.page;
});

const homeOf = async (username: string, producer = false) => {
  await ui.signIn(page, suite.server.baseUrl, username);
  // A producer lands on its own subject; its 首页 is the menu's first entry.
  if (producer) {
    await page.waitForURL(/\/my-subject$/);
    await page.goto(`${suite.server.baseUrl}/home`);
  }
  const home = await shown(page.getByTestId('home-page'));
  expect(new URL(page.url()).pathname).toBe('/home');
  return home;
};

describe('console: 首页 and 统计分析', () => {
  it('lands a county, a province and a producer on their own home pages', async () => {
    await page.setViewportSize(DESKTOP);
    const county = await homeOf('sg-admin');
    expect(await county.getAttribute('data-role')).toBe('county');
    const todo = await text(page.getByTestId('home-todo'));
    for (const words of ['待办事项', '待审核注册申请', '待审核变更申请', '整改已逾期', '未读预警']) expect(todo).toContain(words);
    expect(await text(county)).toContain('近十二个月走势');
    await shown(page.getByTestId('home-trend').locator('canvas'));
    await screenshot(page, 'home-county');

    const province = await homeOf('sd-admin');
    expect(await province.getAttribute('data-role')).toBe('province');
    expect(await text(province)).toContain('辖区概况');
    await screenshot(page, 'home-province');

    await page.setViewportSize(PHONE);
    const producer = await homeOf('sg-coop', true);
    expect(await producer.getAttribute('data-role')).toBe('producer');
    for (const words of ['待确认的交易', '批次与库存', '通知']) expect(await text(producer)).toContain(words);
    await screenshot(page, 'home-producer-phone');
  });

  it('drills the province’s statistics down to a township, each figure against the previous period and last year', async () => {
    await page.setViewportSize(DESKTOP);
    await ui.signIn(page, suite.server.baseUrl, 'sd-admin');
    await ui.openMenu(page, '综合统计');
    await shown(page.getByTestId('statistics-page'));
    expect(await text(await shown(page.getByTestId('node')))).toBe('山东省');
    const figures = await text(page.getByTestId('figures'));
    for (const words of ['已注册主体', '扫码交易', '入市追溯凭证', '上期（环比）', '去年同期（同比）', '抽检合格率']) expect(figures).toContain(words);
    await screenshot(page, 'statistics-province');
    for (const [code, name] of [['3707', '潍坊市'], ['370783', '寿光市'], ['370783100', '化龙镇']] as const) {
      await (await shown(page.getByTestId(`drill-${code}`))).click();
      expect(await text(await shown(page.getByTestId('node').filter({ hasText: name })))).toBe(name);
    }
    expect(await text(page.getByTestId('statistics-page'))).toContain('已到乡镇一级');
    expect(await text(page.getByTestId('crumbs'))).toContain('寿光市');
    await screenshot(page, 'statistics-township');
    // Back up by the path, and out of the jurisdiction nothing is shown.
    await page.getByTestId('crumbs').getByText('潍坊市').click();
    await shown(page.getByTestId('node').filter({ hasText: '潍坊市' }));
    await page.goto(`${suite.server.baseUrl}/analytics/statistics?region=51`);
    await shown(page.getByTestId('load-error'));
    expect(suite.problems).toEqual([]);
  });
});
