import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, call, type Session } from './api.js';
import * as ui from './ui.js';
import { browserSuite, DESKTOP, shown, text } from './ui.js';

// Issue 17 §3, 暂停推送: a provincial platform's receiver fails delivery after delivery, the server pauses its webhook
// endpoint (10 failures in a row), and the registrar's admin (the ministry's) sees the banner on every page, opens the
// client, resumes the endpoint once the receiver works again; the banner goes and the resume is audited. The server's
// own job runner delivers (a 1 s backoff so that the retries fit the test). Pictures: e2e/artifacts/webhook-pause-*.png.

const suite = browserSuite('webhook-pause', { JOB_BACKOFF_SECONDS: '1' });
let page: Page;
const { screenshot } = ui.suitePictures('webhook-pause');

/** The partner's receiver: answers every delivery with `answer` and counts them. */
let answer = 500;
let received = 0;
let receiver: Server;
let receiverUrl: string;

beforeAll(async () => {
  page = suite.page;
  receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await new Promise((resolve) => receiver?.close(resolve));
});

/** A partner's signed request (README "Calling Tracenet from another system"). */
async function signed(baseUrl: string, key: { id: string; secret: string }, method: 'GET' | 'POST', path: string, body?: unknown) {
  const raw = body === undefined ? '' : JSON.stringify(body);
  const ts = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(16).toString('hex');
  const toSign = ['TN1-HMAC-SHA256', method, path, ts, nonce, createHash('sha256').update(raw).digest('hex')].join('\n');
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      'x-tracenet-key': key.id,
      'x-tracenet-timestamp': ts,
      'x-tracenet-nonce': nonce,
      'x-tracenet-signature': createHmac('sha256', key.secret).update(toSign).digest('hex'),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : raw,
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 120_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(v)} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

describe('console: a paused webhook', () => {
  it('shows the registrar’s admin the banner; resuming from the client’s page clears it and is audited', async () => {
    const base = suite.server.baseUrl;
    const moa: Session = await apiLogin(base, 'moa-admin');
    const coop: Session = await apiLogin(base, 'sg-coop');
    const client = await call<{ id: string }>(moa, 'POST', '/integration/clients', { name: '山东省追溯平台（推送测试）', kind: 'provincial_platform', regions: ['37'], operations: ['integration.changes'] });
    const issued = await call<{ key: { id: string }; secret: string }>(moa, 'POST', `/integration/clients/${client.id}/keys`, {});
    const key = { id: issued.key.id, secret: issued.secret };
    const endpoint = await signed(base, key, 'POST', '/api/v1/integration/me/webhooks', { url: receiverUrl, kinds: ['batch'] });
    expect(endpoint.status, JSON.stringify(endpoint.json)).toBe(201);
    const endpointId = (endpoint.json as { id: string }).id;

    // Changes the platform wants, each a delivery its receiver refuses: ten failures in a row pause the endpoint.
    const product = await call<{ id: string }>(coop, 'POST', '/trace/products', { name: '推送番茄', classCode: '04', spec: '散装', unit: 'kg' });
    for (let i = 0; i < 12; i++) await call(coop, 'POST', '/trace/batches', { productId: product.id, quantity: 10, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } });
    await until(
      'the endpoint paused',
      async () => (await call<{ items: { id: string; status: string }[] }>(moa, 'GET', `/integration/clients/${client.id}/webhooks`)).items.find((e) => e.id === endpointId)?.status,
      (s) => s === 'paused',
    );
    expect(received).toBeGreaterThanOrEqual(10);

    // The ministry's admin, its registrar, sees the banner on whatever page it opens.
    await page.setViewportSize(DESKTOP);
    await ui.signIn(page, base, 'moa-admin');
    const banner = await shown(page.getByTestId('paused-webhooks'));
    expect(await text(banner)).toContain('山东省追溯平台（推送测试）');
    expect(await text(banner)).toContain('1 个回调地址因连续推送失败已暂停');
    await screenshot(page, 'banner');

    // The partner has fixed its receiver; the admin resumes from the client's page (the banner's link).
    answer = 200;
    await banner.getByRole('link', { name: '查看原因并恢复推送' }).click();
    const card = await shown(page.getByTestId('integration-webhooks'));
    await shown(card.locator('.ant-table-row').filter({ hasText: '已暂停' }).filter({ hasText: 'HTTP 500' }).or(card.locator('.ant-table-row').filter({ hasText: '已暂停' })));
    await screenshot(page, 'paused');
    await (await shown(page.getByTestId(`integration-resume-${endpointId}`))).click();
    await ui.confirmPopover(page, '恢复推送');
    await shown(ui.toast(page, '已恢复推送'));
    await page.getByTestId('paused-webhooks').waitFor({ state: 'detached' });
    await shown(card.locator('.ant-table-row').filter({ hasText: receiverUrl.replace('http://', '') }));
    expect(await card.locator('.ant-table-row').filter({ hasText: '已暂停' }).count()).toBe(0);
    await screenshot(page, 'resumed');
    // Still gone on another page.
    await ui.openMenu(page, '平台对接');
    await shown(page.getByTestId('user-menu'));
    expect(await page.getByTestId('paused-webhooks').count()).toBe(0);

    // Audited as the admin's act, not the client's.
    const audit = await call<{ items: { action: string; targetId: string; actorName: string | null; after: { endpointId: string; status: string } }[] }>(
      moa,
      'GET',
      `/audit?action=integration.webhook_replay&targetId=${client.id}`,
    );
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ targetId: client.id, after: { endpointId, status: 'active' } });
    expect(audit.items[0]!.actorName).not.toBe('山东省追溯平台（推送测试）');
    expect(suite.problems).toEqual([]);
  });
});
