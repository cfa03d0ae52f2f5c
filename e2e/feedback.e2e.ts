import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, call } from './api.js';
import * as ui from './ui.js';
import { browserSuite, DESKTOP, PHONE, shown, text } from './ui.js';

// 系统优化建议 (issue 14 §5): a producer files a problem from a console page on a phone, with a screenshot and the
// page's address; the ministry's operations classifies it and proposes a solution, 安全中心 (another person) confirms,
// operations fixes it and records the revisit; the producer sees every step. Pictures: e2e/artifacts/feedback-*.png.

const suite = browserSuite('feedback');
let page: Page;
const { screenshot } = ui.suitePictures('feedback');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const SECURITY_PASSWORD = 'Security#Centre2026';

beforeAll(async () => {
  page = suite.page;
  // 安全中心: a second admin account of the operations agency (who classifies may not confirm).
  const opsAdmin = await apiLogin(suite.server.baseUrl, 'ops-admin');
  const me = await call<{ agency: { id: string } }>(opsAdmin, 'GET', '/auth/me');
  await call(opsAdmin, 'POST', `/agencies/${me.agency.id}/users`, { username: 'ops-security', displayName: '安全中心审核员', password: ui.DEMO_PASSWORD, role: 'admin' });
  const security = await apiLogin(suite.server.baseUrl, 'ops-security');
  await call(security, 'POST', '/auth/password', { currentPassword: ui.DEMO_PASSWORD, newPassword: SECURITY_PASSWORD }, 204);
});

async function choose(select: string, option: string) {
  await (await shown(page.getByTestId(select))).click();
  await (await shown(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }))).click();
}

async function step(name: string, fill: () => Promise<void>, expectState: string) {
  await (await shown(page.getByTestId(`feedback-step-${name}`))).click();
  await fill();
  await page.getByTestId('feedback-step-submit').click();
  await shown(page.getByTestId('feedback-state').filter({ hasText: expectState }));
}

async function openFirstRow() {
  await (await shown(page.locator('.ant-table-row').first())).click();
  await shown(page.getByTestId('feedback-drawer').getByTestId('feedback-timeline'));
}

