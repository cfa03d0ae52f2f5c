import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, call, type Session } from './api.js';
import * as ui from './ui.js';
import { browserSuite, DEMO_PASSWORD, dialog, shown } from './ui.js';

// Issue 15 §1, "never write something other than what was typed". antd's InputNumber max used to replace a typed
// 9999 by the stock (600) on blur, and 提交 sold the whole batch. Here every limited number field of the producer's
// workbench is typed over its limit: the typed value stays, the limit is said in words (最多 600 千克), and nothing is
// written (checked through the API). A sale of the whole stock asks first. Phone 390×844 and desktop 1440×900.
// Pictures: e2e/artifacts/limits-*.png.

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const SEQ = 100 + Math.floor(Math.random() * 800);

const suite = browserSuite('limits');
const { screenshot } = ui.suitePictures('limits');
let page: Page;
let coop: Session;
let batch: { id: string; code: string };
let productName = '';

type BatchState = { stock: number; frozen: number };
const batchState = () => call<BatchState>(coop, 'GET', `/trace/batches/${batch.id}`);
const tradeCount = async (who: Session, direction: 'incoming' | 'outgoing') => (await call<{ items: unknown[] }>(who, 'GET', `/trace/trades?direction=${direction}&limit=100`)).items.length;

/** Types `value` into the number field, leaves it, and checks the typed value was kept and the limit is said. */
async function typeOver(input: Locator, value: string, limit: string, scope: Locator) {
  await input.fill(value);
  await input.press('Tab');
  // The same number as typed (a coordinate field shows four decimals: 118.7400), never the limit in its place.
  expect(Number(await input.inputValue())).toBe(Number(value));
  await shown(scope.locator('.ant-form-item-explain-error').filter({ hasText: limit }));
}

const signIn = (username: string) => ui.signIn(page, suite.server.baseUrl, username);

beforeAll(async () => {
  page = suite.page;
  coop = await apiLogin(suite.server.baseUrl, 'sg-coop');
  productName = `限值黄瓜${SEQ}`;
  const product = await call<{ id: string }>(coop, 'POST', '/trace/products', { name: productName, classCode: '04', spec: '散装', unit: 'kg' });
  const harvest = new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
  batch = await call<{ id: string; code: string }>(coop, 'POST', '/trace/batches', { productId: product.id, quantity: 600, unit: 'kg', harvestDate: harvest, selfCheck: { result: 'pass' } });
  await signIn('sg-coop');
});

