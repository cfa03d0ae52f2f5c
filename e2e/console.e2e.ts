import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import * as ui from './ui.js';
import { browserSuite, DEMO_PASSWORD, shown, text } from './ui.js';

// 账号分配 end to end, in Chinese: the ministry allocates a province supervision administrator (河南省), who
// logs in, must change the initial password, and allocates a city supervision administrator (郑州市), which
// then appears in the province's agency tree.

const suffix = randomBytes(3).toString('hex');
const province = { username: `ha-admin-${suffix}`, displayName: '河南省监管管理员', agency: '河南省农业农村厅', password: '' };
const provinceNewPassword = `Zhengzhou#2026-${suffix}`;
const city = { username: `zz-admin-${suffix}`, displayName: '郑州市监管管理员', agency: '郑州市农业农村局', password: `Songshan!88${suffix}` };

const suite = browserSuite('console');
let page: Page;
beforeAll(() => {
  page = suite.page;
});

const toast = (words: string) => ui.toast(page, words);
const login = (username: string, password: string) => ui.login(page, username, password);
const logout = () => ui.logout(page);

/** One of the allocation options (antd radio buttons: the input itself is hidden). */
const choice = (label: string) => page.locator('.ant-radio-button-wrapper').filter({ hasText: label });

async function pickRegion(name: string) {
  await page.locator('.ant-cascader').click();
  await (await shown(page.locator(`.ant-cascader-menu-item[title="${name}"]`))).click();
  await shown(page.locator('.ant-cascader-content-value, .ant-select-content-value, .ant-cascader').filter({ hasText: name }));
}

