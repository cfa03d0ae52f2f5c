import { sql, type SQL } from 'drizzle-orm';
import type { SubjectActor } from '../../../platform/auth/actor.js';
import type { Tx } from '../../../platform/db/client.js';
import type { Notice, Notifier } from '../../../platform/notify/notifier.js';

/** The GS1 EPCIS 2.0 shape of a trace action (event type, action, CBV business step and disposition). */
export type EpcisShape = {
  eventType: 'ObjectEvent' | 'TransactionEvent' | 'TransformationEvent' | 'AggregationEvent';
  action: 'ADD' | 'OBSERVE' | 'DELETE';
  bizStep: string;
  disposition?: string;
};

/**
 * The INSERT of a trace action's immutable event (who, when, where, what), as a statement or as a CTE of a command
 * written as one statement, where the codes and the detail can be expressions over `from` (its other CTEs).
 */
export function traceEventSql(actor: SubjectActor, shape: EpcisShape, codes: SQL, detail: SQL, from?: SQL): SQL {
  return sql`INSERT INTO trace_events (event_type, action, biz_step, disposition, codes, subject_id, actor_id, region_code, detail)
    SELECT ${shape.eventType}::text, ${shape.action}::text, ${shape.bizStep}::text, ${shape.disposition ?? null}::text, ${codes},
           ${actor.subject.id}::uuid, ${actor.userId}::uuid, ${actor.subject.regionCode}::text, ${detail}
    ${from ? sql`FROM ${from}` : sql``}`;
}

/**
 * Writes the immutable event of a trace action in the action's own transaction, and the action's live notice with
 * it when there is one: one statement, since every round trip counts in a trade.
 */
export async function recordTraceEvent(
  tx: Tx,
  actor: SubjectActor,
  shape: EpcisShape,
  codes: string[],
  detail: Record<string, unknown>,
  notify?: { notifier: Notifier; notice: Notice },
): Promise<void> {
  // Codes are validated digits, so the array literal needs no quoting.
  const insert = traceEventSql(actor, shape, sql`${`{${codes.join(',')}}`}::varchar[]`, sql`${JSON.stringify(detail)}::jsonb`);
  await tx.execute(notify ? sql`WITH ev AS (${insert} RETURNING id) SELECT ${notify.notifier.noticeSql(notify.notice)} FROM ev` : insert);
}
