import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from './browser.js';
import { apiLogin, call } from './api.js';
import * as ui from './ui.js';
import { browserSuite, PHONE, shown, text } from './ui.js';

// 消费查询, the page behind every label, as a shopper sees it on a phone. A chain is set up through the API: sg-coop
// (寿光市化龙镇绿源蔬菜专业合作社) grows tomatoes on a base in 化龙镇, issues the 承诺达标合格证 and sells 120 kg to
// sg-farmer (张建国), who confirms and takes 40 kg of it into a wholesale market (入市). The shopper scans the market's
// code, two trades downstream, in a phone browser with JavaScript off (the page must need none), reads it in Chinese
// and in English, then types the code with one digit wrong and is led back to it. Pictures: e2e/artifacts/public-trace-*.png.

const PRODUCER = '寿光市化龙镇绿源蔬菜专业合作社';
const FARMER = '张建国';
/** A natural person on a public page: the family name only (issue 19 finding 16). */
const FARMER_SHOWN = '张\\*\\*';
const PRODUCT = '寿光番茄';
const BASE = '化龙镇东村 3 号大棚';
const MARKET = { kind: 'wholesale', name: '寿光农产品物流园', address: '寿光市文圣街 8 号', stall: 'A区12号' } as const;

const suite = browserSuite('public');
let browser: Browser | undefined;
let phone: Page;
const phoneProblems: string[] = [];
let code = ''; // the market-entry voucher's code, printed on the stall's label
let wrong = ''; // the same code with one middle digit mistyped

const isoDay = (offsetDays: number) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** The items of the chain of custody, in the order the page lists them. */
const hops = (p: Page, heading: string) => p.locator('h2', { hasText: heading }).locator('xpath=following-sibling::ol[1]/li');
/** The value next to a label in a fact list. */
const fact = (p: Page, label: string) => p.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');

beforeAll(async () => {
  const coop = await apiLogin(suite.server.baseUrl, 'sg-coop');
  const farmer = await apiLogin(suite.server.baseUrl, 'sg-farmer');
  const base = await call<{ id: string }>(coop, 'POST', '/trace/bases', { name: BASE, regionCode: '370783100', address: '化龙镇东村北 2 号', area: 35, areaUnit: 'mu', lat: 36.88, lng: 118.74 });
  const product = await call<{ id: string }>(coop, 'POST', '/trace/products', { name: PRODUCT, classCode: '03010101', spec: '5kg/箱', unit: 'kg', brand: '绿源' });
  const batch = await call<{ id: string }>(coop, 'POST', '/trace/batches', { productId: product.id, baseId: base.id, quantity: 500, unit: 'kg', harvestDate: isoDay(-1), selfCheck: { result: 'pass' } });
  // From the first certificate on, the page shows the producer's pledge; SVG is the cheapest rendering of it.
  await call(coop, 'GET', `/trace/batches/${batch.id}/certificate?format=svg`);
  const { token } = await call<{ token: string }>(farmer, 'GET', '/registry/my-subject/identity');
  const sale = await call<{ id: string }>(coop, 'POST', '/trace/trades', { batchId: batch.id, buyerToken: token, quantity: 120, unit: 'kg' });
  const confirmed = await call<{ buyerBatchId: string }>(farmer, 'POST', `/trace/trades/${sale.id}/confirm`, {}, 200);
  const entry = await call<{ buyerBatchCode: string }>(farmer, 'POST', '/trace/market-entries', { batchId: confirmed.buyerBatchId, quantity: 40, unit: 'kg', market: MARKET });
  code = entry.buyerBatchCode;
  expect(code).toMatch(/^\d{20}$/);
  // A single wrong digit always breaks the MOD 11,10 check digit, wherever it is.
  wrong = code.slice(0, 10) + ((Number(code[10]) + 1) % 10) + code.slice(11);

  // A shopper's phone, not the console's browser: a context of its own with a phone's screen and no script at all.
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2, javaScriptEnabled: false, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  phone = await context.newPage();
  phone.setDefaultTimeout(20_000);
  // The inline style sheet must not be refused by the Content-Security-Policy.
  phone.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) phoneProblems.push(`csp: ${msg.text()}`);
  });
  // A failing test photographs the page being tested, the phone's.
  suite.page = phone;
});
afterAll(async () => browser?.close());

