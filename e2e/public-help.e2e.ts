import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mod1110CheckDigit } from '../src/domains/trace/codes/check-digit.js';
import { apiLogin, call } from './api.js';
import { CHROMIUM } from './browser.js';
import * as ui from './ui.js';
import { browserSuite, PHONE, shown, text } from './ui.js';

// Issue 15 §10, the public page helping the person holding the product, on a phone without script and on a
// desktop. A shopper reads a code off a label and types it with two digits wrong: the platform has no such code.
// That page used to be a dead end (a warning and nothing to do); now it keeps what was typed in a box, the shopper
// corrects it and lands on the batch, whose page opens with its verdict (已追溯), the look-up count as an anti-copy
// notice and the 12316 hotline. A second label's code has been scanned far more often than its batch has packs:
// its page opens with 警告. Pictures: e2e/artifacts/public-help-*.png.

// The copied-label warning fires past max(PUBLIC_LOOKUP_ALERT, 2 × the batch's quantity) look-ups: a handful here.
process.env.PUBLIC_LOOKUP_ALERT = '5';
const suite = browserSuite('public-help');

const PRODUCT = '寿光尖椒';
const PRODUCER = '寿光市化龙镇绿源蔬菜专业合作社';
let browser: Browser | undefined;
let phone: Page;
let code = ''; // a 500 kg batch's code
let copied = ''; // a 1 kg batch's code, whose label has been copied
let typo = ''; // the code with two digits wrong and a valid check digit: no batch has it
const problems: string[] = [];

/** The same code with digits 12 and 13 changed and the check digit made right again (MOD 11,10). */
function unknownLike(c: string): string {
  const body = c.slice(0, 12) + ((Number(c[12]) + 3) % 10) + ((Number(c[13]) + 7) % 10) + c.slice(14, 19);
  return body + mod1110CheckDigit(body);
}

/** How a shopper types 20 digits read off a label: in the groups printed under the QR code. */
const grouped = (c: string) => c.replace(/(\d{4})(?=\d)/g, '$1 ');

beforeAll(async () => {
  const coop = await apiLogin(suite.server.baseUrl, 'sg-coop');
  const base = await call<{ id: string }>(coop, 'POST', '/trace/bases', { name: '化龙镇东村 7 号大棚', regionCode: '370783100', address: '化龙镇东村北 7 号', area: 20, areaUnit: 'mu', lat: 36.88, lng: 118.74 });
  const product = await call<{ id: string }>(coop, 'POST', '/trace/products', { name: PRODUCT, classCode: '03010201', spec: '5kg/箱', unit: 'kg', brand: '绿源' });
  const batch = async (quantity: number) =>
    (await call<{ code: string }>(coop, 'POST', '/trace/batches', { productId: product.id, baseId: base.id, quantity, unit: 'kg', harvestDate: '2026-11-28', selfCheck: { result: 'pass' } })).code;
  code = await batch(500);
  copied = await batch(1);
  typo = unknownLike(code);
  expect(typo).not.toBe(code);

  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2, javaScriptEnabled: false, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  phone = await context.newPage();
  phone.setDefaultTimeout(20_000);
  for (const page of [phone, suite.page]) {
    page.on('console', (msg) => {
      if (/Content Security Policy|Refused to/i.test(msg.text())) problems.push(`csp: ${msg.text()}`);
    });
  }
});
afterAll(async () => browser?.close());

