import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, call } from './api.js';
import { browserSuite, DESKTOP, PHONE, shown, signIn, suitePictures, text } from './ui.js';

// Issue 15 §7: the menu grouped as the platform's business systems (系统管理 / 主体管理 / 追溯 / 监管执法 / 监测 /
// 统计分析) with breadcrumbs and page titles; each role sees what it uses (no phone inspection tool for the
// ministry); an official who scans a subject's identity gets 开始巡查 / 抽样 / 执法记录. Pictures go to
// e2e/artifacts/navigation-*.png.

const suite = browserSuite('navigation');
const pictures = suitePictures('navigation');
let page: Page;
let token = '';

/** The group titles of the side menu, in order. */
const groups = (p: Page) => p.locator('.tn-sider .ant-menu-item-group-title').allInnerTexts();
const menuItem = (p: Page, label: string) => p.locator('.tn-sider .ant-menu').getByText(label, { exact: true });

async function openPhoneMenu(p: Page) {
  await p.getByRole('button', { name: '菜单' }).click();
  await shown(p.locator('.tn-sider .ant-menu-item-group-title').first());
}

beforeAll(async () => {
  page = suite.page;
  const farmer = await apiLogin(suite.server.baseUrl, 'sg-farmer');
  token = (await call<{ token: string }>(farmer, 'GET', '/registry/my-subject/identity')).token;
});

