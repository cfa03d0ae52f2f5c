import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import * as ui from './ui.js';
import { browserSuite, DESKTOP, PHONE, shown, text } from './ui.js';

// 作业队列 for operations: the server's worker runs its jobs from the database queue. The audit checkpoint is pointed
// at a folder that cannot exist, so its job fails, is retried after a (shortened) backoff and ends dead; the
// ministry's supervision admin finds it under 已失败停用, sends it back to the queue (audited) and sees a failed load
// as an error with 重试, never as an empty list. Pictures: e2e/artifacts/jobs-*.png.

process.env.AUDIT_CHECKPOINT_DIR = '/dev/null/audit';
process.env.JOB_BACKOFF_SECONDS = '1';

const suite = browserSuite('jobs');
let page: Page;
const { screenshot } = ui.suitePictures('jobs');

beforeAll(() => {
  page = suite.page;
});

const chooseState = async (label: string) => {
  await page.getByTestId('job-state-filter').click();
  await (await shown(page.locator('.ant-select-item-option').filter({ hasText: label }))).click();
};

describe('console: 作业队列', () => {
  it('shows the queue by state, retries a dead job, and shows a failed load with 重试', async () => {
    await page.setViewportSize(DESKTOP);
    await ui.signIn(page, suite.server.baseUrl, 'ops-staff');
    await ui.openMenu(page, '作业队列');
    await shown(page.getByRole('heading', { name: '作业队列' }));
    const headers = await text(page.locator('.ant-table-thead'));
    for (const h of ['编号', '作业', '状态', '计划执行时间', '尝试次数', '结束时间', '最近一次失败']) expect(headers).toContain(h);

    // The checkpoint fails three times (1 s, then 2 s of backoff, polled every 5 s) and is held dead.
    await chooseState('已失败停用');
    const dead = page.locator('.ant-table-row').filter({ hasText: '审计日志校验点' }).first();
    for (let i = 0; i < 40 && !(await dead.isVisible()); i++) {
      await page.waitForTimeout(2_000);
      await page.getByRole('button', { name: '刷新' }).click();
    }
    const row = await shown(dead);
    const cells = await text(row);
    expect(cells).toContain('已失败停用');
    expect(cells).toContain('3 / 3');
    expect(cells).toContain('有失败记录');
    // Only dead jobs under this filter; the other jobs (overdue checks, purges) ran and are not shown.
    for (const r of await page.locator('.ant-table-row').all()) expect(await text(r)).toContain('已失败停用');
    const id = (await text(row.locator('td').first())).trim();
    await screenshot(page, 'dead-desktop');

    // All states: the jobs that ran are there too, under their Chinese names.
    await chooseState('全部状态');
    await shown(page.locator('.ant-table-row').filter({ hasText: '已完成' }).first());
    expect(await text(page.locator('.ant-table-tbody'))).toMatch(/任务与整改逾期检查|清理过期会话与登录计数/);
    await screenshot(page, 'all-desktop');

    // Retry: confirmed, then the job is queued again (it fails again later: the folder is still impossible).
    await chooseState('已失败停用');
    await (await shown(page.getByTestId(`job-retry-${id}`))).click();
    await ui.confirmPopover(page, /重\s*试/);
    await shown(ui.toast(page, '作业已重新放回队列'));
    const after = await page.evaluate(async (jobId) => {
      const res = await fetch(`/api/v1/audit?action=ops.job_retry&targetType=job&targetId=${jobId}`);
      return (await res.json()) as { items: { action: string }[] };
    }, id);
    expect(after.items.map((e) => e.action)).toEqual(['ops.job_retry']);

    // Phone: the same page fits the width.
    await page.setViewportSize(PHONE);
    await page.reload();
    await shown(page.getByRole('heading', { name: '作业队列' }));
    await shown(page.locator('.ant-table-row').first());
    await ui.expectNoHorizontalScroll(page);
    await screenshot(page, 'phone');

    // The load fails once: an inline error with 重试, no table that would look empty.
    await page.setViewportSize(DESKTOP);
    await page.route('**/api/v1/ops/jobs**', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ code: 'SERVER_BUSY', message: { zh: '服务器繁忙，请稍后再试', en: 'Busy' }, details: {} }) }),
    );
    await page.reload();
    const alert = await shown(page.getByTestId('load-error'));
    expect(await text(alert)).toContain('服务器繁忙');
    expect(await page.locator('.ant-table').count()).toBe(0);
    await screenshot(page, 'load-failed');
    await page.unroute('**/api/v1/ops/jobs**');
    await page.getByTestId('load-retry').click();
    await shown(page.locator('.ant-table-row').first());
    expect(await page.getByTestId('load-error').count()).toBe(0);
    expect(suite.problems).toEqual([]);
  }, 240_000);
});
