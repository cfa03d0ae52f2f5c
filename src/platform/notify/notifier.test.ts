import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { testDatabaseUrl } from '../../../test/template.js';
import { createNotifier, type Notice } from './notifier.js';

// The notifier's LISTEN connection (PostgreSQL only: PGlite listens in process) may be dropped by the server, a
// proxy or a failover; live notifications must come back without a restart.

describe.runIf(testDatabaseUrl())('the notifier on PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('listens again after its connection is terminated, and its subscribers hear notices again', async () => {
    const notifier = createNotifier(t.database);
    const heard: Notice[] = [];
    const stop = await notifier.subscribe('test:relisten', (n) => heard.push(n));
    const publishAndHear = async (id: string, ms: number) => {
      await notifier.publish(t.database.db, { topic: 'test:relisten', type: 'ping', id });
      const deadline = Date.now() + ms;
      while (!heard.some((n) => n.id === id) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      return heard.some((n) => n.id === id);
    };
    try {
      expect(await publishAndHear('1', 5_000)).toBe(true);
      const killed = await t.database.db.execute(
        sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN tracenet_notices'`,
      );
      expect((killed as unknown as { rows: unknown[] }).rows).toHaveLength(1);
      let n = 1;
      const deadline = Date.now() + 10_000;
      let back = false;
      while (!back && Date.now() < deadline) {
        expect(await notifier.check()).toEqual({ state: 'up' });
        back = await publishAndHear(String(++n), 300);
      }
      expect(back).toBe(true);
      expect(notifier.subscriptions()).toBe(1);
    } finally {
      stop();
      await notifier.close();
    }
  });
});
