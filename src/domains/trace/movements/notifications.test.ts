import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';

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
  const state = { ended: false };
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
    state.ended = true;
    waiters.splice(0).forEach((w) => w());
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
  /** Resolves once the server has ended the stream. */
  const ends = () => until(() => state.ended);
  return { events, until, ends, state, close: () => controller.abort() };
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

  describe('a stream lives no longer than its credential', () => {
    let n = 0;
    /** A staff account of the buyer's subject, signed in with its own password (a new account must change its first). */
    async function staffOfBuyer() {
      const username = `farm-hand-${++n}`;
      const created = await buyer.post('/api/v1/registry/my-subject/accounts', { username, displayName: '帮工', password: 'First#Pass2026' });
      expect(created.statusCode, created.body).toBe(201);
      const first = await t.login(username, 'First#Pass2026');
      expect((await first.post('/api/v1/auth/password', { currentPassword: 'First#Pass2026', newPassword: 'Own#Pass20261' })).statusCode).toBe(204);
      return { id: created.json().id as string, username, client: first, login: () => t.login(username, 'Own#Pass20261') };
    }
    const sale = async () => {
      const product = await seller.post('/api/v1/trace/products', { name: `菠菜${++n}`, classCode: '04', spec: '散装', unit: 'kg' });
      expect(product.statusCode, product.body).toBe(201);
      const productId = product.json().id;
      const batch = (await seller.post('/api/v1/trace/batches', { productId, quantity: 10, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } })).json();
      const res = await seller.post('/api/v1/trace/trades', { batchId: batch.id, buyerToken, quantity: 1, unit: 'kg' });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };

    it('logging out ends the streams of that session, not those of the same account elsewhere', async () => {
      const staff = await staffOfBuyer();
      const other = await staff.login();
      const here = await openStream(staff.client);
      const there = await openStream(other);
      expect((await staff.client.post('/api/v1/auth/logout')).statusCode).toBe(204);
      await here.ends();
      expect(here.events.at(-1)).toEqual({ event: 'ended', data: { reason: 'revoked' } });
      const id = await sale();
      await there.until((e) => e.some((x) => x.event === 'trade' && x.data.trade?.id === id));
      expect(there.state.ended).toBe(false);
      there.close();
    });

    it('disabling the account ends all its streams at once', async () => {
      const staff = await staffOfBuyer();
      const streams = [await openStream(staff.client), await openStream(await staff.login())];
      expect((await buyer.patch(`/api/v1/registry/my-subject/accounts/${staff.id}`, { status: 'disabled' })).statusCode).toBe(200);
      for (const s of streams) {
        await s.ends();
        expect(s.events.filter((e) => e.event === 'ended')).toEqual([{ event: 'ended', data: { reason: 'revoked' } }]);
      }
    });

    it("changing the password ends the account's other streams and keeps the one of the session that changed it", async () => {
      const staff = await staffOfBuyer();
      const elsewhere = await staff.login();
      const mine = await openStream(staff.client);
      const theirs = await openStream(elsewhere);
      expect((await staff.client.post('/api/v1/auth/password', { currentPassword: 'Own#Pass20261', newPassword: 'Next#Pass20262' })).statusCode).toBe(204);
      await theirs.ends();
      const id = await sale();
      await mine.until((e) => e.some((x) => x.event === 'trade' && x.data.trade?.id === id));
      expect(mine.state.ended).toBe(false);
      mine.close();
    });

    it('checks the credential again before each event: a session gone without a word gets no event, its stream ends', async () => {
      const staff = await staffOfBuyer();
      const stream = await openStream(staff.client);
      // Removed behind the server's back (no notice sent): only the check before the event can see it.
      await t.database.db.execute(sql`DELETE FROM sessions WHERE user_id = ${staff.id}`);
      await sale();
      await stream.ends();
      expect(stream.events.map((e) => e.event)).toEqual(['ready', 'ended']);
    });
  });

  it('refuses a stream without a session', async () => {
    const res = await fetch(`${base}/api/v1/trace/notifications/stream`);
    expect(res.status).toBe(401);
  });
});
