import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, call } from './api.js';
import * as ui from './ui.js';
import { browserSuite, DEMO_PASSWORD, DESKTOP, PHONE, shown, text } from './ui.js';

// The agencies' side of traceability (追溯查询, 召回清单), end to end in Chinese. A chain is set up through the API:
// sg-coop (绿源蔬菜专业合作社) records a batch of 500 kg and sells 120 kg to sg-farmer (张建国), who confirms and
// sells 30 kg of it to a restaurant recorded by hand with its phone. sg-admin (寿光市 county supervision) looks the
// coop's code up from its label link, sees the chain as a tree and a graph, produces the recall list (both holders
// with their phones in full and the quantities) and downloads it as Excel; pd-admin (郫都区, Sichuan) is told the
// batch is not in its jurisdiction. Pictures: e2e/artifacts/recall-*.png.

const SEQ = 100 + Math.floor(Math.random() * 800);
const PRODUCT = `寿光黄瓜${SEQ}`;
const FARMER = { name: '张建国', phone: '13905360002' }; // the demo farmer sg-farmer
const RESTAURANT = { name: `李记饭店${SEQ}`, phone: '13966660001', address: '寿光市圣城街 88 号' };

const suite = browserSuite('recall');
let page: Page;
let codeA = ''; // sg-coop's batch of own production
let codeB = ''; // sg-farmer's batch, bought from sg-coop

const isoDay = (offsetDays: number) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

const { screenshot, snapPart } = ui.suitePictures('recall');

const openMenu = ui.openMenu;

/** Types (or pastes) a code or link on the lookup page and looks it up. */
async function lookUp(p: Page, value: string) {
  await (await shown(p.getByTestId('lookup-input'))).fill(value);
  await p.getByTestId('lookup-submit').click();
}