describe('消费查询: the public page of a code, on a phone without script', () => {
  it('shows the batch two trades downstream: product, producer, the three hops in order, the look-up count', async () => {
    const response = await phone.goto(`${suite.server.baseUrl}/t/${code}`);
    expect(response?.status()).toBe(200);
    expect(await text(phone.getByRole('heading', { level: 1 }))).toBe(PRODUCT);
    expect(await phone.locator('script').count()).toBe(0);
    expect(await phone.locator('html').getAttribute('lang')).toBe('zh-CN');
    const codeLine = await text(phone.locator('p.codeline').first());
    expect(codeLine).toContain(code);
    expect(codeLine).toContain('入市追溯凭证');
    expect(await phone.getByRole('alert').count()).toBe(0);
    expect(await text(fact(phone, '产品分类'))).toBe('番茄');
    expect(await text(fact(phone, '规格'))).toBe('5kg/箱');
    expect(await text(fact(phone, '生产者'))).toBe(PRODUCER);
    await shown(phone.getByText('已开具承诺达标合格证'));
    const grown = await text(fact(phone, '产地'));
    expect(grown).toContain('化龙镇');
    expect(grown).toContain(BASE);
    expect(await text(fact(phone, '自检'))).toBe('合格');

    const chain = hops(phone, '流转记录');
    await expect.poll(() => chain.count()).toBe(3);
    const [grownBy, boughtBy, market] = [await text(chain.nth(0)), await text(chain.nth(1)), await text(chain.nth(2))];
    expect(grownBy).toMatch(new RegExp(`^生产\\s+${PRODUCER}`));
    expect(grownBy).toContain('500 千克');
    expect(boughtBy).toMatch(new RegExp(`^采购\\s+${FARMER_SHOWN}`));
    expect(boughtBy).not.toContain(FARMER);
    expect(boughtBy).toContain('120 千克');
    expect(market).toMatch(new RegExp(`^入市\\s+${MARKET.name}`));
    expect(market).toContain('40 千克');
    expect(market).toContain(code);
    expect(market).toContain('批发市场');
    expect(market).toContain(MARKET.stall);
    // Public facts only: the market's street address stays in the console.
    expect(await text(phone.locator('body'))).not.toContain(MARKET.address);

    // Nobody had looked the code up before: this is the first.
    expect(await text(phone.getByText(/^查询次数/))).toMatch(new RegExp(`^查询次数 1 次 · 首次查询 ${isoDay(0)}$`));
    await ui.expectNoHorizontalScroll(phone);
    await ui.screenshot(phone, 'public-trace-phone');
  });

  it('switches to English with the link in its header, counting the second look-up', async () => {
    await (await shown(phone.locator('header').getByRole('link', { name: 'English' }))).click();
    await shown(phone.getByRole('heading', { name: 'Chain of custody' }));
    expect(new URL(phone.url()).search).toBe('?lang=en');
    expect(await phone.locator('html').getAttribute('lang')).toBe('en');
    expect(await text(phone.getByRole('heading', { level: 1 }))).toBe(PRODUCT);
    expect(await text(fact(phone, 'Class'))).toBe('Tomato');
    expect(await text(fact(phone, 'Producer'))).toBe(PRODUCER);
    const chain = hops(phone, 'Chain of custody');
    await expect.poll(() => chain.count()).toBe(3);
    expect(await text(chain.nth(0))).toMatch(new RegExp(`^produced\\s+${PRODUCER}`));
    expect(await text(chain.nth(1))).toMatch(new RegExp(`^bought\\s+${FARMER_SHOWN}`));
    expect(await text(chain.nth(2))).toMatch(new RegExp(`^entered the market\\s+${MARKET.name}`));
    expect(await text(chain.nth(2))).toContain('wholesale market');
    expect(await text(phone.getByText(/^Looked up/))).toMatch(/^Looked up 2 times · first on /);
    await shown(phone.locator('header').getByRole('link', { name: '中文' }));
    await ui.expectNoHorizontalScroll(phone);
    await ui.screenshot(phone, 'public-trace-phone-en');
  });

  it('warns of a code with one digit mistyped and links to the batch it meant', async () => {
    const response = await phone.goto(`${suite.server.baseUrl}/t/${wrong}`);
    expect(response?.status()).toBe(400);
    expect(await text(phone.getByRole('alert'))).toContain('追溯码校验位不符');
    expect(await text(phone.locator('p.code').first())).toBe(wrong);
    await shown(phone.getByText('您要查的是不是：'));
    const suggestion = await shown(phone.getByRole('link', { name: code, exact: true }));
    expect(await suggestion.getAttribute('href')).toBe(`/t/${code}`);
    await ui.expectNoHorizontalScroll(phone);
    await ui.screenshot(phone, 'public-trace-mistyped');
    await suggestion.click();
    await expect.poll(() => new URL(phone.url()).pathname).toBe(`/t/${code}`);
    expect(await text(phone.getByRole('heading', { level: 1 }))).toBe(PRODUCT);
    expect(await text(phone.locator('p.codeline').first())).toContain(code);
    expect(await hops(phone, '流转记录').count()).toBe(3);
  });

  it('ran without Content-Security-Policy violations', () => {
    expect(phoneProblems).toEqual([]);
  });
});
