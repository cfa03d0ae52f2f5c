import type { SubjectActor } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/client.js';
import { traceEvents } from './schema.js';

/** The GS1 EPCIS 2.0 shape of a trace action (event type, action, CBV business step and disposition). */
export type EpcisShape = {
  eventType: 'ObjectEvent' | 'TransactionEvent' | 'TransformationEvent' | 'AggregationEvent';
  action: 'ADD' | 'OBSERVE' | 'DELETE';
  bizStep: string;
  disposition?: string;
};

/** Writes the immutable event of a trace action in the action's own transaction (who, when, where, what). */
export async function recordTraceEvent(tx: Tx, actor: SubjectActor, shape: EpcisShape, codes: string[], detail: Record<string, unknown>): Promise<void> {
  await tx.insert(traceEvents).values({
    eventType: shape.eventType,
    action: shape.action,
    bizStep: shape.bizStep,
    disposition: shape.disposition ?? null,
    codes,
    subjectId: actor.subject.id,
    actorId: actor.userId,
    regionCode: actor.subject.regionCode,
    detail,
  });
}