/** The bytes of the file a click downloads. */
async function downloaded(p: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([p.waitForEvent('download', { timeout: 60_000 }), click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

beforeAll(async () => {
  page = suite.page;
  const coop = await apiLogin(suite.server.baseUrl, 'sg-coop');
  const farmer = await apiLogin(suite.server.baseUrl, 'sg-farmer');
  const product = await call<{ id: string }>(coop, 'POST', '/trace/products', { name: PRODUCT, classCode: '04', spec: '散装', unit: 'kg' });
  const batch = await call<{ id: string; code: string }>(coop, 'POST', '/trace/batches', { productId: product.id, quantity: 500, unit: 'kg', harvestDate: isoDay(-1), selfCheck: { result: 'pass' } });
  codeA = batch.code;
  // Sold by scanning the farmer's electronic identity; the farmer confirms into its own batch.
  const { token } = await call<{ token: string }>(farmer, 'GET', '/registry/my-subject/identity');
  const sale = await call<{ id: string }>(coop, 'POST', '/trace/trades', { batchId: batch.id, buyerToken: token, quantity: 120, unit: 'kg' });
  const confirmed = await call<{ buyerBatchId: string; buyerBatchCode: string }>(farmer, 'POST', `/trace/trades/${sale.id}/confirm`, {}, 200);
  codeB = confirmed.buyerBatchCode;
  // The farmer sells part of it to a restaurant not on the platform, recorded by hand.
  await call(farmer, 'POST', '/trace/trades', { batchId: confirmed.buyerBatchId, quantity: 30, unit: 'kg', buyer: RESTAURANT });
});

describe('console: 追溯查询 and 召回清单 for agencies', () => {
  it('lets the county supervision look a label link up: what the code is, the batch, its holder and quantities', async () => {
    await page.setViewportSize(DESKTOP);
    await page.goto(suite.server.baseUrl + '/');
    await ui.login(page, 'sg-admin', DEMO_PASSWORD);
    await openMenu(page, '追溯查询');
    await lookUp(page, `${suite.server.baseUrl}/t/${codeA}`);
    expect(await text(page.getByTestId('lookup-code'))).toContain('生产批次码');
    await shown(page.getByTestId('lookup-code').getByText('寿光市'));
    const batch = await shown(page.getByTestId('lookup-batch'));
    expect(await text(batch.getByTestId('lookup-product'))).toBe(PRODUCT);
    expect(await text(batch.getByTestId('lookup-batch-code'))).toBe(codeA);
    expect(await text(batch.getByTestId('lookup-holder'))).toContain('绿源蔬菜专业合作社');
    const facts = await text(batch);
    expect(facts).toContain('寿光市');
    expect(facts).toContain('500 千克');
    expect(facts).toContain('380 千克'); // stock: 120 sold
    expect(new URL(page.url()).searchParams.get('code')).toBe(codeA);
  });

  it('shows the chain backward and forward as a tree, and as a graph whose batches can be looked up in turn', async () => {
    // A batch of own production has no sources: the tree opens on where it went.
    const card = await shown(page.getByTestId('chain-card'));
    const tree = await shown(card.getByTestId('chain-tree'));
    await shown(tree.getByTestId('chain-tree-node').filter({ hasText: RESTAURANT.name }));
    expect(await tree.textContent()).toContain(FARMER.name);
    expect(await tree.textContent()).toContain(codeB);
    await screenshot(page, '01-lookup-tree-desktop');
    await card.getByTestId('chain-direction').getByText('溯源（来自哪里）').click();
    await shown(card.getByText('本批次是源头，没有上游批次'));
    await card.getByTestId('chain-view').getByText('图').click();
    const graph = await shown(card.getByTestId('chain-graph'));
    await expect.poll(() => graph.getByTestId('chain-node').count()).toBe(3);
    expect(await graph.textContent()).toContain(RESTAURANT.name);
    await shown(card.getByText('点击任一批次可查询它的追溯链'));
    await snapPart(card, '02-chain-graph');
    // The farmer's batch, clicked in the graph, is looked up: its backward chain reaches the coop's batch.
    await graph.getByTestId('chain-node').filter({ hasText: codeB }).click();
    await expect.poll(() => text(page.getByTestId('lookup-batch-code'))).toBe(codeB);
    expect(await page.getByTestId('lookup-input').inputValue()).toBe(codeB);
    expect(await text(page.getByTestId('lookup-holder'))).toContain(FARMER.name);
    const chain = await shown(page.getByTestId('chain-card'));
    await shown(chain.getByTestId('chain-tree-node').filter({ hasText: codeA }));
    // Back to the coop's batch.
    await page.goBack();
    await expect.poll(() => text(page.getByTestId('lookup-batch-code'))).toBe(codeA);
    expect(await page.getByTestId('lookup-input').inputValue()).toBe(codeA);
  });

  it('produces the recall list: both downstream holders with their phones in full and the quantities, and totals', async () => {
    const card = await shown(page.getByTestId('recall-card'));
    await card.getByTestId('recall-generate').click();
    const table = await shown(card.getByTestId('recall-table'));
    const rows = table.locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(2);
    const farmerRow = rows.filter({ hasText: FARMER.name });
    const restaurantRow = rows.filter({ hasText: RESTAURANT.name });
    const farmerText = await text(farmerRow);
    expect(farmerText).toContain(FARMER.phone);
    expect(farmerText).toContain(codeB);
    expect(farmerText).toContain('注册主体');
    expect(farmerText).toContain('120 千克'); // received
    expect(farmerText).toContain('90 千克'); // stock: 30 sold on
    expect(farmerText).toMatch(/3707\*{4,}/); // the identity code of a natural person, masked
    const restaurantText = await text(restaurantRow);
    expect(restaurantText).toContain(RESTAURANT.phone);
    expect(restaurantText).toContain(RESTAURANT.address);
    expect(restaurantText).toContain('未注册买方');
    expect(restaurantText).toContain('30 千克');
    expect(await text(farmerRow.locator('td').first())).toBe('1');
    expect(await text(restaurantRow.locator('td').first())).toBe('2');
    const totals = await text(card.getByTestId('recall-totals'));
    expect(totals).toMatch(/下游批次\s*2/);
    expect(totals).toMatch(/持有人\s*2/);
    expect(totals).toMatch(/最多层级\s*2/);
    expect(totals).toContain('发出 120 千克 · 现存待召回 120 千克');
    await screenshot(page, '03-recall-list-desktop');
    await snapPart(card, '03-recall-card');
  });

  it('downloads the recall list as an Excel workbook with the same holders', async () => {
    const { name, bytes } = await downloaded(page, () => page.getByTestId('recall-download').click());
    expect(name).toBe(`召回清单-${codeA}.xlsx`);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip, as every .xlsx
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const cells: string[] = [];
    book.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells).toContain(FARMER.phone);
    expect(cells).toContain(RESTAURANT.phone);
    expect(cells).toContain(codeB);
  });

  it('fits a phone: the recall table scrolls inside its card, the page never sideways', async () => {
    await page.setViewportSize(PHONE);
    await page.reload();
    await shown(page.getByTestId('lookup-batch'));
    await (await shown(page.getByTestId('recall-generate'))).click();
    const table = await shown(page.getByTestId('recall-table'));
    await shown(table.locator('tbody tr.ant-table-row').filter({ hasText: RESTAURANT.name }));
    await ui.expectNoHorizontalScroll(page);
    const box = await table.locator('.ant-table-content, .ant-table-body').first().evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
    expect(box.scroll).toBeGreaterThan(box.client);
    await screenshot(page, '04-recall-phone');
    await page.getByTestId('chain-card').getByTestId('chain-view').getByText('图').click();
    await shown(page.getByTestId('chain-graph'));
    await ui.expectNoHorizontalScroll(page);
    await screenshot(page, '05-lookup-graph-phone');
    // The same in English.
    await page.getByRole('button', { name: '语言' }).click();
    await shown(page.getByTestId('recall-card').getByText('Recall list', { exact: true }));
    await shown(page.getByRole('heading', { name: 'Trace lookup' }));
    expect(await text(page.getByTestId('recall-generate'))).toBe('Produce again');
    await ui.expectNoHorizontalScroll(page);
    await screenshot(page, '05-lookup-english-phone');
    await page.getByRole('button', { name: 'Language' }).click();
    await shown(page.getByText('召回清单', { exact: true }));
  });

  it('names a mistyped code and offers the code with the right check digit', async () => {
    const wrong = codeA.slice(0, 19) + String((Number(codeA[19]) + 1) % 10);
    await lookUp(page, wrong);
    const invalid = await shown(page.getByTestId('lookup-invalid'));
    expect(await text(invalid)).toContain('校验位');
    expect(await text(invalid)).toContain(codeA);
    await ui.expectNoHorizontalScroll(page);
    await screenshot(page, '06-invalid-code-phone');
    await invalid.getByTestId('lookup-suggestion').click();
    await expect.poll(() => text(page.getByTestId('lookup-batch-code'))).toBe(codeA);
    expect(await page.getByTestId('lookup-input').inputValue()).toBe(codeA);
  });

  it('tells an agency of another province that the batch is not in its jurisdiction', async () => {
    await page.setViewportSize(DESKTOP);
    await ui.logout(page);
    await ui.login(page, 'pd-admin', DEMO_PASSWORD);
    await openMenu(page, '追溯查询');
    await lookUp(page, codeA);
    const notFound = await shown(page.getByTestId('lookup-not-found'));
    expect(await text(notFound)).toContain('本辖区内没有这个批次');
    expect(await text(notFound)).toContain(codeA);
    // What the code is stays public: a type-1 code issued in 寿光市.
    await shown(page.getByTestId('lookup-code').getByText('寿光市'));
    expect(await page.getByTestId('lookup-batch').count()).toBe(0);
    expect(await page.getByTestId('recall-card').count()).toBe(0);
    await screenshot(page, '07-not-in-jurisdiction');
  });

  it('ran without script errors or Content-Security-Policy violations', () => {
    expect(suite.problems).toEqual([]);
  });
});
