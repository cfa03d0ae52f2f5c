import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ClientActor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { agencyActorOf, commandContext, errorBody, errorResponses } from '../../../platform/http/context.js';
import { httpError } from '../../../platform/http/errors.js';
import { SIGNED_ONLY } from '../../../platform/http/openapi.js';
import { clientDetail, manageableClient } from '../client.queries.js';
import { recordPurchases, verifyCodes } from './codes.service.js';
import {
  changesOut,
  changesQuery,
  clientEndpointParam,
  deliveryListQuery,
  deliveryPage,
  endpointIn,
  endpointOut,
  endpointParam,
  endpointsOut,
  purchasesIn,
  purchasesOut,
  replayIn,
  replayOut,
  verifyIn,
  verifyOut,
} from './contracts.js';
import { readFeed } from './feed.js';
import { listDeliveries, listEndpoints, registerEndpoint, removeEndpoint, replayEndpoint, resumeEndpoint } from './webhooks.service.js';

const tags = ['integration 平台对接'];
const errors = { ...errorResponses, 422: errorBody };

function clientOf(request: FastifyRequest): ClientActor {
  if (!request.client) throw httpError('FORBIDDEN', { reason: 'CLIENTS_ONLY' });
  return request.client;
}

/** Outbound exchange (issue 17 §3, §5): the change feed, webhooks and their log, a market's or shop's codes and purchases. */
export function outboundRoutes(deps: { db: Db; config: { webhookPrivateTargets: boolean } }) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const { db } = deps;

    app.get('/api/v1/integration/changes', {
      config: { permission: 'integration.changes', clients: true },
      schema: {
        tags,
        summary: 'For a client system: the changes in its scope after a cursor, in commit order (resumable: no gap, no change twice)',
        description:
          'Changes to subjects, certificates, batches, trades, market entries, inspections, samples, alerts and cases in the client’s regions, oldest first. Store `nextCursor` and send it back as `after`; `more` says another page is ready now. `kinds` (comma-separated) narrows them. Changes are kept 7 days: a cursor older than what was purged is refused with 410 `CURSOR_EXPIRED` (resync from a snapshot, then read without a cursor).',
        security: SIGNED_ONLY,
        querystring: changesQuery,
        response: { 200: changesOut, ...errors, 410: errorBody },
      },
      handler: async (request) => readFeed(db, clientOf(request), request.query),
    });

    app.get('/api/v1/integration/me/webhooks', {
      config: { permission: 'authenticated', clients: true },
      schema: { tags, summary: 'For a client system: its webhook endpoints', security: SIGNED_ONLY, response: { 200: endpointsOut, ...errors } },
      handler: async (request) => listEndpoints(db, clientOf(request).client.id),
    });

    app.post('/api/v1/integration/me/webhooks', {
      config: { permission: 'authenticated', clients: true },
      schema: {
        tags,
        summary: 'For a client system: register a webhook endpoint (URL, kinds); deliveries are signed with the client’s key, retried with backoff, paused after 10 failures in a row',
        description:
          'Each delivery is a POST of `{deliveryId, change}` with headers X-Tracenet-Delivery, X-Tracenet-Key, X-Tracenet-Timestamp, X-Tracenet-Nonce (the delivery id) and X-Tracenet-Signature: the HMAC-SHA256, with the client’s secret, of the same string a request to Tracenet signs (TN1-HMAC-SHA256, POST, the endpoint’s path with query, timestamp, nonce, body SHA-256). The delivery id is the same on every attempt. `holding_alert`: a lot whose code the client recorded a purchase of failed, is held or was recalled.',
        security: SIGNED_ONLY,
        body: endpointIn,
        response: { 201: endpointOut, ...errors },
      },
      handler: async (request, reply) => reply.status(201).send(await registerEndpoint(db, commandContext(request), clientOf(request), request.body, deps.config.webhookPrivateTargets)),
    });

    app.post('/api/v1/integration/me/webhooks/:id/remove', {
      config: { permission: 'authenticated', clients: true },
      schema: { tags, summary: 'For a client system: remove a webhook endpoint (no more deliveries to it)', security: SIGNED_ONLY, params: endpointParam, response: { 200: endpointOut, ...errors } },
      handler: async (request) => removeEndpoint(db, commandContext(request), clientOf(request), request.params.id),
    });

    app.post('/api/v1/integration/me/webhooks/:id/replay', {
      config: { permission: 'authenticated', clients: true },
      schema: {
        tags,
        summary: 'For a client system: deliver again the changes after a cursor to an endpoint (at most 1,000 a call), resuming it if paused (use its resumeCursor)',
        security: SIGNED_ONLY,
        params: endpointParam,
        body: replayIn,
        response: { 200: replayOut, ...errors, 410: errorBody },
      },
      handler: async (request) => replayEndpoint(db, commandContext(request), clientOf(request), request.params.id, request.body.after),
    });

    app.get('/api/v1/integration/me/deliveries', {
      config: { permission: 'authenticated', clients: true },
      schema: { tags, summary: 'For a client system: its webhook deliveries, newest first (the delivery log)', security: SIGNED_ONLY, querystring: deliveryListQuery, response: { 200: deliveryPage, ...errors } },
      handler: async (request) => listDeliveries(db, clientOf(request).client.id, request.query),
    });

    app.post('/api/v1/integration/codes/verify', {
      config: { permission: 'integration.codes', clients: true },
      schema: {
        tags,
        summary: 'For a market or shop: check up to 1,000 codes at once — found, the lot’s state, product, region (public-level facts)',
        security: SIGNED_ONLY,
        body: verifyIn,
        response: { 200: verifyOut, ...errors },
      },
      handler: async (request) => verifyCodes(db, request.body.codes),
    });

    app.post('/api/v1/integration/purchases', {
      config: { permission: 'integration.codes', clients: true },
      schema: {
        tags,
        summary: 'For a market or shop: record purchases against codes (入市 from its side); all or nothing, idempotent per purchaseRef',
        security: SIGNED_ONLY,
        body: purchasesIn,
        response: { 200: purchasesOut, ...errors },
      },
      handler: async (request) => recordPurchases(db, commandContext(request), clientOf(request), request.body.purchases),
    });

    app.get('/api/v1/integration/clients/:id/webhooks', {
      config: { permission: 'integration.read' },
      schema: { tags, summary: 'A client system’s webhook endpoints (paused ones with the cursor to resume from)', params: endpointParam, response: { 200: endpointsOut, ...errors } },
      handler: async (request) => {
        await clientDetail(db, agencyActorOf(request), request.params.id);
        return listEndpoints(db, request.params.id);
      },
    });

    app.post('/api/v1/integration/clients/:id/webhooks/:endpointId/resume', {
      config: { permission: 'integration.manage' },
      schema: {
        tags,
        summary: 'Resume a client system’s paused webhook endpoint (its registrar’s admin): what it missed is delivered again from where it paused',
        params: clientEndpointParam,
        response: { 200: replayOut, ...errors },
      },
      handler: async (request) => {
        // Its registrar's admins only, as for its keys (a province reads the ministry's platform but does not run it).
        await manageableClient(db, agencyActorOf(request), request.params.id);
        return resumeEndpoint(db, commandContext(request), request.params.id, request.params.endpointId);
      },
    });

    app.get('/api/v1/integration/clients/:id/deliveries', {
      config: { permission: 'integration.read' },
      schema: { tags, summary: 'A client system’s webhook deliveries, newest first', params: endpointParam, querystring: deliveryListQuery, response: { 200: deliveryPage, ...errors } },
      handler: async (request) => {
        await clientDetail(db, agencyActorOf(request), request.params.id);
        return listDeliveries(db, request.params.id, request.query);
      },
    });
  };
}