describe('console: 反馈问题 → 用户反馈 → 回访', () => {
  it('goes filed → classified → confirmed → fixed → revisited, on a phone and on a desktop', async () => {
    // A producer on a phone, on the batches page with a filter.
    await page.setViewportSize(PHONE);
    await ui.signIn(page, suite.server.baseUrl, 'sg-coop');
    await page.goto(`${suite.server.baseUrl}/trace/batches?status=active`);
    await shown(page.getByRole('heading', { name: '批次' }).or(page.locator('.tn-page-title')));
    await (await shown(page.getByTestId('feedback-open'))).click();
    const modal = await shown(ui.dialog(page, '反馈问题或建议'));
    expect(await text(modal.getByTestId('feedback-page'))).toBe('/trace/batches?status=active');
    // Nothing chosen for the filer: submitting empty says what is missing.
    await modal.getByTestId('feedback-submit').click();
    await shown(modal.getByText('请选择类别'));
    await choose('feedback-kind', '用户体验');
    await modal.getByTestId('feedback-text').fill('手机上批次列表看不到“打印标签”按钮，只能换电脑打印。');
    await modal.getByTestId('feedback-shot-0').locator('input[type=file]').setInputFiles({ name: 'screen.png', mimeType: 'image/png', buffer: PNG });
    await shown(modal.getByTestId('feedback-shot-0-preview'));
    await shown(modal.getByTestId('feedback-shot-1'));
    await ui.expectNoHorizontalScroll(page);
    await screenshot(page, 'phone-file', false);
    await modal.getByTestId('feedback-submit').click();
    const done = await shown(ui.toast(page, '反馈已提交'));
    const no = /FK\d{6}/.exec(await text(done))![0];

    await ui.openMenu(page, '我的反馈');
    const row = await shown(page.locator('.ant-table-row').filter({ hasText: no }));
    expect(await text(row)).toContain('已提交');
    await ui.expectNoHorizontalScroll(page);
    await screenshot(page, 'phone-mine-filed');

    // Operations (安全中心's admin account, who may also handle) on a desktop: the list, the detail, classify with a proposal.
    await page.setViewportSize(DESKTOP);
    await ui.signIn(page, suite.server.baseUrl, 'ops-admin');
    await ui.openMenu(page, '用户反馈');
    await shown(page.getByTestId('feedback-total').filter({ hasText: '共 1 条' }));
    await openFirstRow();
    const drawer = page.getByTestId('feedback-drawer');
    expect(await text(drawer)).toContain('/trace/batches?status=active');
    await shown(drawer.getByTestId('feedback-screenshot'));
    await step(
      'classify',
      async () => {
        await choose('feedback-classify-kind', '业务操作');
        await drawer.getByTestId('feedback-step-text').fill('在手机版批次详情中加入“打印标签”入口。');
      },
      '已分类',
    );
    // The classifier cannot confirm the same item.
    expect(await drawer.getByTestId('feedback-step-confirm').isDisabled()).toBe(true);
    await shown(drawer.getByText('您已对此反馈分类，须由安全中心的其他人员确认。'));
    await screenshot(page, 'desktop-classified');

    // 安全中心 confirms.
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    await ui.logout(page);
    await ui.login(page, 'ops-security', SECURITY_PASSWORD);
    await ui.openMenu(page, '用户反馈');
    await openFirstRow();
    await step('confirm', () => drawer.getByTestId('feedback-step-text').fill('同意方案。'), '已确认');
    await screenshot(page, 'desktop-confirmed');

    // Operations fixes it and records the revisit.
    await ui.signIn(page, suite.server.baseUrl, 'ops-admin');
    await ui.openMenu(page, '用户反馈');
    await openFirstRow();
    await step('fix', () => drawer.getByTestId('feedback-step-text').fill('3.2 版已在手机版批次详情加入打印入口。'), '已解决');
    await step(
      'revisit',
      async () => {
        await drawer.getByTestId('feedback-satisfaction').getByText('满意', { exact: true }).click();
        await drawer.getByTestId('feedback-step-text').fill('电话回访，用户已能在手机上打印。');
      },
      '已回访',
    );
    const timeline = await text(drawer.getByTestId('feedback-timeline'));
    for (const s of ['已提交', '已分类', '已确认', '已解决', '已回访']) expect(timeline).toContain(s);
    await screenshot(page, 'desktop-revisited');
    await drawer.locator('.ant-drawer-close').click();
    await page.getByRole('tab', { name: '分类统计' }).click();
    const stats = await shown(page.getByTestId('feedback-stats'));
    await shown(stats.locator('.ant-table-row').filter({ hasText: '业务操作' }));
    expect(await text(stats.locator('.ant-table-row').filter({ hasText: '业务操作' }))).toMatch(/业务操作\s*0\s*0\s*0\s*0\s*0\s*1\s*1/);
    await screenshot(page, 'desktop-stats');

    // The producer sees the answer and the whole history.
    await page.setViewportSize(PHONE);
    await ui.signIn(page, suite.server.baseUrl, 'sg-coop');
    await ui.openMenu(page, '我的反馈');
    await (await shown(page.locator('.ant-table-row').filter({ hasText: '已回访' }))).click();
    await shown(page.getByTestId('feedback-drawer').getByTestId('feedback-timeline'));
    const mine = await text(page.getByTestId('feedback-drawer'));
    expect(mine).toContain('满意');
    expect(mine).toContain('电话回访，用户已能在手机上打印。');
    expect(await page.getByTestId('feedback-actions').count()).toBe(0);
    await ui.expectNoHorizontalScroll(page);
    await screenshot(page, 'phone-mine-revisited');
    expect(suite.problems).toEqual([]);
  }, 300_000);
});
