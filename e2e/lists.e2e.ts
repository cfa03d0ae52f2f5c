import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, call, type Session } from './api.js';
import * as ui from './ui.js';
import { browserSuite, DESKTOP, PHONE, shown, signIn, text, toast } from './ui.js';

// Issue 15 §8: the lists (search, filters, a total, an export) and a subject's whole file (一户一档), on a desktop
// and on a phone. Data through the API: sg-coop records 番茄 and 黄瓜 batches and sells 黄瓜 to sg-farmer.
// Pictures: e2e/artifacts/lists-*.png.

const suite = browserSuite('lists');
let page: Page;
let base: string;
let coopId: string;
const { screenshot } = ui.suitePictures('lists');

async function exported(p: Page, name: RegExp): Promise<Buffer> {
  const [download] = await Promise.all([p.waitForEvent('download'), (await shown(p.getByTestId('list-export'))).click()]);
  expect(download.suggestedFilename()).toMatch(name);
  const bytes = readFileSync(await download.path());
  expect(bytes.subarray(0, 2).toString()).toBe('PK'); // an .xlsx is a zip
  return bytes;
}

const total = (p: Page) => text(p.getByTestId('list-total'));

beforeAll(async () => {
  page = suite.page;
  base = suite.server.baseUrl;
  const coop: Session = await apiLogin(base, 'sg-coop');
  const farmer: Session = await apiLogin(base, 'sg-farmer');
  coopId = (await call<{ id: string }>(coop, 'GET', '/registry/my-subject')).id;
  await call(coop, 'POST', '/trace/bases', { name: '化龙镇一号棚区', regionCode: '370783100', address: '化龙镇东 2 公里', area: 30, areaUnit: 'mu', lat: 36.86, lng: 118.8 });
  const tomato = (await call<{ id: string }>(coop, 'POST', '/trace/products', { name: '寿光番茄', classCode: '04', spec: '散装', unit: 'kg' })).id;
  const cucumber = (await call<{ id: string }>(coop, 'POST', '/trace/products', { name: '寿光黄瓜', classCode: '04', spec: '散装', unit: 'kg' })).id;
  const batches: string[] = [];
  for (const productId of [tomato, tomato, cucumber]) {
    batches.push((await call<{ id: string }>(coop, 'POST', '/trace/batches', { productId, quantity: 300, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } })).id);
  }
  const buyerToken = (await call<{ token: string }>(farmer, 'GET', '/registry/my-subject/identity')).token;
  await call(coop, 'POST', '/trace/trades', { batchId: batches[2], buyerToken, quantity: 50, unit: 'kg' });
});

