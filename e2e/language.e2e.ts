import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import * as ui from './ui.js';
import { browserSuite, DESKTOP, PHONE, shown, text } from './ui.js';

// Issue 15 §7 "speaks the users' language": 我的账号's permissions and the audit log in words, no raw key, change
// details as a field/before/after table. Pictures: e2e/artifacts/language-*.png on a phone and a desktop.

const suite = browserSuite('language');
let page: Page;
const { screenshot } = ui.suitePictures('language');
const RAW_KEY = /\b(perm|action|auditTarget)\.[a-z_.]+|\b(agency|user|auth|token|system|subject|trace|supervision|enforcement|monitoring)\.[a-z_]+\b/;

beforeAll(() => {
  page = suite.page;
});

describe('console: no raw keys (issue 15 §7)', () => {
  for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    it(`shows permissions and the audit log in Chinese words on a ${size}`, async () => {
      await page.setViewportSize(viewport);
      await ui.signIn(page, suite.server.baseUrl, 'sd-admin');
      await ui.openMenu(page, '我的账号');
      // The home page (机构树) has descriptions too, and stays on screen while 我的账号 loads: read the permissions' own.
      await page.waitForURL(/\/account$/);
      const account = await text(await shown(page.locator('.ant-descriptions').filter({ hasText: '权限' })));
      expect(account).toContain('查阅审计日志');
      expect(account).not.toMatch(RAW_KEY);
      await screenshot(page, `account-${size}`);

      await ui.openMenu(page, '审计日志');
      const firstRow = await shown(page.locator('.ant-table-row').first());
      const table = await text(page.locator('.ant-table').first());
      expect(table).not.toMatch(RAW_KEY);
      await firstRow.locator('.ant-table-row-expand-icon').click();
      const detail = await shown(page.getByTestId('audit-detail').first());
      expect(await text(detail)).not.toMatch(/[{}"]/);
      await screenshot(page, `audit-${size}`);
      expect(suite.problems).toEqual([]);
    });
  }

  it('edits a province checklist by its words: no item code is shown, a new item gets one', async () => {
    await page.setViewportSize(DESKTOP);
    await ui.signIn(page, suite.server.baseUrl, 'sd-admin');
    await ui.openMenu(page, '检查表模板');
    await shown(page.locator('input[placeholder="中文"]'));
    const visible = () => page.locator('input:visible').evaluateAll((all) => all.map((i) => (i as HTMLInputElement).value));
    const before = await visible();
    expect(before.length).toBeGreaterThan(2);
    for (const value of before) expect(value).not.toMatch(/^[a-z]+(_[a-z0-9]+)+$/);
    expect(await page.locator('input[placeholder="代码"]').count()).toBe(0);

    await page.getByRole('button', { name: '添加检查项' }).click();
    await page.locator('input[placeholder="中文"]').last().fill('农药包装废弃物回收');
    await page.locator('input[placeholder="英文说明"]').last().fill('Pesticide packaging is collected');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await shown(ui.toast(page, '检查表已保存'));
    await page.reload();
    await shown(page.locator('input[placeholder="中文"]'));
    expect(await visible()).toContain('农药包装废弃物回收');
    await screenshot(page, 'checklist-desktop');
    expect(suite.problems).toEqual([]);
  });
});
