import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, call } from './api.js';
import * as ui from './ui.js';
import { browserSuite, dialog, DESKTOP, PHONE, shown, text, toast } from './ui.js';

// 更正与作废 (issue 15 §5), end to end in Chinese. The broken path: sg-coop (绿源蔬菜专业合作社) typed 1000 kg for a
// batch of 100 kg and sold 30 kg of it; a second batch was recorded twice. On a phone the coop corrects the quantity
// — refused below the 30 kg shipped, then accepted — and the 修改记录 keeps 1000 → 100 with who and why. On a
// desktop it voids the duplicate with a reason, whose public page then says 已作废 with the day and reason, and
// voids a product recorded in the wrong class. Pictures: e2e/artifacts/corrections-*.png.

const SEQ = 100 + Math.floor(Math.random() * 800);
const PRODUCT = `更正番茄${SEQ}`;
const suite = browserSuite('corrections');
const { screenshot } = ui.suitePictures('corrections');
let page: Page;
let typo = { id: '', code: '' };
let duplicate = { id: '', code: '' };

const isoDay = (offsetDays: number) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  page = suite.page;
  const coop = await apiLogin(suite.server.baseUrl, 'sg-coop');
  const farmer = await apiLogin(suite.server.baseUrl, 'sg-farmer');
  const product = await call<{ id: string }>(coop, 'POST', '/trace/products', { name: PRODUCT, classCode: '04', spec: '散装', unit: 'kg' });
  const batch = { productId: product.id, unit: 'kg', harvestDate: isoDay(-1), selfCheck: { result: 'pass' } };
  typo = await call(coop, 'POST', '/trace/batches', { ...batch, quantity: 1000 });
  duplicate = await call(coop, 'POST', '/trace/batches', { ...batch, quantity: 100 });
  const { token } = await call<{ token: string }>(farmer, 'GET', '/registry/my-subject/identity');
  const sale = await call<{ id: string }>(coop, 'POST', '/trace/trades', { batchId: typo.id, buyerToken: token, quantity: 30, unit: 'kg' });
  await call(farmer, 'POST', `/trace/trades/${sale.id}/confirm`, {}, 200);
  await call(coop, 'POST', '/trace/products', { name: `分类错误${SEQ}`, classCode: '04', spec: '散装', unit: 'kg' });
});

describe('console: 更正与作废', () => {
  it('on a phone, corrects a mistyped quantity: refused below what was shipped, then kept in 修改记录', async () => {
    await page.setViewportSize(PHONE);
    await ui.signIn(page, suite.server.baseUrl, 'sg-coop');
    await page.goto(`${suite.server.baseUrl}/trace/batches/${typo.id}`);
    expect(await text(page.getByTestId('batch-facts'))).toContain('1000 千克');
    await (await shown(page.getByTestId('batch-corrections').getByRole('button', { name: /更\s*正/ }))).click();
    const form = await shown(dialog(page, '更正批次登记'));
    await shown(form.getByText('已发出和待确认共 30 千克'));
    const quantity = form.getByLabel('数量');
    await quantity.fill('20');
    await form.getByLabel('更正原因').fill('多输了一个零');
    await form.getByRole('button', { name: /确认更正/ }).click();
    await shown(form.getByText('最少 30 千克'));
    await screenshot(page, 'phone-refused-below-shipped');
    await quantity.fill('100');
    await form.getByRole('button', { name: /确认更正/ }).click();
    const confirm = await shown(page.locator('.ant-modal-confirm').filter({ hasText: '确认更正这条记录？' }));
    await confirm.getByRole('button', { name: /确认更正/ }).click();
    await shown(toast(page, '已更正'));
    await shown(page.getByTestId('batch-facts').getByText('100 千克'));
    const history = await shown(page.getByTestId('correction-history'));
    const entry = await text(history.getByTestId('correction-entry'));
    expect(entry).toContain('更正');
    expect(entry).toContain('数量：1000 → 100');
    expect(entry).toContain('原因：多输了一个零');
    await ui.expectNoHorizontalScroll(page);
    await screenshot(page, 'phone-corrected-history');
  });

  it('on a desktop, voids a duplicate batch with a reason; its public page says 已作废 with the day and reason', async () => {
    await page.setViewportSize(DESKTOP);
    await page.goto(`${suite.server.baseUrl}/trace/batches/${duplicate.id}`);
    await (await shown(page.getByTestId('batch-corrections').getByRole('button', { name: /作\s*废/ }))).click();
    const form = await shown(dialog(page, '作废批次'));
    await shown(form.getByText('消费者扫码会看到“已作废”'));
    await form.getByRole('button', { name: /确认作废/ }).click();
    await shown(form.getByText('请填写 2–300 个字'));
    await form.getByLabel('作废原因（将公开显示）').fill('重复登记');
    await form.getByRole('button', { name: /确认作废/ }).click();
    const today = isoDay(0);
    expect(await text(page.getByTestId('batch-voided'))).toContain(`已于 ${today} 作废，原因：重复登记`);
    await expect(page.getByTestId('batch-actions').count()).resolves.toBe(0);
    expect(await text(page.getByTestId('correction-history').getByTestId('correction-entry'))).toContain('作废');
    await screenshot(page, 'desktop-batch-voided');

    await page.goto(`${suite.server.baseUrl}/t/${duplicate.code}`);
    expect(await text(page.locator('.banner'))).toContain(`该批次记录已作废（${today}，原因：重复登记）`);
    await screenshot(page, 'desktop-public-page-voided');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'phone-public-page-voided');
  });

  it('on a desktop, voids a product recorded in the wrong class and shows its 修改记录', async () => {
    await page.setViewportSize(DESKTOP);
    await page.goto(`${suite.server.baseUrl}/trace/products`);
    const item = (await shown(page.getByTestId('product-item').filter({ hasText: `分类错误${SEQ}` })));
    await item.getByRole('button', { name: /作\s*废/ }).click();
    const form = await shown(dialog(page, '作废产品'));
    await form.getByLabel('作废原因（将公开显示）').fill('分类选错，重新登记');
    await form.getByRole('button', { name: /确认作废/ }).click();
    await shown(item.getByTestId('record-voided'));
    await item.getByRole('button', { name: '修改记录' }).click();
    const history = await shown(dialog(page, '修改记录'));
    expect(await text(history.getByTestId('correction-entry'))).toContain('分类选错，重新登记');
    await screenshot(page, 'desktop-product-voided-history');
    expect(suite.problems).toEqual([]);
  });
});
