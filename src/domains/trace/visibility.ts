import { defineVisibility, inActorJurisdiction } from '../../platform/auth/visibility.js';
import { batches } from './schema.js';

/**
 * Which batches an official sees (their chains, their recall lists): those whose region lies in the agency's
 * jurisdiction. A subject's accounts see batches by holding or having sold them (trace-graph.queries.ts traceAccess).
 */
export const batchVisibility = defineVisibility({ regionCode: batches.regionCode }, (actor) => inActorJurisdiction(actor, 'regionCode'));