/** Opens a code that leads nowhere, corrects it in the page's box and lands on the batch: on a phone or a desktop. */
async function retypeToTheBatch(page: Page, device: 'phone' | 'desktop') {
  const response = await page.goto(`${suite.server.baseUrl}/t/${typo}`);
  expect(response?.status()).toBe(404);
  expect(await text(page.getByRole('alert'))).toContain('平台上没有这个追溯码，请核对标签');
  // The box keeps what was typed, so the two wrong digits are fixed, not all twenty typed again.
  const box = await shown(page.getByLabel('请核对标签，重新输入 20 位追溯码'));
  expect(await box.inputValue()).toBe(typo);
  expect(await box.getAttribute('inputmode')).toBe('numeric');
  expect(await page.locator('form.retype').getAttribute('method')).toBe('get');
  expect(await page.getByRole('link', { name: /12316/ }).getAttribute('href')).toBe('tel:12316');
  await ui.expectNoHorizontalScroll(page);
  await ui.screenshot(page, `public-help-unknown-${device}`);

  await box.fill(grouped(code));
  await page.getByRole('button', { name: '查询' }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe(`/t/${code}`);
  expect(await text(page.getByRole('heading', { level: 1 }))).toBe(PRODUCT);
}

describe('a code typed wrong, on a phone without script', () => {
  it('keeps what was typed in a box; corrected, it leads to the batch, whose page opens with 已追溯', async () => {
    await retypeToTheBatch(phone, 'phone');
    expect(await phone.locator('script').count()).toBe(0);
    // The verdict first, in green, before any fact.
    const verdict = await shown(phone.getByRole('status'));
    expect(await text(verdict)).toBe('✓ 已追溯该批次的来源和流转已在平台登记，当前没有预警。');
    expect(await verdict.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(239, 250, 241)');
    const [verdictBox, firstFact] = [await verdict.boundingBox(), await phone.locator('dl').first().boundingBox()];
    expect(verdictBox!.y).toBeLessThan(firstFact!.y);
    expect(await phone.getByRole('alert').count()).toBe(0);
    expect(await text(phone.getByText(/^防伪提示/))).toBe('防伪提示：这是此码的首次查询。以后再查时，如果次数比您自己查的多，标签可能被复制过。');
    const hotline = phone.getByRole('link', { name: '☎ 12316' });
    expect(await hotline.getAttribute('href')).toBe('tel:12316');
    expect(await text(phone.locator('p.hotline'))).toBe('质量安全投诉举报：拨打全国农业系统公益服务热线 ☎ 12316');
    await ui.expectNoHorizontalScroll(phone);
    await ui.screenshot(phone, 'public-help-traced-phone');
  });

  it('shows a mistyped code’s box too, and /t with nothing typed is the box itself', async () => {
    const wrong = code.slice(0, 19) + ((Number(code[19]) + 1) % 10);
    expect((await phone.goto(`${suite.server.baseUrl}/t/${wrong}`))?.status()).toBe(400);
    expect(await (await shown(phone.getByLabel('请核对标签，重新输入 20 位追溯码'))).inputValue()).toBe(wrong);
    expect((await phone.goto(`${suite.server.baseUrl}/t`))?.status()).toBe(200);
    const box = await shown(phone.getByLabel('输入标签上的 20 位追溯码'));
    // A shopper pasting the label's link rather than its digits gets the batch too.
    await box.fill(`${suite.server.baseUrl}/t/${code}`);
    await phone.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => new URL(phone.url()).pathname).toBe(`/t/${code}`);
    // The phone kept the batch's page a minute (Cache-Control max-age=60): the server saw no second look-up.
    expect(await text(phone.getByRole('heading', { level: 1 }))).toBe(PRODUCT);
  });

  it('in English, reads as English and keeps the language through the box', async () => {
    expect((await phone.goto(`${suite.server.baseUrl}/t/${typo}?lang=en`))?.status()).toBe(404);
    const box = await shown(phone.getByLabel('Check the label and type the 20-digit code again'));
    await box.fill(code);
    await phone.getByRole('button', { name: 'Look up' }).click();
    await expect.poll(() => new URL(phone.url()).search).toBe('?lang=en');
    expect(await text(phone.getByRole('status'))).toMatch(/^✓ Traced/);
    expect(await text(phone.locator('p.hotline'))).toBe('To report a quality or safety problem, call the agriculture authorities’ national hotline ☎ 12316');
    await shown(phone.getByText(/^Anti-copy check: this code has been looked up 2 times, first on \d{4}-\d\d-\d\d \d\d:\d\d \(Beijing time\)\. If you have not looked it up before, take care: the label may have been copied\.$/));
    // No Chinese but names: the product, the producer, places, the base, the spec, and the switch to 中文.
    let rest = await phone.locator('body').innerText();
    for (const name of [PRODUCER, PRODUCT, '化龙镇东村 7 号大棚', '5kg/箱', '绿源', '中文', '山东省', '潍坊市', '寿光市', '化龙镇']) rest = rest.split(name).join('');
    expect(rest.match(/\p{Script=Han}+/gu) ?? []).toEqual([]);
    await ui.expectNoHorizontalScroll(phone);
    await ui.screenshot(phone, 'public-help-traced-phone-en');
  });

  it('opens a copied label’s page with 警告, the count and the first look-up', async () => {
    // Six scans of a 1 kg batch's code: more than the alert allows here.
    for (let i = 0; i < 6; i++) expect((await phone.request.get(`${suite.server.baseUrl}/api/v1/public/trace/${copied}`)).status()).toBe(200);
    expect((await phone.goto(`${suite.server.baseUrl}/t/${copied}`))?.status()).toBe(200);
    const alarm = await shown(phone.getByRole('alert'));
    expect(await text(alarm.locator('b').first())).toBe('⚠ 警告');
    expect(await text(alarm.locator('li'))).toBe('此码被查询次数异常多，可能是复制的标签');
    expect(await alarm.getByRole('link', { name: '☎ 12316' }).getAttribute('href')).toBe('tel:12316');
    expect(await alarm.evaluate((e) => getComputedStyle(e).color)).toBe('rgb(164, 14, 38)');
    expect(await phone.getByRole('status').count()).toBe(0);
    expect(await text(phone.getByText(/^防伪提示/))).toMatch(/^防伪提示：此码已被查询 7 次，首次查询于 /);
    await ui.expectNoHorizontalScroll(phone);
    await ui.screenshot(phone, 'public-help-warning-phone');
  });
});

describe('the same on a desktop, and the favicon', () => {
  it('walks the retyped code to its batch on a wide screen', async () => {
    await retypeToTheBatch(suite.page, 'desktop');
    await shown(suite.page.getByRole('status').filter({ hasText: '已追溯' }));
    await ui.screenshot(suite.page, 'public-help-traced-desktop');
    expect((await suite.page.goto(`${suite.server.baseUrl}/t/${copied}`))?.status()).toBe(200);
    await shown(suite.page.getByRole('alert').filter({ hasText: '警告' }));
    await ui.screenshot(suite.page, 'public-help-warning-desktop');
  });

  it('is linked from the public page and the console, and served with a week of caching', async () => {
    expect(await suite.page.locator('link[rel=icon]').getAttribute('href')).toBe('/favicon.svg');
    await suite.page.goto(`${suite.server.baseUrl}/`);
    await shown(suite.page.getByLabel('用户名'));
    expect(await suite.page.locator('link[rel=icon]').getAttribute('href')).toBe('/favicon.svg');
    const icon = await suite.page.request.get(`${suite.server.baseUrl}/favicon.svg`);
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toContain('image/svg+xml');
    expect(icon.headers()['cache-control']).toBe('public, max-age=604800');
    expect(await icon.text()).toContain('<svg');
  });

  it('ran without Content-Security-Policy violations or script errors', () => {
    expect(problems).toEqual([]);
    expect(suite.problems).toEqual([]);
  });
});
