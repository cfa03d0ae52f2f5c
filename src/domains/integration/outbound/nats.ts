import { connect, JSONCodec, type JetStreamManager, type NatsConnection } from 'nats';
import type { Db } from '../../../platform/db/client.js';
import type { Logger } from '../../../platform/logger.js';
import { consumeOutbox, type OutboxEvent } from '../../../platform/events/outbox.js';
import type { Job } from '../../../platform/jobs/runner.js';
import { changeOf } from './feed.js';
import { CHANGE_KINDS, type ChangeKind } from './feed.shared.js';

export const NATS_STREAM = 'TRACENET';
export const NATS_CONSUMER = 'integration.nats';

/**
 * One subject per province and kind, `tracenet.<province>.<kind>` (`national` for a change without a region):
 * a consumer takes `tracenet.37.>` for Shandong's changes or `tracenet.*.batch` for every province's batches.
 */
export const natsSubject = (e: Pick<OutboxEvent, 'regionCode' | 'aggregateType'>) => `tracenet.${e.regionCode ? e.regionCode.slice(0, 2) : 'national'}.${e.aggregateType}`;

/**
 * JetStream's de-duplication key of a change: its outbox position and the instant it was written, so that the same
 * change published twice is dropped while another database's change of the same id (a restored copy, a test's) is not.
 */
export const natsMessageId = (e: Pick<OutboxEvent, 'txId' | 'id' | 'createdAt'>) => `${e.txId}.${e.id}.${new Date(e.createdAt).getTime()}`;

export type NatsPublisher = { publishPending(): Promise<number>; close(): Promise<void> };

const codec = JSONCodec();

/** Makes the stream if it is missing (every server may try: the second add of the same config is no change). */
async function ensureStream(jsm: JetStreamManager): Promise<void> {
  try {
    await jsm.streams.info(NATS_STREAM);
  } catch {
    await jsm.streams.add({ name: NATS_STREAM, subjects: ['tracenet.>'], duplicate_window: 2 * 60 * 1_000_000_000 });
  }
}

/**
 * The outbox, published to NATS JetStream when NATS_URL is set (issue 17 §3), so that several consumers read the
 * changes at their own pace. The outbox cursor moves only once JetStream has acknowledged every message of the
 * batch; a server killed between the acknowledgement and the commit publishes the batch again with the same message
 * ids (`Nats-Msg-Id`, natsMessageId), which JetStream's duplicate window drops.
 * The stream is shared by every consumer: subjects of two streams may not overlap, so it is one for `tracenet.>`.
 */
export function createNatsPublisher(db: Db, url: string, log: Logger): NatsPublisher {
  let connecting: Promise<NatsConnection> | undefined;
  const connection = () =>
    (connecting ??= (async () => {
      const nc = await connect({ servers: url, name: 'tracenet', maxReconnectAttempts: -1 });
      await ensureStream(await nc.jetstreamManager());
      void nc.closed().then(() => (connecting = undefined));
      return nc;
    })().catch((err: unknown) => {
      connecting = undefined;
      throw err;
    }));

  const publishPending = async () => {
    const nc = await connection();
    const js = nc.jetstream();
    let total = 0;
    for (let i = 0; i < 50; i++) {
      const n = await consumeOutbox(db, NATS_CONSUMER, async (events) => {
        const wanted = events.filter((e) => (CHANGE_KINDS as readonly string[]).includes(e.aggregateType));
        await Promise.all(wanted.map((e) => js.publish(natsSubject(e), codec.encode(changeOf({ ...e, aggregateType: e.aggregateType as ChangeKind })), { msgID: natsMessageId(e) })));
      });
      total += n;
      if (n === 0) break;
    }
    return total;
  };

  return {
    publishPending,
    async close() {
      const nc = await connecting?.catch(() => undefined);
      await nc?.drain().catch((err: unknown) => log.warn({ err }, 'closing the NATS connection failed'));
    },
  };
}

export const natsJob = (publisher: NatsPublisher): Job => ({ name: 'integration.nats', everyMs: 5_000, maxAttempts: 1, leaseMs: 60_000, run: () => publisher.publishPending() });
