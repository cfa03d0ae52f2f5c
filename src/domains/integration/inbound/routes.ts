import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ClientActor } from '../../../platform/auth/actor.js';
import { agencyActorOf, commandContext, errorBody, errorResponses } from '../../../platform/http/context.js';
import { httpError } from '../../../platform/http/errors.js';
import { SIGNED_ONLY } from '../../../platform/http/openapi.js';
import { documentIn, documentListQuery, documentOut, documentPage, documentParam } from './contracts.js';
import { clientDocument, listClientDocuments, submitDocument, type InboundDeps } from './document.service.js';

const tags = ['integration 平台对接'];
const errors = { ...errorResponses, 409: errorBody, 413: errorBody };
/** A document of 10,000 items with their identities and addresses runs to a few megabytes. */
const DOCUMENT_BODY_LIMIT = 32 * 1024 * 1024;

function clientOf(request: FastifyRequest): ClientActor {
  if (!request.client) throw httpError('FORBIDDEN', { reason: 'CLIENTS_ONLY' });
  return request.client;
}

/** 数据交换 (issue 17 §2): a provincial platform's documents, and the agencies' view of them. */
export function inboundRoutes(deps: InboundDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.post('/api/v1/integration/documents', {
      config: { permission: 'integration.exchange', clients: true },
      bodyLimit: DOCUMENT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'For a provincial platform: push a document of subjects, bases, products, batches, trades and market entries (up to 10,000 items, with the platform’s own ids)',
        description:
          'Answered 202 at once; a job applies the document whole or not at all — read its state and per-item report at GET /api/v1/integration/documents/{id}. The same `documentId` again is answered 200 with what the first became (nothing is done twice); an item id sent in an earlier document is left unchanged and may be named by later items. A malformed document is refused here (400, naming the item and field) and nothing is kept.',
        security: SIGNED_ONLY,
        body: documentIn,
        response: { 200: documentOut, 202: documentOut, ...errors },
      },
      handler: async (request, reply) => {
        const { created, document } = await submitDocument(deps, commandContext(request), request.body);
        return reply.status(created ? 202 : 200).send(document);
      },
    });

    app.get('/api/v1/integration/documents/:id', {
      config: { permission: 'integration.exchange', clients: true },
      schema: { tags, summary: 'For a provincial platform: a document’s state (queued, applied, refused) and the report of each bad item', security: SIGNED_ONLY, params: documentParam, response: { 200: documentOut, ...errors } },
      handler: async (request) => clientDocument(deps.db, clientOf(request).client.id, request.params.id),
    });

    app.get('/api/v1/integration/clients/:id/documents', {
      config: { permission: 'integration.read' },
      schema: { tags, summary: 'The documents a client system pushed, newest first, with their state and the report of each bad item', params: documentParam, querystring: documentListQuery, response: { 200: documentPage, ...errorResponses } },
      handler: async (request) => listClientDocuments(deps.db, agencyActorOf(request), request.params.id, request.query),
    });
  };
}
