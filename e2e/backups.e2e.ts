import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import * as ui from './ui.js';
import { browserSuite, DEMO_PASSWORD, DESKTOP, shown, text } from './ui.js';

// 数据库备份 for operations: the server runs a scheduled backup (every minute here) on its embedded database, and the
// ministry's supervision admin reads the run's time, file, size, duration and result; a failed load says so with
// 重试 instead of looking like an empty list. Pictures: e2e/artifacts/backups-*.png.

process.env.BACKUP_CRON = '* * * * *';
process.env.BACKUP_KEEP = '2';

const suite = browserSuite('backups');
let page: Page;
const { screenshot } = ui.suitePictures('backups');

beforeAll(() => {
  page = suite.page;
});

describe('console: 数据库备份', () => {
  it('shows operations (运维) each backup run, and a failed load with 重试', async () => {
    await page.setViewportSize(DESKTOP);
    await page.goto(suite.server.baseUrl + '/');
    await ui.login(page, 'ops-admin', DEMO_PASSWORD);
    await shown(page.getByTestId('user-menu'));
    await (await shown(page.locator('.ant-menu').getByText('数据库备份', { exact: true }))).click();
    await shown(page.getByRole('heading', { name: '数据库备份' }));

    // The first scheduled run starts a second after the server; a backup of the demo database takes some seconds.
    const done = page.locator('.ant-table-row').filter({ hasText: '成功' }).first();
    for (let i = 0; i < 40 && !(await done.isVisible()); i++) {
      await page.waitForTimeout(2_000);
      await page.getByRole('button', { name: '刷新' }).click();
    }
    const row = await shown(done);
    const cells = await text(row);
    expect(cells).toContain('定时');
    expect(cells).toMatch(/tracenet-pglite-\d{8}T\d{9}Z\.tnbak/);
    expect(cells).toMatch(/\d+\.\d (KB|MB)/);
    expect(cells).toMatch(/\d+\.\d 秒/);
    const headers = await text(page.locator('.ant-table-thead'));
    for (const h of ['开始时间', '方式', '备份文件', '大小', '耗时', '结果']) expect(headers).toContain(h);
    await screenshot(page, 'list');

    // The load fails once: an inline error with 重试, no table that would look empty.
    await page.route('**/api/v1/ops/backups**', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ code: 'UNAVAILABLE', message: { zh: '服务暂不可用', en: 'Unavailable' }, details: {} }) }),
    );
    await page.reload();
    const alert = await shown(page.locator('.ant-alert-error'));
    expect(await text(alert)).toContain('备份记录加载失败：');
    expect(await page.locator('.ant-table').count()).toBe(0);
    await screenshot(page, 'load-failed');
    await page.unroute('**/api/v1/ops/backups**');
    await alert.getByRole('button', { name: /重\s*试/ }).click();
    await shown(page.locator('.ant-table-row').filter({ hasText: '成功' }).first());
    expect(await page.locator('.ant-alert-error').count()).toBe(0);
    expect(suite.problems).toEqual([]);
  }, 180_000);
});
