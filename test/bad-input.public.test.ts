import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness.js';
import { problemWith, SEED } from './fuzz.js';

// 消费查询 with junk in the path: anything a scanner, a typist or an attacker can put after /t/, after
// /api/v1/public/trace/ or into a Digital Link gets a 400 or 404 page or JSON error, never a 500.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const segment = fc.oneof(
  fc.stringMatching(/^\d{1,30}$/),
  fc.stringMatching(/^[1235]\d{19}$/),
  fc.constantFrom("1' OR '1'='1", '1;DROP TABLE batches', '%00', '%', '%zz', '%2e%2e%2f', '..', '.', '%ef%bf%bf', '%F0%9F%90%84', '%C0%AF', '12345678901234567890'.repeat(10), '<script>', '$1', '\\x00', 'NULL'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map(encodeURIComponent),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).map((s) => encodeURIComponent(s).replace(/%2F/gi, '/')),
  fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 12 }).map((bytes) => bytes.map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')),
  fc.string({ minLength: 200, maxLength: 3000 }).map(encodeURIComponent),
);

const path = fc.oneof(
  segment.map((s) => ({ kind: 'page', url: `/t/${s}` })),
  segment.map((s) => ({ kind: 'page', url: `/t/${s}?lang=${s}` })),
  segment.map((s) => ({ kind: 'api', url: `/api/v1/public/trace/${s}` })),
  fc.tuple(segment, segment).map(([g, c]) => ({ kind: 'link', url: `/01/${g}/10/${c}` })),
  fc.tuple(segment, segment).map(([c, l]) => ({ kind: 'link', url: `/01/06901234567892/10/${c}?linkType=${l}` })),
);

describe('public trace paths', () => {
  it('answers 10,000 generated paths with a 4xx page or JSON error, never a 500', async () => {
    const samples = fc.sample(path, { numRuns: 10_000, seed: SEED });
    const problems: string[] = [];
    let i = 0;
    let elsewhere = 0;
    for (const p of samples) {
      // Dot segments (`/t/..`, `%2e%2e`) take a path somewhere else before any route sees it, as a browser would.
      if (!/^\/(t|01|api)\//.test(new URL(p.url, 'http://h').pathname)) {
        elsewhere++;
        continue;
      }
      // Each request from its own address, so the per-IP limit does not answer for the route.
      const res = await t.app.inject({ method: 'GET', url: p.url, remoteAddress: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i++ & 255}` });
      const html = res.headers['content-type']?.toString().startsWith('text/html');
      if (![400, 404].includes(res.statusCode)) {
        problems.push(`${p.url.slice(0, 120)} → ${res.statusCode}`);
      } else if (!html || p.kind === 'api') {
        // The API, and anything the router refuses before a page route (a path too long, bad percent-encoding), answer JSON.
        const problem = problemWith(res);
        if (problem) problems.push(`${p.url.slice(0, 120)}: ${problem}`);
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(samples).toHaveLength(10_000);
    expect(elsewhere).toBeLessThan(200);
  }, 600_000);

  it('limits look-ups per IP with a 429 page for phones and a 429 JSON error for programs', async () => {
    const url = (n: number) => `/t/${'1'.repeat(19)}${n % 10}`;
    const from = { remoteAddress: '192.0.2.7' };
    const statuses: number[] = [];
    for (let n = 0; n < t.config.publicRateLimit + 1; n++) statuses.push((await t.app.inject({ method: 'GET', url: url(n), ...from })).statusCode);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    expect(statuses.at(-1)).toBe(429);
    const page = await t.app.inject({ method: 'GET', url: url(0), ...from });
    expect(page.statusCode).toBe(429);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('查询过于频繁');
    // The API counts apart from the page.
    const api = (n: number) => t.app.inject({ method: 'GET', url: `/api/v1/public/trace/${'1'.repeat(19)}${n % 10}`, ...from });
    for (let n = 0; n < t.config.publicRateLimit; n++) expect((await api(n)).statusCode).not.toBe(429);
    const limited = await api(0);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED', message: { zh: expect.any(String), en: expect.any(String) } });
    // Another address is not held back.
    expect((await t.app.inject({ method: 'GET', url: url(1), remoteAddress: '192.0.2.8' })).statusCode).not.toBe(429);
  });
});
