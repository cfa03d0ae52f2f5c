import { sql, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.js';

/**
 * Live notifications between servers (DESIGN.md §9: servers are stateless): a domain publishes inside its write
 * transaction with NOTIFY, so a message leaves only if the write commits, and every server LISTENing passes it
 * to the streams of its own connected users. A message names a topic (such as `subject:{id}`) and carries ids
 * only; the receiver reads the facts with the reader's own permissions.
 */
export type Notice = { topic: string; type: string; id: string };

export type Notifier = {
  publish(tx: Executor, notice: Notice): Promise<void>;
  /**
   * The NOTIFY as an SQL expression, for a write that sends it in its own statement (one round trip less); the
   * topic and id may be expressions of that statement (an id it has just made).
   */
  noticeSql(notice: { topic: string | SQL; type: string; id: string | SQL }): SQL;
  /** Starts listening on first use; returns the way to stop this subscription. */
  subscribe(topic: string, onNotice: (notice: Notice) => void): Promise<() => void>;
  /** Subscriptions open now: one per connected live stream (SSE). */
  /** Listeners subscribed, to topics starting with `prefix` when given. */
  subscriptions(prefix?: string): number;
  /** Listens if not yet (or again, after the connection was lost) and says whether notices can arrive. */
  check(): Promise<{ state: 'up' | 'down'; error?: string }>;
  close(): Promise<void>;
};

const CHANNEL = 'tracenet_notices';

const noticeSql: Notifier['noticeSql'] = (n) =>
  sql`pg_notify(${CHANNEL}, json_build_object('topic', ${n.topic}::text, 'type', ${n.type}::text, 'id', ${n.id}::text)::text)`;

/** Sends a notice with the caller's statement runner; it leaves when that transaction commits (at once outside one). */
export async function publishNotice(tx: Executor, notice: Notice): Promise<void> {
  await tx.execute(sql`SELECT ${noticeSql(notice)}`);
}

export function createNotifier(database: Pick<Database, 'listen'>): Notifier {
  const subscribers = new Map<string, Set<(notice: Notice) => void>>();
  let listening: Promise<() => Promise<void>> | undefined;

  // A failed or lost LISTEN is forgotten, so that the next subscription or readiness check listens again; the
  // subscribers already registered hear the new connection's notices.
  const listen = () =>
    (listening ??= database
      .listen(CHANNEL, dispatch, () => {
        listening = undefined;
      })
      .catch((err: unknown) => {
        listening = undefined;
        throw err;
      }));

  const dispatch = (payload: string) => {
    let notice: Notice;
    try {
      notice = JSON.parse(payload) as Notice;
    } catch {
      return;
    }
    for (const fn of subscribers.get(notice.topic) ?? []) fn(notice);
  };

  return {
    noticeSql,
    publish: publishNotice,
    async subscribe(topic, onNotice) {
      await listen();
      let set = subscribers.get(topic);
      if (!set) subscribers.set(topic, (set = new Set()));
      set.add(onNotice);
      return () => {
        set.delete(onNotice);
        if (!set.size) subscribers.delete(topic);
      };
    },
    subscriptions: (prefix = '') => [...subscribers.entries()].reduce((n, [topic, set]) => n + (topic.startsWith(prefix) ? set.size : 0), 0),
    async check() {
      try {
        await listen();
        return { state: 'up' };
      } catch (err) {
        return { state: 'down', error: err instanceof Error ? err.message : String(err) };
      }
    },
    async close() {
      subscribers.clear();
      if (listening) await (await listening.catch(() => async () => undefined))();
    },
  };
}
