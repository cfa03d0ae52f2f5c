import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/client.js';
import { agencyActorOf, errorResponses } from '../../platform/http/context.js';
import { subjectTraceRecordsOut } from './contracts.js';
import { subjectTraceRecords } from './subject-records.service.js';

/** For officials: a subject's products and latest batches (the inspector's view of a producer). */
export function subjectRecordsRoutes(deps: { db: Db }) {
  return async (root: FastifyInstance) => {
    root.withTypeProvider<ZodTypeProvider>().get('/api/v1/trace/subjects/:id/records', {
      config: { permission: 'subject.read' },
      schema: { tags: ['trace 追溯'], summary: 'A subject of my jurisdiction: its products and 10 latest batches', params: z.strictObject({ id: z.uuid() }), response: { 200: subjectTraceRecordsOut, ...errorResponses } },
      handler: async (request) => subjectTraceRecords(deps.db, agencyActorOf(request), request.params.id),
    });
  };
}
