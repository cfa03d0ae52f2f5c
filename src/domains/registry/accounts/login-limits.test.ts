import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../../../test/harness.js';
import { expectError } from '../../../../test/assertions.js';
import { hashGate } from '../../../platform/auth/hash-gate.js';
import { addressKey } from '../../../platform/auth/login-guard.js';
import { queryRows } from '../../../platform/db/rows.js';

// Login abuse (issue 19, finding 8): limits per address and for everyone, and a bounded number of password hashes
// at once, so a flood of logins neither guesses fast nor slows every other route.

const loginFrom = (t: TestApp, username: string, password: string, remoteAddress: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username, password }) });

/** The limits count per clock minute: start a burst well inside one, so it is judged by one window. */
async function awayFromMinuteEdge() {
  const s = new Date().getUTCSeconds();
  if (s >= 50) await new Promise((r) => setTimeout(r, (61 - s) * 1000));
}

describe('login limits per address and for everyone', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_LIMIT: '3', LOGIN_GLOBAL_RATE_LIMIT: '8', HASH_CONCURRENCY: '1' } });
  });
  afterAll(() => t?.close());

  it('refuses an address after its limit of failing attempts a minute, with when to retry; other addresses go on', async () => {
    await awayFromMinuteEdge();
    for (let i = 0; i < 3; i++) expectError(await loginFrom(t, `guess-${i}`, 'Wrong#Pass2026', '192.0.2.10'), 401, 'INVALID_CREDENTIALS');
    const body = expectError(await loginFrom(t, 'sd-admin', DEMO_PASSWORD, '192.0.2.10'), 429, 'TOO_MANY_LOGINS');
    expect(body.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(body.details.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(body.message.zh).toMatch(/^登录尝试过于频繁，请 \d+ 秒后再试$/);
    // Refused attempts are neither judged nor audited.
    const [{ n }] = (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE ip = '192.0.2.10'`)) as [{ n: number }];
    expect(n).toBe(3);
    expect((await loginFrom(t, 'sd-admin', DEMO_PASSWORD, '192.0.2.11')).statusCode).toBe(200);
  });

  it('counts only attempts that do not succeed: an office behind one address signs in as often as it needs', async () => {
    for (let i = 0; i < 6; i++) expect((await loginFrom(t, 'wf-admin', DEMO_PASSWORD, '192.0.2.20')).statusCode).toBe(200);
  });

  it('an IPv6 client is counted by its /64', async () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(addressKey('192.0.2.1')).toBe('192.0.2.1');
  });

  it('stops everyone once the failures of all addresses reach the global limit; one address over its own limit cannot use it up', async () => {
    await awayFromMinuteEdge();
    await t.database.db.execute(sql`DELETE FROM login_throttle`);
    // One address hammering: refused after three, and those refused never reach the global count.
    for (let i = 0; i < 10; i++) await loginFrom(t, `spray-${i}`, 'Wrong#Pass2026', '192.0.2.30');
    for (let i = 0; i < 3; i++) expectError(await loginFrom(t, `spray-b${i}`, 'Wrong#Pass2026', '192.0.2.31'), 401, 'INVALID_CREDENTIALS');
    for (let i = 0; i < 2; i++) expectError(await loginFrom(t, `spray-c${i}`, 'Wrong#Pass2026', '192.0.2.32'), 401, 'INVALID_CREDENTIALS');
    // 3 + 3 + 2 = 8 failures: the next attempt from anywhere is refused, even a right password.
    expectError(await loginFrom(t, 'sd-admin', DEMO_PASSWORD, '192.0.2.33'), 429, 'TOO_MANY_LOGINS');
    await t.database.db.execute(sql`DELETE FROM login_throttle`);
    expect((await loginFrom(t, 'sd-admin', DEMO_PASSWORD, '192.0.2.33')).statusCode).toBe(200);
  });
});

describe('bounded password hashing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { HASH_CONCURRENCY: '1' } });
  });
  afterAll(() => t?.close());

  it('a flood of logins hashes one password at a time, while other routes keep answering', async () => {
    const before = hashGate().stats().peak;
    expect(before).toBeLessThanOrEqual(1);
    let healthSlowest = 0;
    let flooding = true;
    const probe = (async () => {
      while (flooding) {
        const started = performance.now();
        const res = await t.app.inject({ method: 'GET', url: '/readyz' });
        expect(res.statusCode).toBeLessThan(500);
        healthSlowest = Math.max(healthSlowest, performance.now() - started);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const results = await Promise.all(Array.from({ length: 24 }, (_, i) => loginFrom(t, `flood-${i}`, 'Wrong#Pass2026', `198.18.0.${i + 1}`)));
    flooding = false;
    await probe;
    expect(results.map((r) => r.statusCode)).toEqual(Array<number>(24).fill(401));
    expect(hashGate().stats()).toEqual({ running: 0, waiting: 0, peak: 1 });
    // Generous on a shared two-core machine: the point is that it is not queued behind 24 hashes (~1 s).
    expect(healthSlowest).toBeLessThan(700);
  });
});
