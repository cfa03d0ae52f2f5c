import { isIPv6 } from 'node:net';
import { and, eq, inArray, lt, or, isNull, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.js';
import { loginAttempts, loginThrottle } from './schema.js';

/** Consecutive failures from one address on one username that lock it. */
export const MAX_FAILED_ATTEMPTS = 5;
/** The first lock; each further lock without a success in between doubles, up to a day. */
export const LOCK_MINUTES = 15;
export const MAX_LOCK_MINUTES = 24 * 60;
/** An attempt counted as in flight for longer than this was lost (a crashed server) and no longer counts. */
const STALE_IN_FLIGHT = sql`interval '1 minute'`;
/** How long a parallel attempt waits for those ahead of it to be judged before giving up. */
const WAIT_MS = 10_000;
const GLOBAL_BUCKET = '*';

/**
 * The address a client's attempts are counted under. An IPv6 client usually holds a whole /64, so its attempts
 * count together; an IPv4-mapped address is the IPv4 address.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!isIPv6(ip)) return ip.slice(0, 64);
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

export type ThrottleOutcome = { ok: true; windowStart: Date } | { ok: false; scope: 'address' | 'everyone'; retryAfterSeconds: number };

/**
 * Per-address and global login limits, in PostgreSQL so that every server counts together (DESIGN.md §9). An
 * attempt is counted when it starts and given back when it succeeds, so the limits count failures and attempts in
 * flight: an office of officials signing in behind one address is never refused, a guesser is. An address over its
 * own limit is refused before it reaches the global count, so one address cannot use up everyone's.
 */
export async function throttleLogin(db: Db, ip: string, limits: { perAddress: number; global: number }): Promise<ThrottleOutcome> {
  const address = `ip:${addressKey(ip)}`;
  const count = async (bucket: string) => {
    const [row] = await db
      .insert(loginThrottle)
      .values({ bucket, windowStart: sql`date_trunc('minute', now())`, hits: 1 })
      .onConflictDoUpdate({ target: [loginThrottle.bucket, loginThrottle.windowStart], set: { hits: sql`${loginThrottle.hits} + 1` } })
      .returning({ hits: loginThrottle.hits, windowStart: loginThrottle.windowStart });
    return row!;
  };
  const retryAfterSeconds = () => 60 - new Date().getUTCSeconds();
  const mine = await count(address);
  if (mine.hits > limits.perAddress) return { ok: false, scope: 'address', retryAfterSeconds: retryAfterSeconds() };
  const all = await count(GLOBAL_BUCKET);
  if (all.hits > limits.global) return { ok: false, scope: 'everyone', retryAfterSeconds: retryAfterSeconds() };
  return { ok: true, windowStart: mine.windowStart };
}

/** A successful login gives its attempt back to both counts. */
export async function refundLogin(db: Db, ip: string, windowStart: Date): Promise<void> {
  await db
    .update(loginThrottle)
    .set({ hits: sql`greatest(${loginThrottle.hits} - 1, 0)` })
    .where(and(eq(loginThrottle.windowStart, windowStart), inArray(loginThrottle.bucket, [`ip:${addressKey(ip)}`, GLOBAL_BUCKET])));
}

export type Claim = { kind: 'claimed' } | { kind: 'locked'; until: Date } | { kind: 'busy' };

/**
 * Takes a place to have one password judged for (username, address), before it is checked: refused while that
 * pair is locked; while failures and attempts in flight already reach the limit, waits for them to be judged
 * (they may lift the count by succeeding, or set the lock). So parallel guesses never get more than five judged,
 * and parallel right passwords all get in.
 */
export async function claimAttempt(db: Db, username: string, ip: string): Promise<Claim> {
  const key = { username: username.toLowerCase().slice(0, 40), ip: addressKey(ip) };
  const live = sql`CASE WHEN ${loginAttempts.updatedAt} < now() - ${STALE_IN_FLIGHT} THEN 0 ELSE ${loginAttempts.inFlight} END`;
  const deadline = Date.now() + WAIT_MS;
  for (let wait = 20; ; wait = Math.min(wait * 2, 200)) {
    const [row] = await db
      .insert(loginAttempts)
      .values({ ...key, inFlight: 1 })
      .onConflictDoUpdate({
        target: [loginAttempts.username, loginAttempts.ip],
        set: { inFlight: sql`${live} + 1`, updatedAt: sql`now()` },
        setWhere: and(or(isNull(loginAttempts.lockedUntil), sql`${loginAttempts.lockedUntil} <= now()`), sql`${loginAttempts.failures} + ${live} < ${MAX_FAILED_ATTEMPTS}`),
      })
      .returning({ failures: loginAttempts.failures });
    if (row) return { kind: 'claimed' };
    const [state] = await db
      .select({ lockedUntil: loginAttempts.lockedUntil, locked: sql<boolean>`${loginAttempts.lockedUntil} > now()` })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.username, key.username), eq(loginAttempts.ip, key.ip)));
    if (state?.locked) return { kind: 'locked', until: state.lockedUntil! };
    if (Date.now() > deadline) return { kind: 'busy' };
    await new Promise((r) => setTimeout(r, wait));
  }
}

