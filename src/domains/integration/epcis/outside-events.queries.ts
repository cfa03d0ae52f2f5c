import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.js';
import { epcisEvents as e } from './schema.js';
import { textArray } from './sql.js';

/** A public page lists at most this many events of other systems (the newest of a busy chain are the EPCIS query's). */
const PAGE_EVENTS = 20;

/**
 * Captured events naming lots of a chain (their `trace_codes`), oldest first, for the public trace page: the lot,
 * the event type, the CBV business step and when. Not who captured it or where: those are the capturer's to share.
 */
export async function capturedChainEvents(db: Executor, codes: string[]) {
  if (!codes.length) return [];
  const rows = await db
    .select({ traceCodes: e.traceCodes, eventType: e.eventType, bizStep: e.bizStep, eventTime: e.eventTime })
    .from(e)
    .where(and(eq(e.origin, 'captured'), sql`${e.traceCodes} <> '{}'::text[] AND ${e.traceCodes} && ${textArray(codes)}`))
    .orderBy(asc(e.eventTime), asc(e.seq))
    .limit(PAGE_EVENTS);
  const wanted = new Set(codes);
  return rows.map((r) => ({ code: r.traceCodes.find((c) => wanted.has(c)) ?? r.traceCodes[0]!, eventType: r.eventType, bizStep: r.bizStep, eventTime: r.eventTime }));
}
