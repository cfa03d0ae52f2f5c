import type { Db, Executor } from '../../../../platform/db/client.js';
import { consumeOutbox } from '../../../../platform/events/outbox.js';
import { eventRow } from '../event-row.js';
import { EPCIS_CONTEXT } from '../query-document.js';
import { epcisEvents } from '../schema.js';
import { inspectionAsEpcis, ownContext, recallAsEpcis, sampleAsEpcis, traceEventAsEpcis, type OwnEvent } from './events.js';
import type { Ids } from './identifiers.js';
import { agencyRecordsSince, lotsByCode, traceEventsById } from './sources.js';

const CONSUMER = 'epcis.own-events';
const BATCH = 500;
/** Agency records are read again this far back, so one whose transaction committed late is still written. */
const LATE_COMMIT_MS = 10 * 60_000;
/** Own events were not captured: they share one capture id, the nil UUID. */
const NO_CAPTURE = '00000000-0000-0000-0000-000000000000';

async function writeOwn(tx: Executor, ids: Ids, events: OwnEvent[]): Promise<number> {
  if (!events.length) return 0;
  const context = [EPCIS_CONTEXT, ownContext(ids)];
  const rows = events.map((o) => ({
    ...eventRow(o.event, context),
    ownerKind: o.owner.kind,
    ownerId: o.owner.id,
    regionCode: o.owner.regionCode,
    captureId: NO_CAPTURE,
    origin: 'tracenet',
    sourceKey: o.sourceKey,
    traceCodes: o.traceCodes,
  }));
  let written = 0;
  for (let i = 0; i < rows.length; i += 1000) written += (await tx.insert(epcisEvents).values(rows.slice(i, i + 1000)).onConflictDoNothing().returning({ seq: epcisEvents.seq })).length;
  return written;
}

/** When each database's agency records were last read by this process. */
const agencySyncedAt = new WeakMap<Db, Date>();

/**
 * Brings the EPCIS form of Tracenet's own records up to date before a query reads it (and every minute from the
 * job): trace events through the outbox (its cursor moves in the transaction that writes their events: each once),
 * samples, inspections and recall orders by time with a margin (their source keys are unique: a second pass writes
 * nothing). While another server is at the outbox, this one answers with what is written already.
 */
export async function syncOwnEvents(db: Db, ids: Ids): Promise<number> {
  let written = 0;
  for (;;) {
    let made = 0;
    const read = await consumeOutbox(
      db,
      CONSUMER,
      async (events, tx) => {
        const rows = await traceEventsById(tx, events.filter((e) => e.aggregateType === 'trace_event').map((e) => Number(e.aggregateId)));
        const lots = await lotsByCode(tx, rows.flatMap((r) => r.codes));
        made = await writeOwn(tx, ids, rows.flatMap((r) => traceEventAsEpcis(ids, r, lots)));
      },
      BATCH,
    );
    written += made;
    if (read < BATCH) break;
  }
  const startedAt = new Date();
  const since = new Date(Math.max(0, (agencySyncedAt.get(db)?.getTime() ?? 0) - LATE_COMMIT_MS));
  await db.transaction(async (tx) => {
    const { samples, inspections, recalls } = await agencyRecordsSince(tx, since);
    const lots = await lotsByCode(tx, [...samples.map((s) => s.code), ...recalls.map((r) => r.code)]);
    written += await writeOwn(tx, ids, [...samples.flatMap((s) => sampleAsEpcis(ids, s, lots)), ...inspections.map((i) => inspectionAsEpcis(ids, i)), ...recalls.map((r) => recallAsEpcis(ids, r, lots))]);
  });
  agencySyncedAt.set(db, startedAt);
  return written;
}
