import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, call } from './api.js';
import * as ui from './ui.js';
import { browserSuite, DESKTOP, PHONE, shown, text } from './ui.js';

// 首页 and 统计分析 (issue 16 §2, §1): a county, a province and a producer sign in and land on their home pages, each
// count as the server reads it and linking to its list; the province drills its statistics down to a township of the
// demo data, and a figure opens its list narrowed to that township and period, whose total is the figure.
// Pictures: e2e/artifacts/analytics-*.png.

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
    for (const words of ['待办事项', '待审核注册申请', '待审核变更申请', '整改已逾期', '未读预警', '30 天无批次无交易的主体']) expect(todo).toContain(words);
    const countyHome = await call<{ counts: { key: string; n: number }[] }>(await apiLogin(suite.server.baseUrl, 'sg-admin'), 'GET', '/analytics/home');
    expect(await text(page.getByTestId('count-inactiveProducers-n'))).toBe(String(countyHome.counts.find((c) => c.key === 'inactiveProducers')!.n));
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
    for (const words of ['待确认的交易', '有库存的批次', '30 天内到期的证书', '未读通知']) expect(await text(producer)).toContain(words);
    expect(await text(page.getByTestId('home-refreshed'))).toContain('有新交易时立即刷新');
    const own = await call<{ counts: { key: string; n: number }[] }>(await apiLogin(suite.server.baseUrl, 'sg-coop'), 'GET', '/analytics/home');
    for (const c of own.counts) expect(await text(page.getByTestId(`count-${c.key}-n`)), c.key).toBe(String(c.n));
    await screenshot(page, 'home-producer-phone');
    // Each count opens its list.
    await page.getByTestId('count-noticesUnread').getByRole('link').first().click();
    await page.waitForURL(/\/inbox$/);
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
    // A figure opens its list narrowed to the township and the period on screen; the list's total is the figure.
    const statsUrl = page.url();
    const figure = await shown(page.getByTestId('figure-subjectsActive'));
    const value = await text(figure);
    await figure.click();
    await page.waitForURL(/\/subjects\?/);
    const opened = new URL(page.url()).searchParams;
    expect(opened.get('status')).toBe('active');
    expect(opened.get('region')).toBe('370783100');
    expect(opened.get('from')).toMatch(/^\d{4}-\d{2}-01$/);
    expect(await text(await shown(page.getByTestId('scope-region').filter({ hasText: '化龙镇' })))).toContain('地区：');
    expect(await text(page.getByTestId('scope-period'))).toContain(`期间：${opened.get('from')} 至 ${opened.get('to')}`);
    expect(await text(await shown(page.getByTestId('list-total')))).toBe(`共 ${value} 条`);
    await screenshot(page, 'statistics-figure-list');
    // Removing the period widens the list; the region stays.
    await page.getByTestId('scope-period').locator('.ant-tag-close-icon').click();
    await page.waitForURL((u) => !u.searchParams.has('from') && u.searchParams.get('region') === '370783100');
    await page.goto(statsUrl);
    await shown(page.getByTestId('node').filter({ hasText: '化龙镇' }));
    // Back up by the path, and out of the jurisdiction nothing is shown.
    await page.getByTestId('crumbs').getByText('潍坊市').click();
    await shown(page.getByTestId('node').filter({ hasText: '潍坊市' }));
    await page.goto(`${suite.server.baseUrl}/analytics/statistics?region=51`);
    await shown(page.getByTestId('load-error'));
    expect(suite.problems).toEqual([]);
  });
});