describe('number fields refuse what is over their limit and keep what was typed', () => {
  for (const [view, size] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    it(`sell drawer (${view}): 9999 kg with 600 in stock stays 9999, says 最多 600 千克, sells nothing; all 600 asks first`, async () => {
      await page.setViewportSize(size);
      await page.goto(`${suite.server.baseUrl}/trace/batches/${batch.id}`);
      await (await shown(page.getByTestId('sell'))).click();
      const drawer = page.getByTestId('sell-drawer');
      await (await shown(drawer.getByTestId('buyer-mode'))).getByText('买方未注册').click();
      await (await shown(drawer.getByLabel('买方名称'))).fill('城东农贸市场王记');
      const quantity = drawer.getByLabel('数量', { exact: true });
      await typeOver(quantity, '9999', '最多 600 千克', drawer);
      await screenshot(page, `sell-over-${view}`, false);
      await drawer.getByTestId('drawer-submit').click();
      await page.waitForTimeout(500);
      expect(await quantity.inputValue()).toBe('9999');
      expect(await batchState()).toMatchObject({ stock: 600, frozen: 0 });
      expect(await tradeCount(coop, 'outgoing')).toBe(0);
      // The whole stock: said back and confirmed first; going back writes nothing.
      await quantity.fill('600');
      await drawer.getByTestId('drawer-submit').click();
      const confirm = await shown(page.locator('.ant-modal-confirm'));
      expect(await confirm.textContent()).toContain('全部可用库存');
      await screenshot(page, `sell-whole-confirm-${view}`, false);
      await confirm.getByRole('button', { name: '返回修改' }).click();
      await confirm.waitFor({ state: 'detached' });
      expect(await batchState()).toMatchObject({ stock: 600, frozen: 0 });
      await drawer.getByRole('button', { name: ui.twoChars('取消') }).first().click().catch(() => page.keyboard.press('Escape'));
    });
  }

  it('market entry, split and processing (phone) keep 9999 and say 最多 600 千克; nothing is written', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${suite.server.baseUrl}/trace/batches/${batch.id}`);
    await (await shown(page.getByTestId('market-entry'))).click();
    const market = page.getByTestId('market-drawer');
    await (await shown(market.getByText('批发市场', { exact: true }))).click();
    await market.getByLabel('市场/企业名称').fill('寿光农产品物流园');
    await typeOver(market.getByLabel('数量', { exact: true }), '9999', '最多 600 千克', market);
    await screenshot(page, 'market-over-phone', false);
    await market.getByTestId('drawer-submit').click();
    await page.waitForTimeout(500);
    expect(await batchState()).toMatchObject({ stock: 600, frozen: 0 });
    await page.keyboard.press('Escape');
    await market.waitFor({ state: 'hidden' });

    await page.getByTestId('batch-actions').getByText('拆分').click();
    const split = dialog(page, '拆分批次');
    await typeOver(split.getByLabel('第 1 份'), '9999', '最多 600 千克', split);
    await split.getByLabel('第 2 份').fill('10');
    await screenshot(page, 'split-over-phone', false);
    await split.getByRole('button', { name: ui.twoChars('拆分') }).click();
    await page.waitForTimeout(500);
    expect(await batchState()).toMatchObject({ stock: 600, frozen: 0 });
    await split.getByRole('button', { name: ui.twoChars('取消') }).click();

    await page.getByTestId('batch-actions').getByText('加工').click();
    const process = page.locator('.ant-drawer-open');
    const input = await shown(process.getByTestId('process-input').first());
    const select = input.getByLabel('投入批次');
    const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: batch.code });
    await ui.clickUntilShown(select, option);
    await option.first().click();
    await typeOver(input.getByLabel('用量'), '9999', '最多 600 千克', process);
    await typeOver(process.getByLabel('产出数量'), '2000000000', '最多 1000000000', process);
    await screenshot(page, 'process-over-phone', false);
    expect(await batchState()).toMatchObject({ stock: 600, frozen: 0 });
    await page.keyboard.press('Escape');
  });

  it('a return (phone) of more than was bought keeps the typed quantity and says the limit; nothing returns', async () => {
    const farmer = await apiLogin(suite.server.baseUrl, 'sg-farmer');
    const { token } = await call<{ token: string }>(farmer, 'GET', '/registry/my-subject/identity');
    const sale = await call<{ id: string }>(coop, 'POST', '/trace/trades', { batchId: batch.id, buyerToken: token, quantity: 100, unit: 'kg' });
    await call(farmer, 'POST', `/trace/trades/${sale.id}/confirm`, {}, 200);
    await signIn('sg-farmer');
    await page.setViewportSize(PHONE);
    await page.goto(`${suite.server.baseUrl}/trace/trades`);
    const item = await shown(page.getByTestId('other-trades').getByTestId('trade-item').filter({ hasText: productName }));
    await item.getByRole('button', { name: /退\s*货/ }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '退货数量' });
    await typeOver(await shown(modal.getByLabel('退货数量')), '150', '最多 100 千克', modal);
    await modal.getByLabel('理由').fill('数量不符，部分退回');
    await screenshot(page, 'return-over-phone', false);
    await modal.getByRole('button', { name: /退\s*货/ }).click();
    await page.waitForTimeout(500);
    const trade = await call<{ returned: number }>(farmer, 'GET', `/trace/trades/${sale.id}`);
    expect(trade.returned).toBe(0);
    await signIn('sg-coop');
  });

  it('base coordinates (desktop): swapped latitude and longitude stay as typed and are refused, nothing added', async () => {
    await page.setViewportSize(DESKTOP);
    await page.goto(`${suite.server.baseUrl}/trace/bases`);
    const before = (await call<{ items: unknown[] }>(coop, 'GET', '/trace/bases?limit=100')).items.length;
    await (await shown(page.getByRole('button', { name: /添加基地/ }))).click();
    const drawer = page.locator('.ant-drawer-open');
    await (await shown(drawer.getByLabel('基地名称'))).fill(`限值测试基地${SEQ}`);
    await typeOver(drawer.getByLabel('纬度'), '118.74', '最多 90', drawer);
    await typeOver(drawer.getByLabel('经度'), '200', '最多 180', drawer);
    await typeOver(drawer.getByLabel('面积（选填）', { exact: true }), '0', '最少 0.01', drawer);
    await screenshot(page, 'base-coordinates-desktop', false);
    await drawer.getByTestId('drawer-submit').click();
    await page.waitForTimeout(500);
    expect(Number(await drawer.getByLabel('纬度').inputValue())).toBe(118.74);
    expect((await call<{ items: unknown[] }>(coop, 'GET', '/trace/bases?limit=100')).items.length).toBe(before);
  });

  it('label copies and a token’s lifetime (desktop) say their limits and keep the typed value; nothing is made', async () => {
    await page.setViewportSize(DESKTOP);
    await page.goto(`${suite.server.baseUrl}/trace/batches/${batch.id}`);
    const print = await shown(page.getByTestId('print-card'));
    const copies = print.locator('.ant-form-item').filter({ hasText: '份数' }).locator('input');
    await copies.fill('5000');
    await copies.press('Tab');
    expect(await copies.inputValue()).toBe('5000');
    await shown(print.locator('.ant-form-item-explain-error').filter({ hasText: '最多 1000' }));
    expect(await page.getByTestId('download-label').isDisabled()).toBe(true);
    await screenshot(page, 'print-copies-desktop', false);

    await page.goto(`${suite.server.baseUrl}/account`);
    const tokens = page.locator('form').filter({ has: page.getByPlaceholder('令牌名称') });
    await (await shown(tokens.getByPlaceholder('令牌名称'))).fill(`限值令牌${SEQ}`);
    // With the password given, only the lifetime's limit (365 days at most) stands between the form and a token.
    await tokens.getByPlaceholder('本账号密码').fill(DEMO_PASSWORD);
    await typeOver(tokens.getByPlaceholder(/不填则/), '9999', '最多 365', tokens);
    await tokens.getByRole('button', { name: /创建令牌/ }).click();
    await page.waitForTimeout(500);
    expect((await call<{ items: { name: string }[] }>(coop, 'GET', '/auth/tokens')).items.some((k) => k.name === `限值令牌${SEQ}`)).toBe(false);
    await screenshot(page, 'token-days-desktop', false);
    expect(suite.problems).toEqual([]);
  });
});
