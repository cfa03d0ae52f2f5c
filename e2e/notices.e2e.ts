import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, call } from './api.js';
import * as ui from './ui.js';
import { browserSuite, DESKTOP, PHONE, shown, text } from './ui.js';

// 系统公告 and notices to producers (issue 14 §4): the ministry's operations publish a maintenance banner; 寿光's
// county bureau sends a notice to the producers of its jurisdiction on a desktop; a producer on a phone sees the
// banner and the bell, reads the notice and gives its receipt; the county sees who read it and who has not.
// Pictures: e2e/artifacts/notices-*.png.

const suite = browserSuite('notices');
let page: Page;
const { screenshot } = ui.suitePictures('notices');
const TITLE = '关于使用追溯码标签的通知';
const BANNER = '今晚 22:00 至 23:00 系统维护，届时暂停服务。';

beforeAll(async () => {
  page = suite.page;
  const moa = await apiLogin(suite.server.baseUrl, 'ops-admin');
  const now = Date.now();
  await call(moa, 'POST', '/announcements', { level: 'warning', textZh: BANNER, startsAt: new Date(now - 60_000).toISOString(), endsAt: new Date(now + 6 * 3600_000).toISOString() });
});

describe('console: 系统公告 and 通知 with read receipts', () => {
  it('a county sends, a producer on a phone reads under the banner, the county sees the receipt', async () => {
    // The county bureau on a desktop: the form counts whom the notice will reach, then sends it.
    await page.setViewportSize(DESKTOP);
    await ui.signIn(page, suite.server.baseUrl, 'sg-admin');
    await shown(page.getByTestId('announcement').filter({ hasText: BANNER }));
    await ui.openMenu(page, '通知管理');
    await (await shown(page.getByTestId('notice-new'))).click();
    await (await shown(page.getByTestId('notice-title'))).fill(TITLE);
    await page.getByTestId('notice-body').fill('各生产经营主体：\n请在批次登记后打印追溯码标签，并贴在包装上。');
    await shown(page.getByTestId('notice-reach').filter({ hasText: '将发送给 2 个生产经营主体' }));
    await screenshot(page, 'desktop-form');
    await page.getByTestId('notice-send').click();
    const confirm = await shown(page.locator('.ant-modal-confirm').filter({ hasText: '确定发送给 2 个生产经营主体' }));
    await confirm.getByRole('button', { name: ui.twoChars('发送') }).click();
    await shown(page.getByTestId('notice-detail-title').filter({ hasText: TITLE }));
    const receipts = await shown(page.getByTestId('notice-receipts'));
    expect(await text(receipts)).toMatch(/发送数\s*2\s*已读\s*0\s*未读\s*2/);

    // A producer on a phone: the banner on every page, the bell with one unread notice.
    await page.setViewportSize(PHONE);
    await ui.signIn(page, suite.server.baseUrl, 'sg-coop');
    await shown(page.getByTestId('announcement').filter({ hasText: BANNER }));
    await shown(page.getByTestId('inbox-unread').filter({ hasText: '1' }));
    await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
    await ui.expectNoHorizontalScroll(page);
    await screenshot(page, 'phone-banner', false);
    await page.getByTestId('inbox-bell').click();
    const row = await shown(page.getByTestId('inbox-row').filter({ hasText: TITLE }));
    expect(await text(row)).toContain('未读');
    await ui.expectNoHorizontalScroll(page);
    await screenshot(page, 'phone-inbox');
    await row.click();
    await shown(page.getByTestId('inbox-notice-body').filter({ hasText: '打印追溯码标签' }));
    await (await shown(page.getByTestId('inbox-mark-read'))).click();
    const receipt = await shown(page.getByTestId('inbox-read-receipt'));
    expect(await text(receipt)).toContain('已阅读');
    // Read: the bell counts nothing more.
    await page.getByTestId('inbox-unread').locator('.ant-badge-count').waitFor({ state: 'detached' });
    await ui.expectNoHorizontalScroll(page);
    await screenshot(page, 'phone-read');
    // Closed, the banner stays closed on the next page.
    await page.getByTestId('announcement').locator('.ant-alert-close-icon').click();
    await page.getByTestId('announcement').waitFor({ state: 'detached' });
    await page.reload();
    await shown(page.getByTestId('inbox-read-receipt'));
    expect(await page.getByTestId('announcement').count()).toBe(0);

    // The county sees one read (who, when) and one not read.
    await page.setViewportSize(DESKTOP);
    await ui.signIn(page, suite.server.baseUrl, 'sg-admin');
    await ui.openMenu(page, '通知管理');
    await (await shown(page.locator('.ant-table-row').filter({ hasText: TITLE }))).click();
    await shown(page.getByTestId('notice-receipts').filter({ hasText: /已读\s*1\s*未读\s*1/ }));
    await shown(page.locator('.ant-table-row').filter({ hasText: '张建国' }));
    await page.getByRole('tab', { name: '已读名单' }).click();
    const readRow = await shown(page.locator('.ant-table-row').filter({ hasText: '绿源' }));
    expect(await text(readRow)).toMatch(/\d{4}-\d{2}-\d{2}/);
    await screenshot(page, 'desktop-receipts');
    expect(suite.problems).toEqual([]);
  }, 240_000);
});
