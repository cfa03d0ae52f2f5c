import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';

// The live notification stream over a real socket: the buyer hears of a sale the moment it commits, and of
// nothing that rolled back or was addressed to someone else.

let t: TestApp;
let base: string;
let seller: Client;
let buyer: Client;
let buyerToken: string;

type Event = { event: string; data: { type?: string; trade?: { id: string; status: string; quantity: number; seller: { name: string } } } };

/** Opens the stream as `client` and collects its events until `close()`. */
async function openStream(client: Client) {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/v1/trace/notifications/stream`, { headers: { cookie: client.cookie! }, signal: controller.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const events: Event[] = [];
  const waiters: (() => void)[] = [];
  void (async () => {
    const decoder = new TextDecoder();
    let buffered = '';
    try {
      for await (const chunk of res.body!) {
        buffered += decoder.decode(chunk as Uint8Array, { stream: true });
        let end: number;
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
          waiters.splice(0).forEach((w) => w());
        }
      }
    } catch {
      /* aborted */
    }
  })();
  const until = async (pred: (e: Event[]) => boolean, ms = 5_000) => {
    const deadline = Date.now() + ms;
    while (!pred(events)) {
      if (Date.now() > deadline) throw new Error(`timed out; events so far: ${JSON.stringify(events)}`);
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 100);
      });
    }
  };
  await until((e) => e.some((x) => x.event === 'ready'));
  return { events, until, close: () => controller.abort() };
}

beforeAll(async () => {
  t = await createTestApp();
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  seller = await t.login('sg-coop');
  buyer = await t.login('sg-farmer');
  buyerToken = (await buyer.get('/api/v1/registry/my-subject/identity')).json().token;
});
afterAll(async () => t?.close());

describe('the live notification stream', () => {
  it('tells the buyer of a sale at once and the seller of its confirmation, and nothing of a refused sale', async () => {
    const productId = (await seller.post('/api/v1/trace/products', { name: '韭菜', classCode: '04', spec: '散装', unit: 'kg' })).json().id;
    const batch = (await seller.post('/api/v1/trace/batches', { productId, quantity: 10, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } })).json();
    const buyerStream = await openStream(buyer);
    const sellerStream = await openStream(seller);
    expect((await seller.post('/api/v1/trace/trades', { batchId: batch.id, buyerToken, quantity: 11, unit: 'kg' })).statusCode).toBe(409);
    const sale = (await seller.post('/api/v1/trace/trades', { batchId: batch.id, buyerToken, quantity: 4, unit: 'kg' })).json();
    await buyerStream.until((e) => e.some((x) => x.event === 'trade'));
    const trades = buyerStream.events.filter((x) => x.event === 'trade');
    expect(trades).toHaveLength(1);
    expect(trades[0]!.data).toMatchObject({ type: 'trade.created', trade: { id: sale.id, status: 'pending', quantity: 4, seller: { name: expect.any(String) } } });

    await buyer.post(`/api/v1/trace/trades/${sale.id}/confirm`, {});
    await sellerStream.until((e) => e.some((x) => x.event === 'trade'));
    expect(sellerStream.events.filter((x) => x.event === 'trade').map((x) => [x.data.type, x.data.trade!.status])).toEqual([['trade.confirmed', 'confirmed']]);
    buyerStream.close();
    sellerStream.close();
  });

  it('refuses a stream without a session', async () => {
    const res = await fetch(`${base}/api/v1/trace/notifications/stream`);
    expect(res.status).toBe(401);
  });
});
