import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import * as ui from './ui.js';
import { browserSuite, DESKTOP, shown, text } from './ui.js';

// 平台对接 (issue 17 §1): the ministry registers a certification system, issues its key (the secret shown once), the
// partner calls with a signed request as its own code would, and the client's page lists the call and the replay it
// refused. Pictures: e2e/artifacts/integration-*.png.

const suite = browserSuite('integration');
let page: Page;
const { screenshot } = ui.suitePictures('integration');

beforeAll(() => {
  page = suite.page;
});

/** A partner's signed GET, with Node's crypto only (README "Calling Tracenet from another system"). */
function signed(key: { id: string; secret: string }, path: string, nonce = randomBytes(16).toString('hex')) {
  const ts = String(Math.floor(Date.now() / 1000));
  const text = ['TN1-HMAC-SHA256', 'GET', path, ts, nonce, createHash('sha256').update('').digest('hex')].join('\n');
  return { 'x-tracenet-key': key.id, 'x-tracenet-timestamp': ts, 'x-tracenet-nonce': nonce, 'x-tracenet-signature': createHmac('sha256', key.secret).update(text).digest('hex') };
}

/**
 * Picks an option and waits until the field shows it: on a loaded machine a click can land while the dropdown is still
 * opening and be lost (CI once submitted the form with 认证类别 empty), so the pick is made again, at most twice more.
 */
async function choose(testId: string, option: string) {
  const field = await shown(page.getByTestId(testId));
  const chosen = async () => (await field.innerText()).includes(option);
  for (let attempt = 0; attempt < 3 && !(await chosen()); attempt++) {
    if (attempt) await page.keyboard.press('Escape');
    await field.click();
    await (await shown(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }))).click();
    await expect.poll(chosen, { timeout: 3_000 }).toBe(true).catch(() => undefined);
  }
  expect(await chosen()).toBe(true);
}

describe('console: 平台对接', () => {
  it('registers a certification system, shows its secret once, and lists its signed calls and the refused replay', async () => {
    await page.setViewportSize(DESKTOP);
    await ui.signIn(page, suite.server.baseUrl, 'moa-admin');
    await ui.openMenu(page, '平台对接');
    await (await shown(page.getByTestId('integration-register'))).click();
    await choose('integration-kind', '认证系统');
    await choose('integration-scheme', '绿色食品');
    await page.getByTestId('integration-name').fill('绿色食品认证管理系统');
    await page.getByTestId('scope-region-add-all').click();
    expect(await text(await shown(page.getByTestId('scope-region-all')))).toBe('全国');
    await choose('integration-operations', '追溯查询');
    await screenshot(page, 'register');
    await page.getByTestId('integration-submit').click();

    // The client's page: no key yet; issuing one shows the secret once.
    await (await shown(page.getByTestId('integration-key-create'))).click();
    const modal = await shown(ui.dialog(page, '新密钥'));
    const key = { id: await text(modal.getByTestId('integration-secret-key')), secret: await text(modal.getByTestId('integration-secret-value')) };
    expect(key.id).toMatch(/^tnk_/);
    expect(key.secret).toMatch(/^tns_/);
    await screenshot(page, 'secret');
    await modal.getByRole('button', { name: '我已保存' }).click();
    await modal.waitFor({ state: 'hidden' });
    await shown(page.locator('.ant-table-row').filter({ hasText: key.id }).filter({ hasText: '有效' }));
    expect(await page.locator('body').innerText()).not.toContain(key.secret);

    // The partner calls; the same request again is a replay.
    const headers = signed(key, '/api/v1/integration/me');
    const first = await fetch(`${suite.server.baseUrl}/api/v1/integration/me`, { headers });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ name: '绿色食品认证管理系统', regions: [''], operations: ['trace.graph'] });
    const replay = await fetch(`${suite.server.baseUrl}/api/v1/integration/me`, { headers });
    expect(replay.status).toBe(401);
    expect((await replay.json()).code).toBe('NONCE_REUSED');

    await page.reload();
    await shown(page.locator('.ant-table-row').filter({ hasText: '重放请求' }));
    await shown(page.locator('.ant-table-row').filter({ hasText: '成功' }));
    expect(await text(page.getByTestId('integration-last24h'))).toContain('调用 2 次，其中被拒绝 1 次');
    await screenshot(page, 'calls');
    expect(suite.problems).toEqual([]);
  });
});