describe('console: account allocation down the tree (账号分配)', () => {
  it('shows the login page in Chinese and refuses a wrong password', async () => {
    await page.goto(suite.server.baseUrl + '/');
    expect(await text(page.locator('.tn-login h2'))).toBe('追溯一张网');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await login('moa-admin', 'not-the-password');
    // The same words whether the username exists or not: the page tells a guesser nothing about accounts.
    expect(await text(page.getByTestId('login-error'))).toBe('用户名或密码错误');
  });

  it('lets the ministry administrator log in and see the menu its permissions allow', async () => {
    await login('moa-admin', DEMO_PASSWORD);
    const menu = page.locator('.ant-menu');
    await shown(menu.getByText('账号分配'));
    for (const item of ['首页', '机构树', '用户管理', '审计日志', '我的账号']) expect(await menu.getByText(item).count()).toBe(1);
    // An official lands on its 首页 (issue 16 §2); the agency tree is a menu entry away.
    await page.waitForURL(/\/home$/);
    await menu.getByText('机构树').click();
    await shown(page.locator('.tn-tree-name').filter({ hasText: '农业农村部农产品质量安全监管司' }));
    await shown(page.locator('.tn-tree-name').filter({ hasText: '山东省农业农村厅' }));
  });

  it('creates an app token only with the password typed again, and shows how long it lasts', async () => {
    await page.locator('.ant-menu').getByText('我的账号').click();
    expect(await text(page.getByTestId('token-lifetime'))).toBe('新令牌默认有效 90 天，最长 365 天；修改密码后所有令牌失效。');
    const form = page.locator('form#new-token');
    await form.getByPlaceholder('令牌名称').fill('省平台对接');
    await form.getByRole('button', { name: '创建令牌' }).click();
    await shown(form.getByText('请填写本账号密码'));
    await form.getByPlaceholder('本账号密码').fill('Wrong#Pass2026');
    await form.getByRole('button', { name: '创建令牌' }).click();
    await shown(toast('当前密码不正确'));
    await form.getByPlaceholder('本账号密码').fill(DEMO_PASSWORD);
    await form.getByRole('button', { name: '创建令牌' }).click();
    const created = ui.dialog(page, '令牌已创建');
    expect(await text(created.getByTestId('token-valid-until'))).toMatch(/^有效期至 \d{4}/);
    await created.locator('.ant-modal-footer').getByRole('button').click();
    await shown(page.locator('.ant-table-row').filter({ hasText: '省平台对接' }));
    await ui.screenshot(page, 'account-tokens');
  });

  it('refuses a second supervision agency for a province that has one (山东省)', async () => {
    await page.locator('.ant-menu').getByText('账号分配').click();
    // Two kinds to allocate, so none is chosen for the admin (a default would record what nobody chose).
    const option = await shown(choice('省级监管机构'));
    expect(await option.getAttribute('class')).not.toContain('ant-radio-button-wrapper-checked');
    await option.click();
    expect(await option.getAttribute('class')).toContain('ant-radio-button-wrapper-checked');
    // The ministry allocates province supervision agencies and its operations agency (运维), nothing else.
    expect(await page.locator('.ant-radio-button-wrapper').count()).toBe(2);
    await pickRegion('山东省');
    expect(await page.getByLabel('机构名称').inputValue()).toBe('山东省农业农村厅');
    await page.getByLabel('用户名').fill(`sd-second-${suffix}`);
    await page.getByLabel('姓名').fill('重复的管理员');
    await page.getByTestId('generate-password').click();
    await page.getByRole('button', { name: '创建机构和账号' }).click();
    expect(await text(page.getByTestId('allocate-error'))).toBe('该区划已有同级监管机构');
  });

  it('creates the 河南省 supervision agency with its administrator', async () => {
    await pickRegion('河南省');
    // The suggested name follows the region while the user has not typed one of their own.
    expect(await page.getByLabel('机构名称').inputValue()).toBe(province.agency);
    await page.getByLabel('用户名').fill(province.username);
    await page.getByLabel('姓名').fill(province.displayName);
    await page.getByLabel('手机号（选填）').fill('13800138000');
    await page.getByTestId('generate-password').click();
    province.password = await page.getByLabel('密码', { exact: true }).inputValue();
    expect(province.password).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)(?=.*[^A-Za-z0-9]).{14}$/);
    await page.getByRole('button', { name: '创建机构和账号' }).click();
    await shown(toast(`已创建 ${province.agency}，账号 ${province.username}`));
    const result = await text(page.getByTestId('allocate-result'));
    expect(result).toContain(province.username);
    expect(result).toContain(province.password);
    expect(result).toContain('管理员');
  });

  it('forces the new province administrator to change the initial password', async () => {
    await logout();
    await login(province.username, province.password);
    expect(await text(page.getByTestId('forced-password'))).toContain('请先设置新密码');
    // The server refuses everything else until the password is changed.
    const refused = await page.evaluate(async () => {
      const r = await fetch('/api/v1/agencies');
      return { status: r.status, body: (await r.json()) as { code: string } };
    });
    expect(refused).toMatchObject({ status: 403, body: { code: 'PASSWORD_CHANGE_REQUIRED' } });

    await page.getByLabel('当前密码').fill(province.password);
    await page.getByLabel('新密码', { exact: true }).fill(provinceNewPassword);
    await page.getByLabel('确认密码').fill(provinceNewPassword);
    await page.getByRole('button', { name: '修改密码' }).click();
    await shown(toast('密码已修改，欢迎使用'));
    await shown(page.locator('.ant-menu').getByText('账号分配'));
    expect(await text(page.locator('.tn-brand-agency'))).toContain(province.agency);
  });

  it('lets the province administrator create the 郑州市 supervision administrator', async () => {
    await page.locator('.ant-menu').getByText('账号分配').click();
    // A province allocates its own level's testing, enforcement and market-regulation agencies and the cities'
    // supervision agencies.
    await shown(choice('省级检测机构'));
    await shown(choice('省级执法机构'));
    await shown(choice('省级市场监管部门'));
    expect(await page.locator('.ant-radio-button-wrapper').count()).toBe(4);
    await choice('市级监管机构').click();
    await pickRegion('郑州市');
    expect(await page.getByLabel('机构名称').inputValue()).toBe(city.agency);
    await page.getByLabel('用户名').fill(city.username);
    await page.getByLabel('姓名').fill(city.displayName);
    await page.getByLabel('密码', { exact: true }).fill(city.password);
    await page.getByRole('button', { name: '创建机构和账号' }).click();
    await shown(toast(`已创建 ${city.agency}，账号 ${city.username}`));
  });

  it('shows the new city agency in the agency tree', async () => {
    await page.getByRole('button', { name: '查看机构树' }).click();
    const root = await shown(page.locator('.ant-tree-treenode').filter({ hasText: province.agency }));
    expect(await root.textContent()).toContain('省级');
    const node = await shown(page.locator('.ant-tree-treenode').filter({ hasText: city.agency }));
    expect(await node.textContent()).toContain('市级 · 郑州市');
    expect(await text(page.getByTestId('agency-detail'))).toContain('4101');
    // A clean picture: no pointer hover, the success toasts gone.
    await page.mouse.move(0, 0);
    await page.locator('.ant-message-notice').last().waitFor({ state: 'detached', timeout: 15_000 });
    await ui.screenshot(page, 'agency-tree');
  });

  it("lets the province administrator disable, enable and reset the city administrator's account", async () => {
    await page.getByTestId('agency-detail').getByRole('button', { name: '管理该机构用户' }).click();
    const row = await shown(page.locator('.ant-table-row').filter({ hasText: city.username }));
    expect(await row.textContent()).toContain('待改密'); // allocated accounts must change the initial password
    await row.getByRole('button', { name: /停\s*用/ }).click();
    await ui.confirmPopover(page, /确\s*定/);
    await shown(toast(`已停用 ${city.username}`));
    expect(await text(row.locator('.ant-tag').filter({ hasText: '已停用' }))).toBe('已停用');
    await row.getByRole('button', { name: /启\s*用/ }).click();
    await shown(toast(`已启用 ${city.username}`));
    await row.getByRole('button', { name: '重置密码' }).click();
    const dialog = page.locator('.ant-modal').filter({ has: page.locator('#reset-password') });
    await (await shown(dialog.getByTestId('generate-password'))).click();
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await shown(toast(`已重置 ${city.username} 的密码`));
  });

  it('records the allocation in the audit log', async () => {
    await page.locator('.ant-menu').getByText('审计日志').click();
    // The action reads in words (issue 15 §7), never as its code.
    const row = await shown(page.locator('.ant-table-row').filter({ hasText: '创建机构' }));
    expect(await row.textContent()).toContain(province.username); // the newest creation is the city's, by the province admin
    expect(await page.locator('.ant-table').textContent()).not.toContain('agency.create');
  });

  it('ran without script errors or Content-Security-Policy violations', () => {
    expect(suite.problems).toEqual([]);
  });
});
