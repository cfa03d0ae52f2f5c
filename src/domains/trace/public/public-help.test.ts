import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { mod1110CheckDigit } from '../codes/check-digit.js';
import { typedCode } from './public-trace.routes.js';

// Issue 15 §10, the public page helping the person holding the product: a verdict first (已追溯 / 警告), the
// look-up count as an anti-copy notice, the 12316 hotline, a box to type a code again where a code led nowhere,
// English that reads as English, and one cached favicon for every page.

let t: TestApp;
let coop: Client;
let batch: { id: string; code: string };
let small: { id: string; code: string };

beforeAll(async () => {
  t = await createTestApp();
  coop = await t.login('sg-coop');
  const base = (await coop.post('/api/v1/trace/bases', { name: '化龙镇 5 号大棚', regionCode: '370783100', address: '化龙镇裴岭村北 300 米', area: 8, areaUnit: 'mu', lat: 36.87, lng: 118.64 })).json();
  const product = (await coop.post('/api/v1/trace/products', { name: '寿光黄瓜', classCode: '04', spec: '10kg/箱', unit: 'kg', brand: '乐义' })).json();
  const make = async (quantity: number) => {
    const res = await coop.post('/api/v1/trace/batches', { productId: product.id, baseId: base.id, quantity, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; code: string };
  };
  batch = await make(300);
  small = await make(2);
  expect((await coop.get(`/api/v1/trace/batches/${batch.id}/certificate?format=svg`)).statusCode).toBe(200);
});
afterAll(async () => t?.close());

/** The text a reader sees: markup, the style sheet and entities out. */
const visible = (page: string) =>
  page
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<title>[\s\S]*?<\/title>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'");

describe('the verdict at the top of a found page', () => {
  it('says 已追溯 on a known chain with nothing wrong, counts the look-up as a first, and names the 12316 hotline', async () => {
    const page = await t.anonymous.get(`/t/${batch.code}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<div class="banner traced" role="status"><b>✓ 已追溯<\/b>/);
    expect(page.body).not.toContain('role="alert"');
    // The verdict comes before the facts: the first thing under the code line.
    expect(page.body.indexOf('已追溯')).toBeLessThan(page.body.indexOf('<dl>'));
    expect(page.body).toContain('防伪提示：这是此码的首次查询。');
    expect(page.body).toContain('<a href="tel:12316">☎ 12316</a>');
    expect(page.body).toContain('<link rel="icon" type="image/svg+xml" href="/favicon.svg">');
    expect(Buffer.byteLength(page.body)).toBeLessThan(30_000);

    const again = (await t.anonymous.get(`/t/${batch.code}`)).body;
    const first = (await t.anonymous.get(`/api/v1/public/trace/${batch.code}`)).json().lookups.firstAt as string;
    const beijing = new Date(new Date(first).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
    expect(again).toContain(`防伪提示：此码已被查询 2 次，首次查询于 ${beijing}（北京时间）。如果您此前没有查过这个码，请谨慎：标签可能被复制过。`);
    expect(again).toContain('class="note caution"');
  });

  it('says 警告 with every warning when the batch is held, failed, recalled or in any state but active, and puts the hotline in it', async () => {
    const expected = { held: '本批次待核查，暂停销售', failed: '检测不合格', recalled: '已被召回', voided: '已由登记者作废', consumed: '不在正常销售状态' } as const;
    try {
      for (const [status, words] of Object.entries(expected)) {
        await t.database.db.execute(sql`UPDATE batches SET status = ${status} WHERE id = ${batch.id}`);
        const page = (await t.anonymous.get(`/t/${batch.code}`)).body;
        const banner = /<div class="banner alarm" role="alert"><b>⚠ 警告<\/b>([\s\S]*?)<\/div>/.exec(page);
        expect(banner, status).not.toBeNull();
        expect(banner![1]).toContain(words);
        expect(banner![1]).toContain('href="tel:12316"');
        expect(page, status).not.toContain('已追溯');
        const en = (await t.anonymous.get(`/t/${batch.code}?lang=en`)).body;
        expect(en).toContain('<b>⚠ Warning</b>');
      }
    } finally {
      await t.database.db.execute(sql`UPDATE batches SET status = 'active' WHERE id = ${batch.id}`);
    }
    expect((await t.anonymous.get(`/t/${batch.code}`)).body).toContain('✓ 已追溯');
  });

  it('says 警告 for a code looked up far more often than its batch has units, with the count and the first look-up', async () => {
    await t.database.db.execute(sql`INSERT INTO code_lookups (code, count, first_at, last_at) VALUES (${small.code}, 812, '2026-11-21T02:05:00Z', now())`);
    const page = (await t.anonymous.get(`/t/${small.code}`)).body;
    expect(page).toMatch(/role="alert"><b>⚠ 警告<\/b><ul><li>此码被查询次数异常多，可能是复制的标签<\/li><\/ul>/);
    expect(page).toContain('此码已被查询 813 次，首次查询于 2026-11-21 10:05（北京时间）');
    const en = (await t.anonymous.get(`/t/${small.code}?lang=en`)).body;
    expect(en).toContain('this code has been looked up 814 times, first on 2026-11-21 10:05 (Beijing time)');
  });
});

describe('the English page', () => {
  it('reads as English: no Chinese left but the names of things, people and places, and the switch back to 中文', async () => {
    const en = (await t.anonymous.get(`/t/${batch.code}?lang=en`)).body;
    const facts = (await t.anonymous.get(`/api/v1/public/trace/${batch.code}`)).json();
    const names: string[] = [
      facts.product.name,
      facts.product.spec,
      facts.product.brand,
      facts.batch.base.name,
      facts.batch.base.place.name,
      ...facts.producers.flatMap((p: { name: string; county: { name: string } }) => [p.name, p.county.name]),
      ...facts.chain.flatMap((h: { holderName: string; county: { name: string } }) => [h.holderName, h.county.name]),
    ];
    let rest = visible(en).replace(/中文/, '');
    // Word by word (the page keeps each word of a place whole), longest first: 化龙镇 5 号大棚 holds 5.
    for (const n of [...new Set(names.flatMap((n) => n.split(' ')))].sort((a, b) => b.length - a.length)) rest = rest.split(n).join('');
    expect(rest.match(/\p{Script=Han}+/gu) ?? []).toEqual([]);
    expect(en).toContain('A compliance pledge certificate was issued');
    expect(en).toContain('✓ Traced');
    expect(en).toContain('call the agriculture authorities’ national hotline <a href="tel:12316">');
  });

  it('says what is wrong with a code in English too, with its box', async () => {
    for (const url of [`/t/${batch.code.slice(0, 19)}${(Number(batch.code[19]) + 1) % 10}?lang=en`, '/t/hello?lang=en', '/t?lang=en']) {
      const rest = visible((await t.anonymous.get(url)).body).replace(/中文/, '');
      expect(rest.match(/\p{Script=Han}+/gu) ?? [], url).toEqual([]);
    }
  });
});

describe('a code that leads nowhere', () => {
  const unknownBody = `2370783${'8'.repeat(12)}`;
  const unknown = unknownBody + mod1110CheckDigit(unknownBody);

  it('answers its status with a GET form to /t holding what was typed, in the language of the page', async () => {
    const wrong = batch.code.slice(0, 10) + ((Number(batch.code[10]) + 1) % 10) + batch.code.slice(11);
    for (const [url, status, kept] of [
      [`/t/${wrong}`, 400, wrong],
      [`/t/${unknown}`, 404, unknown],
      ['/t/12-34', 400, '1234'],
    ] as const) {
      const page = await t.anonymous.get(url);
      expect(page.statusCode, url).toBe(status);
      expect(page.body, url).toContain('<form class="retype" method="get" action="/t">');
      expect(page.body, url).toContain(`<input id="code" name="code" value="${kept}"`);
      expect(page.body, url).toContain('请核对标签，重新输入 20 位追溯码');
      expect(page.body, url).toContain('href="tel:12316"');
      expect(page.body, url).not.toContain('name="lang"');
    }
    const en = (await t.anonymous.get(`/t/${unknown}?lang=en`)).body;
    expect(en).toContain('<input type="hidden" name="lang" value="en">');
    expect(en).toContain('Check the label and type the 20-digit code again');
  });

  it('sends what the form sent on to the code’s own page, however it was typed', async () => {
    const spaced = `${batch.code.slice(0, 6)} ${batch.code.slice(6, 13)}-${batch.code.slice(13)}`;
    const fullWidth = [...batch.code].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
    for (const typed of [batch.code, ` ${spaced} `, fullWidth, `https://trace.example.cn/t/${batch.code}?lang=zh`, `https://trace.example.cn/01/06901234567892/10/${batch.code}`]) {
      const res = await t.anonymous.get(`/t?code=${encodeURIComponent(typed)}`);
      expect(res.statusCode, typed).toBe(303);
      expect(res.headers.location, typed).toBe(`/t/${batch.code}`);
    }
    expect((await t.anonymous.get(`/t?code=${batch.code}&lang=en`)).headers.location).toBe(`/t/${batch.code}?lang=en`);
    expect((await t.anonymous.get('/t?code=hello')).headers.location).toBe('/t/hello');
    expect((await t.anonymous.get(`/t?code=${encodeURIComponent('a/b c')}`)).headers.location).toBe(`/t/${encodeURIComponent('a/bc')}`);
    // Nothing typed: the box itself, not an error.
    // A trailing slash is no code: the page that says so, with the box.
    const slash = await t.anonymous.get('/t/');
    expect(slash.statusCode).toBe(400);
    expect(slash.body).toContain('<input id="code" name="code" value=""');
    for (const url of ['/t', '/t?code=', '/t?code=%20%20']) {
      const page = await t.anonymous.get(url);
      expect(page.statusCode, url).toBe(200);
      expect(page.body).toContain('<input id="code" name="code" value=""');
      expect(page.body).toContain('输入标签上的 20 位追溯码');
    }
    // More than any code: refused with the page that says so, the box on it.
    const long = await t.anonymous.get(`/t?code=${'1'.repeat(201)}`);
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('<form class="retype"');
  });

  it('reads a typed code the way the form handler does', () => {
    expect(typedCode('１２３ ４５-6')).toBe('123456');
    expect(typedCode('  http://x/t/0123?y  ')).toBe('0123');
    expect(typedCode('')).toBe('');
  });
});

describe('the favicon', () => {
  it('is served from one file with a week of caching and an ETag, and linked from the public pages and the console', async () => {
    const icon = await t.anonymous.get('/favicon.svg');
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toContain('image/svg+xml');
    expect(icon.headers['cache-control']).toBe('public, max-age=604800');
    expect(icon.body).toContain('<svg');
    const etag = String(icon.headers.etag);
    expect(etag).toMatch(/^"[\w-]{16}"$/);
    const again = await t.anonymous.get('/favicon.svg', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    const identity = (await coop.get('/api/v1/registry/my-subject/identity')).json();
    expect((await t.anonymous.get(`/e/${identity.token}`)).body).toContain('href="/favicon.svg"');
    expect((await t.anonymous.get('/t/hello')).body).toContain('href="/favicon.svg"');
    // The console's page is built from web/index.html, whose link the build keeps.
    expect(readFileSync(path.resolve(import.meta.dirname, '../../../../web/index.html'), 'utf8')).toContain('<link rel="icon" type="image/svg+xml" href="/favicon.svg" />');
  });
});
