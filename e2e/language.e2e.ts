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
      const account = await text(await shown(page.locator('.ant-descriptions').first()));
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
});