/**
 * A wrong password on a claimed attempt. The fifth in a row locks the pair for 15 minutes; the count then stays one
 * short of the limit, so after the lock a single further failure locks again, for twice as long (up to a day).
 * Returns the lock when this failure set it.
 */
export async function attemptFailed(db: Db, username: string, ip: string): Promise<{ lockedUntil: Date; minutes: number } | null> {
  const key = { username: username.toLowerCase().slice(0, 40), ip: addressKey(ip) };
  const locks = sql`${MAX_FAILED_ATTEMPTS} <= ${loginAttempts.failures} + 1`;
  const minutes = sql`least(${LOCK_MINUTES} * power(2, ${loginAttempts.locks}), ${MAX_LOCK_MINUTES})::int`;
  const [row] = await db
    .insert(loginAttempts)
    .values({ ...key, failures: 1, inFlight: 0 })
    .onConflictDoUpdate({
      target: [loginAttempts.username, loginAttempts.ip],
      set: {
        inFlight: sql`greatest(${loginAttempts.inFlight} - 1, 0)`,
        failures: sql`CASE WHEN ${locks} THEN ${MAX_FAILED_ATTEMPTS - 1} ELSE ${loginAttempts.failures} + 1 END`,
        locks: sql`CASE WHEN ${locks} THEN ${loginAttempts.locks} + 1 ELSE ${loginAttempts.locks} END`,
        lockedUntil: sql`CASE WHEN ${locks} THEN now() + make_interval(mins => ${minutes}) ELSE ${loginAttempts.lockedUntil} END`,
        updatedAt: sql`now()`,
      },
    })
    .returning({ lockedUntil: loginAttempts.lockedUntil, locks: loginAttempts.locks, fresh: sql<boolean>`${loginAttempts.lockedUntil} > now()` });
  if (!row?.fresh || !row.lockedUntil) return null;
  return { lockedUntil: row.lockedUntil, minutes: Math.min(LOCK_MINUTES * 2 ** (row.locks - 1), MAX_LOCK_MINUTES) };
}

/** An attempt that was never judged (the server too busy to hash) gives its place back. */
export async function releaseAttempt(db: Db, username: string, ip: string): Promise<void> {
  await db
    .update(loginAttempts)
    .set({ inFlight: sql`greatest(${loginAttempts.inFlight} - 1, 0)` })
    .where(and(eq(loginAttempts.username, username.toLowerCase().slice(0, 40)), eq(loginAttempts.ip, addressKey(ip))));
}

/** The right password: the pair's failures and locks are forgotten. */
export async function attemptSucceeded(db: Executor, username: string, ip: string): Promise<void> {
  await db.delete(loginAttempts).where(and(eq(loginAttempts.username, username.toLowerCase().slice(0, 40)), eq(loginAttempts.ip, addressKey(ip))));
}

/** An administrator's password reset lifts every address's lock on the account. */
export async function clearAttempts(db: Executor, username: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.username, username.toLowerCase().slice(0, 40)));
}

/** Forgets counts nobody needs any more: past minutes, and pairs quiet for a day with no lock running. */
export async function purgeLoginCounters(db: Executor): Promise<void> {
  await db.delete(loginThrottle).where(lt(loginThrottle.windowStart, sql`now() - interval '5 minutes'`));
  await db
    .delete(loginAttempts)
    .where(and(lt(loginAttempts.updatedAt, sql`now() - interval '1 day'`), or(isNull(loginAttempts.lockedUntil), lt(loginAttempts.lockedUntil, sql`now()`))));
}
