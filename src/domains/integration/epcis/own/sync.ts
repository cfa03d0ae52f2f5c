import type { Db, Executor } from '../../../../platform/db/client.js';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../../platform/db/rows.js';
import { eventRow } from '../event-row.js';
import { EPCIS_CONTEXT } from '../query-document.js';
import { epcisEvents } from '../schema.js';
import { inspectionAsEpcis, ownContext, recallAsEpcis, sampleAsEpcis, traceEventAsEpcis, type OwnEvent } from './events.js';
import type { Ids } from './identifiers.js';
import { agencyRecordsSince, lotsByCode, traceEventsById } from './sources.js';

const BATCH = 500;
/** The last trace event whose EPCIS events are written (once per process: a scan of the own events' keys). */
async function lastTraceEventWritten(db: Db): Promise<number> {
  const [last] = await queryRows<{ id: string | number | null }>(db, sql`SELECT max(split_part(source_key, ':', 2)::bigint) AS id FROM epcis_events WHERE origin = 'tracenet' AND source_key LIKE 'trace:%'`);
  return Number(last?.id ?? 0);
}

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

/** Trace events are read again this many ids back: one whose transaction committed after later ids is still written. */
const LATE_COMMIT_IDS = 200;
/** The last trace event id each database's own events were brought to by this process. */
const traceSyncedTo = new WeakMap<Db, number>();

/**
 * Brings the EPCIS form of Tracenet's own records up to date before a query reads it (and every minute from the
 * job): trace events by id, samples, inspections and recall orders by time, each read again a margin back (their
 * source keys are unique: a second pass writes nothing). Not through the outbox: its consumer waits for every
 * older transaction of the whole server to end, and a query must see the record its caller just made.
 */
export async function syncOwnEvents(db: Db, ids: Ids): Promise<number> {
  let written = 0;
  let from: number = traceSyncedTo.get(db) ?? (await lastTraceEventWritten(db));
  const write = async (teIds: number[]) => {
    if (!teIds.length) return;
    await db.transaction(async (tx) => {
      const rows = await traceEventsById(tx, teIds);
      const lots = await lotsByCode(tx, rows.flatMap((r) => r.codes));
      written += await writeOwn(tx, ids, rows.flatMap((r) => traceEventAsEpcis(ids, r, lots)));
    });
  };
  // Those a margin back that have no event yet (committed after later ids were read), by the unique source key.
  const late = await queryRows<{ id: number | string }>(
    db,
    sql`SELECT te.id FROM trace_events te WHERE te.id > ${Math.max(0, from - LATE_COMMIT_IDS)} AND te.id <= ${from}
          AND NOT EXISTS (SELECT 1 FROM epcis_events e WHERE e.source_key = 'trace:' || te.id)`,
  );
  await write(late.map((r) => Number(r.id)));
  for (;;) {
    const batch: number[] = (await queryRows<{ id: number | string }>(db, sql`SELECT id FROM trace_events WHERE id > ${from} ORDER BY id LIMIT ${BATCH}`)).map((r) => Number(r.id));
    await write(batch);
    from = batch.at(-1) ?? from;
    if (batch.length < BATCH) break;
  }
  traceSyncedTo.set(db, from);
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
