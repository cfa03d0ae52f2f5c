import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { consoleRoutes } from '../../../test/console-routes.js';
import { CONSOLE_SECTIONS, WEB_DIST } from './web.js';

// The console as a field phone fetches it: compressed, and its hashed assets cached for good.

let t: TestApp;
let mainChunk: string;
beforeAll(async () => {
  // `npm install` builds the console (the prepare script); without it there is nothing to serve.
  expect(existsSync(path.join(WEB_DIST, 'index.html')), 'web/dist is missing: run npm install').toBe(true);
  mainChunk = /src="\/assets\/([^"]+\.js)"/.exec(readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8'))![1]!;
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the built console', () => {
  it('the main chunk goes out brotli-compressed to a browser that takes it, cached a year as immutable', async () => {
    const plain = readFileSync(path.join(WEB_DIST, 'assets', mainChunk));
    const res = await t.app.inject({ method: 'GET', url: `/assets/${mainChunk}`, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(plain.length / 2.5);
    expect(brotliDecompressSync(res.rawPayload).equals(plain)).toBe(true);
  });

  it('gzip where brotli is not accepted, the plain file where neither is', async () => {
    const plain = readFileSync(path.join(WEB_DIST, 'assets', mainChunk));
    const gz = await t.app.inject({ method: 'GET', url: `/assets/${mainChunk}`, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(plain)).toBe(true);
    const raw = await t.app.inject({ method: 'GET', url: `/assets/${mainChunk}`, headers: { 'accept-encoding': 'identity' } });
    expect(raw.headers['content-encoding']).toBeUndefined();
    expect(raw.rawPayload.equals(plain)).toBe(true);
  });

  it('every text asset of the build has its compressed copies', () => {
    const assets = readdirSync(path.join(WEB_DIST, 'assets')).filter((f) => /\.(js|css)$/.test(f) && readFileSync(path.join(WEB_DIST, 'assets', f)).length >= 1024);
    expect(assets.length).toBeGreaterThan(10);
    for (const f of assets) for (const ext of ['.br', '.gz']) expect(existsSync(path.join(WEB_DIST, 'assets', f + ext)), f + ext).toBe(true);
  });

  it('a console page (index.html) is revalidated every time, so a new release is seen at once', async () => {
    for (const url of ['/', '/trace/batches/0b9e6a52-7a55-4a8c-9d3c-2f0f4c1f6a01']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(brotliDecompressSync(res.rawPayload).toString()).toContain(mainChunk);
    }
  });

  it("index.html's inline boot script runs under the CSP by its hash, and no other inline script would", async () => {
    const html = readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline).toHaveLength(1);
    expect(inline[0]).toContain('/api/v1/auth/me');
    const res = await t.app.inject({ method: 'GET', url: '/trace/batches' });
    const scriptSrc = /script-src ([^;]+)/.exec(String(res.headers['content-security-policy']))![1]!.trim().split(/\s+/);
    expect(scriptSrc).toEqual(["'self'", `'sha256-${createHash('sha256').update(inline[0]!).digest('base64')}'`]);
    expect(scriptSrc).not.toContain("'unsafe-inline'");
  });
});

describe('addresses that are no page of the console', () => {
  it('knows the first segment of every console route (App.tsx), so none of them gets a 404', () => {
    const routes = consoleRoutes();
    expect(routes.length).toBeGreaterThan(40);
    for (const route of routes) expect(CONSOLE_SECTIONS.has(route.split('/')[1] ?? ''), route).toBe(true);
  });

  it('answers an unknown address with 404, never the console page with 200', async () => {
    for (const url of ['/no-such-page', '/AAAAAAAAAAAAAAAA', '/.well-known/no-such-file']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).not.toContain(mainChunk);
    }
  });
});
