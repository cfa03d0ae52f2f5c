import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AgencyActor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { agencyActorOf, errorResponses } from '../../../platform/http/context.js';
import { countedPageOf, pageQuery } from '../../../platform/http/page.shared.js';
import type { Pii } from '../../../platform/pii/pii.js';
import { subjectFacts, subjectVisibility } from '../../registry/index.js';
import { batchesOfSubject } from '../batches/batch-list.queries.js';
import { baseOut, batchListQuery, batchOut, productOut, subjectTraceRecordsOut, tradeOut, tradeSearchQuery } from '../contracts.js';
import { traceError } from '../errors.js';
import { basesOfSubject, productsOfSubject } from './master-data.service.js';
import { subjectTraceRecords } from './subject-records.service.js';
import { tradesOfSubject } from '../movements/trade.queries.js';

/** A subject of the actor's jurisdiction, or 404 as if there were none (an official of another region gets nothing). */
async function subjectInJurisdiction(db: Db, actor: AgencyActor, id: string): Promise<string> {
  const subject = await subjectFacts(db, id);
  if (!subject || !subjectVisibility.allows(actor, subject)) throw traceError('SUBJECT_NOT_FOUND');
  return subject.id;
}

/**
 * For officials: a subject's trace records — the inspector's view of a producer, and the trace parts of its file
 * (一户一档): bases, products, batches and trades, each its own paged list so the console loads them one by one.
 */
export function subjectRecordsRoutes(deps: { db: Db; pii: Pii }) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const tags = ['trace 追溯'];
    const params = z.strictObject({ id: z.uuid() });
    app.get('/api/v1/trace/subjects/:id/records', {
      config: { permission: 'subject.read' },
      schema: { tags, summary: 'A subject of my jurisdiction: its products and 10 latest batches', params, response: { 200: subjectTraceRecordsOut, ...errorResponses } },
      handler: async (request) => subjectTraceRecords(deps.db, agencyActorOf(request), request.params.id),
    });
    app.get('/api/v1/trace/subjects/:id/bases', {
      config: { permission: 'subject.read' },
      schema: { tags, summary: "A subject's production bases (its file), newest first", params, querystring: z.strictObject({ ...pageQuery }), response: { 200: countedPageOf(baseOut), ...errorResponses } },
      handler: async (request) => basesOfSubject(deps.db, await subjectInJurisdiction(deps.db, agencyActorOf(request), request.params.id), request.query),
    });
    app.get('/api/v1/trace/subjects/:id/products', {
      config: { permission: 'subject.read' },
      schema: { tags, summary: "A subject's products (its file), newest first", params, querystring: z.strictObject({ ...pageQuery }), response: { 200: countedPageOf(productOut), ...errorResponses } },
      handler: async (request) => productsOfSubject(deps.db, await subjectInJurisdiction(deps.db, agencyActorOf(request), request.params.id), request.query),
    });
    app.get('/api/v1/trace/subjects/:id/batches', {
      config: { permission: 'subject.read' },
      schema: { tags, summary: "A subject's batches (its file), newest first, with the same filters as its own list", params, querystring: batchListQuery, response: { 200: countedPageOf(batchOut), ...errorResponses } },
      handler: async (request) => batchesOfSubject(deps.db, await subjectInJurisdiction(deps.db, agencyActorOf(request), request.params.id), request.query),
    });
    app.get('/api/v1/trace/subjects/:id/trades', {
      config: { permission: 'subject.read' },
      schema: { tags, summary: "A subject's purchases (incoming) or sales (outgoing) (its file), newest first; phones masked", params, querystring: tradeSearchQuery, response: { 200: countedPageOf(tradeOut), ...errorResponses } },
      handler: async (request) => tradesOfSubject(deps.db, deps.pii, await subjectInJurisdiction(deps.db, agencyActorOf(request), request.params.id), request.query),
    });
  };
}
