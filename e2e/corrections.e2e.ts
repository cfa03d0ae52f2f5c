import type { Locator, Page } from 'playwright-core';
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
/** A batch nothing depends on yet, recorded under the wrong product and with no base. */
let unshipped = { id: '', code: '' };
const CUCUMBER = `更正黄瓜${SEQ}`;
const BASE = `更正基地${SEQ}`;
const WRONG_UNIT = `单位错误${SEQ}`;

/** A GTIN-13 with its GS1 check digit, unique to this run. */
function gtin13(): string {
  const body = `690${String(SEQ).padStart(3, '0')}${String(Date.now()).slice(-6)}`;
  const sum = [...body].reverse().reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return body + ((10 - (sum % 10)) % 10);
}

/** The open dialog of that title: every product's row keeps its own (hidden) dialogs in the page. */
const openDialog = (title: string) => dialog(page, title).filter({ visible: true });

/** Chooses the option holding `label` of an antd Select. */
async function choose(select: Locator, label: string) {
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: label });
  await ui.clickUntilShown(select, option);
  await option.first().click();
}

/** Picks `names` column after column in the cascader's popup, then closes it. */
async function pickCascade(cascader: Locator, names: string[]) {
  await cascader.click();
  for (const name of names) await (await shown(page.locator(`.ant-cascader-dropdown:not(.ant-select-dropdown-hidden) .ant-cascader-menu-item[title="${name}"]`))).click();
  if (await page.locator('.ant-cascader-dropdown:not(.ant-select-dropdown-hidden)').isVisible()) await page.keyboard.press('Escape');
  await shown(cascader.filter({ hasText: names[names.length - 1]! }));
}

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
  await call(coop, 'POST', '/trace/products', { name: CUCUMBER, classCode: '04', spec: '散装', unit: 'kg' });
  await call(coop, 'POST', '/trace/products', { name: WRONG_UNIT, classCode: '04', spec: '散装', unit: 'box' });
  await call(coop, 'POST', '/trace/bases', { name: BASE, regionCode: '370783100', address: '化龙镇西村', lat: 36.86, lng: 118.8 });
  unshipped = await call(coop, 'POST', '/trace/batches', { ...batch, quantity: 40 });
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

  it('on a phone, a sold batch’s product is refused with the server’s words; an unshipped batch’s product and base are corrected', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${suite.server.baseUrl}/trace/batches/${typo.id}`);
    await (await shown(page.getByTestId('batch-corrections').getByRole('button', { name: /更\s*正/ }))).click();
    let form = await shown(dialog(page, '更正批次登记'));
    await choose(form.getByTestId('correct-product'), CUCUMBER);
    await form.getByLabel('更正原因').fill('选错了产品');
    await form.getByRole('button', { name: /确认更正/ }).click();
    await (await shown(page.locator('.ant-modal-confirm').filter({ hasText: '确认更正这条记录？' }))).getByRole('button', { name: /确认更正/ }).click();
    // 30 kg of it were sold as 更正番茄: the server refuses, and its words stand under the reason.
    await shown(form.getByText('“产品”已被交易或加工记录使用，不能更正'));
    await screenshot(page, 'phone-product-refused');
    await form.getByRole('button', { name: /取\s*消/ }).click();

    await page.goto(`${suite.server.baseUrl}/trace/batches/${unshipped.id}`);
    await (await shown(page.getByTestId('batch-corrections').getByRole('button', { name: /更\s*正/ }))).click();
    form = await shown(dialog(page, '更正批次登记'));
    await choose(form.getByTestId('correct-product'), CUCUMBER);
    await choose(form.getByTestId('correct-base'), BASE);
    await form.getByLabel('更正原因').fill('登记时选错了产品，漏选了基地');
    await screenshot(page, 'phone-batch-product-base');
    await form.getByRole('button', { name: /确认更正/ }).click();
    await (await shown(page.locator('.ant-modal-confirm').filter({ hasText: '确认更正这条记录？' }))).getByRole('button', { name: /确认更正/ }).click();
    await shown(toast(page, '已更正'));
    await shown(page.getByTestId('batch-title').filter({ hasText: CUCUMBER }));
    const entry = await text(await shown(page.getByTestId('correction-history').getByTestId('correction-entry')));
    expect(entry).toContain(`产品：${PRODUCT} → ${CUCUMBER}`);
    expect(entry).toContain(`基地：— → ${BASE}`);
    await ui.expectNoHorizontalScroll(page);
    await screenshot(page, 'phone-batch-product-base-history');
  });

  it('on a desktop, corrects a product’s class, unit and GTIN while no batch names it, and refuses them once one does', async () => {
    await page.setViewportSize(DESKTOP);
    await page.goto(`${suite.server.baseUrl}/trace/products`);
    const code = gtin13();
    const item = await shown(page.getByTestId('product-item').filter({ hasText: WRONG_UNIT }));
    await item.getByRole('button', { name: /更\s*正/ }).click();
    let form = await shown(openDialog('更正产品'));
    // The class is shown by its name while the form opens, never by its code.
    await shown(form.getByTestId('class-cascader').filter({ hasText: '干制蔬菜' }));
    await pickCascade(form.getByTestId('class-cascader'), ['蔬菜', '茄果类蔬菜', '番茄类蔬菜', '番茄']);
    await choose(form.getByLabel('计量单位'), '千克');
    await form.getByLabel('商品条码（GTIN）').fill(code.slice(0, -1) + ((Number(code.at(-1)) + 1) % 10));
    await form.getByLabel('更正原因').fill('登记时选错了分类和单位，补填条码');
    await form.getByRole('button', { name: /确认更正/ }).click();
    await shown(form.getByText('商品条码校验位错误'));
    await form.getByLabel('商品条码（GTIN）').fill(code);
    await screenshot(page, 'desktop-product-class-unit-gtin');
    await form.getByRole('button', { name: /确认更正/ }).click();
    await (await shown(page.locator('.ant-modal-confirm').filter({ hasText: '确认更正这条记录？' }))).getByRole('button', { name: /确认更正/ }).click();
    await shown(toast(page, '已更正'));
    await expect.poll(async () => text(item)).toContain(`0${code}`);
    expect(await text(item)).toContain('千克');
    await item.getByRole('button', { name: '修改记录' }).click();
    const history = await shown(openDialog('修改记录'));
    const entry = await text(history.getByTestId('correction-entry'));
    expect(entry).toContain('产品分类：干制蔬菜 → 番茄');
    expect(entry).toContain('计量单位：箱 → 千克');
    await screenshot(page, 'desktop-product-history');
    await page.keyboard.press('Escape');
    await history.waitFor({ state: 'hidden' });

    // 更正番茄 names batches: its unit is printed on their labels, and the server says so.
    const named = await shown(page.getByTestId('product-item').filter({ hasText: PRODUCT }));
    await named.getByRole('button', { name: /更\s*正/ }).click();
    form = await shown(openDialog('更正产品'));
    await choose(form.getByLabel('计量单位'), '斤');
    await form.getByLabel('更正原因').fill('单位改为斤');
    await form.getByRole('button', { name: /确认更正/ }).click();
    await (await shown(page.locator('.ant-modal-confirm').filter({ hasText: '确认更正这条记录？' }))).getByRole('button', { name: /确认更正/ }).click();
    await shown(form.getByText('已被已登记的批次使用，不能更正'));
    await screenshot(page, 'desktop-product-refused');
    await form.getByRole('button', { name: /取\s*消/ }).click();
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
    const form = await shown(openDialog('作废产品'));
    await form.getByLabel('作废原因（将公开显示）').fill('分类选错，重新登记');
    await form.getByRole('button', { name: /确认作废/ }).click();
    await shown(item.getByTestId('record-voided'));
    await item.getByRole('button', { name: '修改记录' }).click();
    const history = await shown(openDialog('修改记录'));
    expect(await text(history.getByTestId('correction-entry'))).toContain('分类选错，重新登记');
    await screenshot(page, 'desktop-product-voided-history');
    expect(suite.problems).toEqual([]);
  });
});