describe('navigation (issue 15 §7)', () => {
  it('groups the ministry menu, with no field inspection tool, and names each page in a breadcrumb and the title', async () => {
    await page.setViewportSize(DESKTOP);
    await signIn(page, suite.server.baseUrl, 'moa-admin');
    // Every role lands on its 首页 (issue 16 §2), which shows no path of its own.
    await shown(page.getByTestId('home-page'));
    // The side menu's code loads apart from the page (issue 15 §9): its groups are read once it has come.
    await shown(page.locator('.tn-sider .ant-menu-item-group-title').first());
    expect(await groups(page)).toEqual(['系统管理', '主体管理', '追溯', '监管执法', '监测', '统计分析']);
    await menuItem(page, '机构树').click();
    await shown(page.getByTestId('breadcrumb').getByText('机构树'));
    // The ministry directs and reads inspections; it does not walk a farm with a phone.
    await shown(menuItem(page, '巡查记录').or(menuItem(page, '执法案件')));
    expect(await menuItem(page, '基地巡查').count()).toBe(0);
    expect(await menuItem(page, '现场抽样').count()).toBe(0);
    expect(await text(page.getByTestId('breadcrumb'))).toBe('首页/系统管理/机构树');
    expect(await page.title()).toBe('机构树 · 追溯一张网');
    await pictures.screenshot(page, 'ministry-desktop');

    // A page below a menu entry: 监管执法 / 执法案件 / 详情 is said for a case; a subject's detail likewise.
    await menuItem(page, '生产经营主体').click();
    await shown(page.getByTestId('breadcrumb').getByText('生产经营主体'));
    expect(await text(page.getByTestId('breadcrumb'))).toBe('首页/主体管理/生产经营主体');
    expect(await page.title()).toBe('生产经营主体 · 追溯一张网');
  });

  it('gives a township inspector the field tool in its phone menu under 监管执法', async () => {
    await page.setViewportSize(PHONE);
    await signIn(page, suite.server.baseUrl, 'sg-hl-user');
    await openPhoneMenu(page);
    const titles = await groups(page);
    expect(titles).toContain('监管执法');
    // A station's staff allocate nobody and manage no accounts.
    expect(await menuItem(page, '账号分配').count()).toBe(0);
    expect(await menuItem(page, '用户管理').count()).toBe(0);
    const group = page.locator('.tn-sider .ant-menu-item-group').filter({ has: page.locator('.ant-menu-item-group-title', { hasText: '监管执法' }) });
    await shown(group.getByText('基地巡查', { exact: true }));
    await pictures.screenshot(page, 'township-phone-menu', false);
    await group.getByText('基地巡查', { exact: true }).click();
    // The drawer closes and the route changes after the click: wait for the page, not the click.
    await shown(page.getByTestId('breadcrumb').getByText('基地巡查'));
    expect(await text(page.getByTestId('breadcrumb'))).toBe('首页/监管执法/基地巡查');
  });

  it('lets a county inspector scan a subject and start the inspection on it (开始巡查)', async () => {
    await page.setViewportSize(PHONE);
    await signIn(page, suite.server.baseUrl, 'sg-admin');
    await page.goto(`${suite.server.baseUrl}/identity/${token}`);
    const name = await text(page.getByTestId('scan-result').locator('h3'));
    const actions = await shown(page.getByTestId('scan-actions'));
    await shown(actions.getByTestId('scan-inspect'));
    // A supervision agency neither samples (a lab does) nor opens enforcement records.
    expect(await actions.getByTestId('scan-sample').count()).toBe(0);
    expect(await actions.getByTestId('scan-enforce').count()).toBe(0);
    expect(await text(page.getByTestId('breadcrumb'))).toBe('首页/扫描主体身份码');
    await pictures.screenshot(page, 'scan-county-phone');
    await actions.getByTestId('scan-inspect').click();
    // The inspection opens on the scanned subject: its records and the checklist, no search first.
    await page.waitForURL(/\/supervision\/field\?identity=/);
    await shown(page.getByText(name).first());
    expect(await page.getByTestId('inspect-code').count()).toBe(0);
    await pictures.screenshot(page, 'scan-inspect-phone');
  });

  it('lets a county lab scan a subject and sample with the holder named (抽样)', async () => {
    await page.setViewportSize(PHONE);
    await signIn(page, suite.server.baseUrl, 'sg-lab-admin');
    await page.goto(`${suite.server.baseUrl}/identity/${token}`);
    const name = await text(page.getByTestId('scan-result').locator('h3'));
    const actions = await shown(page.getByTestId('scan-actions'));
    expect(await actions.getByTestId('scan-inspect').count()).toBe(0);
    await (await shown(actions.getByTestId('scan-sample'))).click();
    await page.waitForURL(/\/monitoring\/sampling\?holder=/);
    expect(await (await shown(page.getByTestId('sample-manual-holder'))).inputValue()).toBe(name);
    await pictures.screenshot(page, 'scan-sample-phone');
  });

  it('lets a county enforcement officer scan a subject and open an enforcement record for it (执法记录)', async () => {
    await page.setViewportSize(DESKTOP);
    await signIn(page, suite.server.baseUrl, 'sg-law-admin');
    await page.goto(`${suite.server.baseUrl}/identity/${token}`);
    const name = await text(page.getByTestId('scan-result').locator('h3'));
    const actions = await shown(page.getByTestId('scan-actions'));
    expect(await actions.getByTestId('scan-inspect').count()).toBe(0);
    await (await shown(actions.getByTestId('scan-enforce'))).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '对该主体建立执法记录' });
    expect(await (await shown(modal.locator('#scan-enforce_title'))).inputValue()).toBe(`${name}现场执法`);
    await modal.locator('#scan-enforce_summary').fill('现场检查发现农药使用记录不全');
    await pictures.screenshot(page, 'scan-enforce-desktop');
    await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.waitForURL(/\/enforcement\/cases\/[0-9a-f-]{36}$/);
    await shown(page.getByText(`${name}现场执法`).first());
    expect(await text(page.getByTestId('breadcrumb'))).toBe('首页/监管执法/执法案件/详情');
    expect(await page.title()).toBe('详情 · 执法案件 · 追溯一张网');
    await pictures.screenshot(page, 'scan-enforce-case-desktop');
    expect(suite.problems).toEqual([]);
  });
});
