import { sql, type SQL } from 'drizzle-orm';
import type { ClientActor } from '../../../platform/auth/actor.js';
import { regionRanges } from '../../../platform/auth/visibility.js';
import type { Executor } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';
import { purgedUpTo } from '../../../platform/events/outbox.js';
import { decodeCursor, encodeCursor, isBefore, type FeedPosition } from './cursor.js';
import { CHANGE_KINDS, type ChangeKind } from './feed.shared.js';
import { outboundError } from './errors.js';

export type Change = {
  cursor: string;
  id: number;
  type: string;
  kind: ChangeKind;
  aggregateId: string;
  regionCode: string | null;
  payload: Record<string, unknown>;
  at: Date;
};

type Row = { id: number; txId: string; type: string; aggregateType: ChangeKind; aggregateId: string; regionCode: string | null; payload: Record<string, unknown>; createdAt: Date | string };

/** The region filter of a scope: '' reaches everything (changes without a region too), a prefix its regions. */
export function regionsFilter(regions: readonly string[]): SQL {
  return regions.includes('') ? sql`TRUE` : regionRanges(sql`region_code`, regions);
}

export function kindsFilter(kinds: readonly string[]): SQL {
  return sql`aggregate_type IN (${sql.join(
    kinds.map((k) => sql`${k}`),
    sql`, `,
  )})`;
}

/**
 * The changes after `after` that a scope reaches, in the order their transactions committed. Only changes of
 * transactions older than every one still open are read (the outbox's `pg_snapshot_xmin` rule, outbox.ts), so a
 * transaction committing late with a smaller id is never passed over by a cursor already beyond it: no gap. The
 * cursor is the last change's (tx_id, id), so a client that resumes from it after any restart reads no change twice.
 */
export async function changesAfter(db: Executor, scope: { regions: readonly string[]; kinds: readonly string[] }, after: FeedPosition, limit: number): Promise<(Row & { createdAt: Date })[]> {
  const rows = await queryRows<Row>(
    db,
    sql`SELECT id, tx_id::text AS "txId", type, aggregate_type AS "aggregateType", aggregate_id AS "aggregateId",
               region_code AS "regionCode", payload, created_at AS "createdAt"
        FROM outbox_events
        WHERE (tx_id, id) > (${after.txId}::xid8, ${after.eventId}::bigint)
          AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
          AND ${kindsFilter(scope.kinds)} AND ${regionsFilter(scope.regions)}
        ORDER BY tx_id, id LIMIT ${limit}::int`,
  );
  // Raw SQL hands timestamps over as text on one driver, as dates on the other.
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
}

export const changeOf = (r: Row): Change => ({
  cursor: encodeCursor({ txId: r.txId, eventId: r.id }),
  id: r.id,
  type: r.type,
  kind: r.aggregateType,
  aggregateId: r.aggregateId,
  regionCode: r.regionCode,
  payload: r.payload,
  at: new Date(r.createdAt),
});

/** The kinds a client asks for: all of the feed's when it names none; one it may not read is refused. */
export function requestedKinds(kinds: readonly string[] | undefined): ChangeKind[] {
  if (!kinds?.length) return [...CHANGE_KINDS];
  for (const k of kinds) if (!(CHANGE_KINDS as readonly string[]).includes(k)) throw outboundError('KIND_OUT_OF_SCOPE', { kind: k });
  return [...new Set(kinds)] as ChangeKind[];
}

/**
 * A client's cursor as a position. One before what the purge deleted may have missed changes: refused (410), never
 * resumed past the hole. No cursor reads from the oldest change kept (a new reader starts from a snapshot anyway).
 */
export async function feedPosition(db: Executor, cursor: string | undefined): Promise<FeedPosition> {
  const after = decodeCursor(cursor);
  const purged = await purgedUpTo(db);
  if (!purged) return after;
  // No cursor starts where the purge ended, so the cursor handed back (the same one when nothing is new) is valid.
  if (!cursor) return purged;
  if (isBefore(after, purged)) throw outboundError('CURSOR_EXPIRED');
  return after;
}

/** A client's page of its feed; `nextCursor` is where to resume (the same cursor again when nothing new came). */
export async function readFeed(db: Executor, client: ClientActor, q: { after?: string | undefined; limit: number; kinds?: string[] | undefined }) {
  const after = await feedPosition(db, q.after);
  const kinds = requestedKinds(q.kinds);
  const rows = await changesAfter(db, { regions: client.regions, kinds }, after, q.limit);
  const last = rows[rows.length - 1];
  return { items: rows.map(changeOf), nextCursor: last ? encodeCursor({ txId: last.txId, eventId: last.id }) : encodeCursor(after), more: rows.length === q.limit };
}