describe('lists and the subject\u2019s file', () => {
  it('a producer searches its batches and trades, sees the totals and exports them (desktop)', async () => {
    await page.setViewportSize(DESKTOP);
    await signIn(page, base, 'sg-coop');
    await page.goto(`${base}/trace/batches`);
    expect(await total(page)).toBe('共 3 条');
    await page.getByTestId('batch-search').locator('input').fill('黄瓜');
    await page.getByTestId('batch-search').locator('input').press('Enter');
    await expect.poll(() => total(page)).toBe('共 1 条');
    await screenshot(page, 'desktop-batches');
    await exported(page, /批次清单\.xlsx$/);
    await shown(toast(page, '已导出'));

    await page.goto(`${base}/trace/trades?direction=outgoing`);
    await expect.poll(() => total(page)).toBe('共 1 条');
    await page.getByTestId('trade-search').locator('input').fill('番茄');
    await page.getByTestId('trade-search').locator('input').press('Enter');
    await expect.poll(() => total(page)).toBe('共 0 条');
    expect(await page.getByTestId('list-export').isDisabled()).toBe(true);
    await page.getByTestId('trade-search').locator('input').fill('黄瓜');
    await page.getByTestId('trade-search').locator('input').press('Enter');
    await expect.poll(() => total(page)).toBe('共 1 条');
    await screenshot(page, 'desktop-trades');
    await exported(page, /交易清单\.xlsx$/);
  });

  it('the county reads its subjects and accounts with totals and exports, and opens a subject\u2019s whole file (desktop)', async () => {
    await signIn(page, base, 'sg-admin');
    await page.goto(`${base}/subjects`);
    await expect.poll(() => total(page)).toMatch(/^共 \d+ 条$/);
    await screenshot(page, 'desktop-subjects');
    await exported(page, /主体清单\.xlsx$/);

    await page.goto(`${base}/users`);
    await expect.poll(() => total(page)).toMatch(/^共 \d+ 条$/);
    await exported(page, /账号清单\.xlsx$/);

    await page.goto(`${base}/subjects/${coopId}`);
    const file = await shown(page.getByTestId('subject-file'));
    await shown(file.getByTestId('file-bases').getByText('化龙镇一号棚区'));
    await file.getByRole('tab', { name: '产品' }).click();
    await shown(file.getByTestId('file-products').getByText('寿光黄瓜'));
    await file.getByRole('tab', { name: '批次' }).click();
    await expect.poll(() => text(file.getByTestId('file-batches').getByTestId('list-total'))).toBe('共 3 条');
    await file.getByRole('tab', { name: '交易' }).click();
    await shown(file.getByTestId('file-trades').getByText('寿光黄瓜'));
    await screenshot(page, 'desktop-file-trades');
    // Nothing inspected, sampled or prosecuted yet: each part says so (an empty part, not an error).
    for (const [tab, part] of [['巡查', 'file-inspections'], ['抽检', 'file-samples'], ['案件', 'file-cases']] as const) {
      await file.getByRole('tab', { name: tab }).click();
      await shown(file.getByTestId(part).getByTestId('empty-state'));
      expect(await file.getByTestId(part).locator('.ant-alert-error').count()).toBe(0);
    }
    await file.getByRole('tab', { name: '变更' }).click();
    await shown(file.getByTestId('file-history').getByText('批量导入主体').or(file.getByTestId('file-history').getByText('主体注册')));
    await screenshot(page, 'desktop-file-changes');

    // One part failing shows its own error with 重试; the others still load.
    await page.route('**/api/v1/trace/subjects/*/bases**', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ code: 'UNAVAILABLE', message: { zh: '服务暂不可用', en: 'Unavailable' }, details: {} }) }),
    );
    await page.reload();
    const again = await shown(page.getByTestId('subject-file'));
    await shown(again.getByTestId('file-bases').locator('.ant-alert-error'));
    expect(await again.getByTestId('file-bases').locator('.ant-table').count()).toBe(0);
    await again.getByRole('tab', { name: '产品' }).click();
    await shown(again.getByTestId('file-products').getByText('寿光黄瓜'));
    await again.getByRole('tab', { name: '基地' }).click();
    await screenshot(page, 'desktop-file-part-failed');
    await page.unroute('**/api/v1/trace/subjects/*/bases**');
    await again.getByTestId('file-bases').getByRole('button', { name: /重\s*试/ }).click();
    await shown(again.getByTestId('file-bases').getByText('化龙镇一号棚区'));
  });

  it('an official of another region gets nothing of the subject', async () => {
    await signIn(page, base, 'pd-admin');
    await page.goto(`${base}/subjects/${coopId}`);
    const alert = await shown(page.locator('.ant-alert-error'));
    expect(await text(alert)).toContain('不在您的辖区内');
    expect(await page.getByTestId('subject-file').count()).toBe(0);
    expect(await page.getByText('寿光黄瓜').count()).toBe(0);
  });

  it('the province picks an action in the audit log, sees who did it and for which agency, and exports it (desktop)', async () => {
    await signIn(page, base, 'sd-admin');
    await page.goto(`${base}/audit`);
    await expect.poll(() => total(page)).toMatch(/^(共 \d+ 条|超过 \d+ 条)$/);
    const picker = await shown(page.getByTestId('audit-action'));
    await picker.click();
    await page.keyboard.type('导出主体');
    await (await shown(page.locator('.ant-select-item-option').filter({ hasText: '导出主体清单' }))).click();
    await expect.poll(() => total(page)).toBe('共 1 条');
    const row = await shown(page.locator('.ant-table-row').first());
    expect(await text(row)).toContain('寿光市农业农村局');
    expect(await text(row)).not.toContain('registry.subjects.export');
    await screenshot(page, 'desktop-audit');
    await exported(page, /审计日志\.xlsx$/);
  });

  it('the same on a phone: batches, the subject\u2019s file and the audit log fit the screen', async () => {
    await page.setViewportSize(PHONE);
    await signIn(page, base, 'sg-coop');
    await page.goto(`${base}/trace/batches`);
    expect(await total(page)).toBe('共 3 条');
    await ui.expectNoHorizontalScroll(page);
    await screenshot(page, 'phone-batches');

    await signIn(page, base, 'sg-admin');
    await page.goto(`${base}/subjects/${coopId}`);
    const file = await shown(page.getByTestId('subject-file'));
    await file.getByRole('tab', { name: '批次' }).click();
    await expect.poll(() => text(file.getByTestId('file-batches').getByTestId('list-total'))).toBe('共 3 条');
    await ui.expectNoHorizontalScroll(page);
    await file.scrollIntoViewIfNeeded();
    await screenshot(page, 'phone-file');

    await signIn(page, base, 'sd-admin');
    await page.goto(`${base}/audit`);
    await expect.poll(() => total(page)).toMatch(/^(共 \d+ 条|超过 \d+ 条)$/);
    await ui.expectNoHorizontalScroll(page);
    await screenshot(page, 'phone-audit');
    await page.setViewportSize(DESKTOP);
  });

  it('ran without script errors or Content-Security-Policy violations', () => {
    expect(suite.problems).toEqual([]);
  });
});
