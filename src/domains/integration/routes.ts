import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ClientActor } from '../../platform/auth/actor.js';
import { agencyActorOf, commandContext, errorBody, errorResponses } from '../../platform/http/context.js';
import { httpError } from '../../platform/http/errors.js';
import { SIGNED_ONLY } from '../../platform/http/openapi.js';
import { clientDetail, listCalls, listClients, operationsByKind, selfView } from './client.queries.js';
import { createKey, registerClient, revokeKey, rotateKey, updateScope, type IntegrationDeps } from './client.service.js';
import { callListQuery, callPage, clientIdParam, clientIn, clientListQuery, clientOut, clientPage, keyCreatedOut, keyParams, operationsOut, rotateIn, scopeIn, selfOut } from './contracts.js';
import type { KeyStore } from './key-store.js';

const tags = ['integration 平台对接'];
const errors = { ...errorResponses, 422: errorBody };

/** For routes only a client system calls (signed requests). */
function clientOf(request: FastifyRequest): ClientActor {
  if (!request.client) throw httpError('FORBIDDEN', { reason: 'CLIENTS_ONLY' });
  return request.client;
}

/** 平台对接: registering client systems, their scope and keys (agencies), and a client's own view of itself. */
export function integrationRoutes(deps: IntegrationDeps & { keyStore: KeyStore }) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get('/api/v1/integration/operations', {
      config: { permission: 'integration.read' },
      schema: { tags, summary: 'The operations each kind of client system may be given, and the kinds my agency registers', response: { 200: operationsOut, ...errors } },
      handler: async (request) => operationsByKind(deps.grants, agencyActorOf(request)),
    });

    app.get('/api/v1/integration/clients', {
      config: { permission: 'integration.read' },
      schema: { tags, summary: 'Client systems (接入系统) of my jurisdiction, newest first', querystring: clientListQuery, response: { 200: clientPage, ...errors } },
      handler: async (request) => listClients(deps.db, agencyActorOf(request), request.query),
    });

    app.post('/api/v1/integration/clients', {
      config: { permission: 'integration.manage' },
      schema: {
        tags,
        summary: 'Register a client system: the ministry a provincial platform or certification system, a province a market or shop of its region',
        description: 'The scope is the region prefixes the client reaches (inside my jurisdiction; `""` the whole country, the ministry only) and the operations it may call. No key yet: issue one next.',
        body: clientIn,
        response: { 201: clientOut, ...errors },
      },
      handler: async (request, reply) => reply.status(201).send(await registerClient(deps, commandContext(request), request.body)),
    });

    app.get('/api/v1/integration/clients/:id', {
      config: { permission: 'integration.read' },
      schema: { tags, summary: 'A client system with its scope and keys (never a secret)', params: clientIdParam, response: { 200: clientOut, ...errors } },
      handler: async (request) => clientDetail(deps.db, agencyActorOf(request), request.params.id),
    });

    app.patch('/api/v1/integration/clients/:id', {
      config: { permission: 'integration.manage' },
      schema: { tags, summary: 'Change a client system’s scope (regions, operations) or disable it (its keys stop at once)', params: clientIdParam, body: scopeIn, response: { 200: clientOut, ...errors } },
      handler: async (request) => updateScope(deps, commandContext(request), request.params.id, request.body),
    });

    app.post('/api/v1/integration/clients/:id/keys', {
      config: { permission: 'integration.manage', idempotencySecrets: ['secret'] },
      schema: {
        tags,
        summary: 'Issue an API key: the secret is in this answer only (stored encrypted, never shown again); at most two live keys',
        params: clientIdParam,
        response: { 201: keyCreatedOut, ...errors },
      },
      handler: async (request, reply) => reply.status(201).send(await createKey(deps, commandContext(request), request.params.id)),
    });

    app.post('/api/v1/integration/clients/:id/keys/:keyId/rotate', {
      config: { permission: 'integration.manage', idempotencySecrets: ['secret'] },
      schema: {
        tags,
        summary: 'Rotate a key: a new key (secret shown once) and the old one expiring after the overlap (default 24 h), both signing meanwhile',
        params: keyParams,
        body: rotateIn,
        response: { 201: keyCreatedOut, ...errors },
      },
      handler: async (request, reply) => reply.status(201).send(await rotateKey(deps, commandContext(request), request.params.id, request.params.keyId, request.body.overlapHours)),
    });

    app.post('/api/v1/integration/clients/:id/keys/:keyId/revoke', {
      config: { permission: 'integration.manage' },
      schema: { tags, summary: 'Revoke a key at once (its next request is 401 KEY_REVOKED)', params: keyParams, response: { 200: clientOut, ...errors } },
      handler: async (request) => revokeKey(deps, commandContext(request), request.params.id, request.params.keyId),
    });

    app.get('/api/v1/integration/clients/:id/calls', {
      config: { permission: 'integration.read' },
      schema: {
        tags,
        summary: 'A client system’s recent calls, refused ones with their code (`errors=true`: those only), and its last 24 hours’ counts; kept 30 days',
        params: clientIdParam,
        querystring: callListQuery,
        response: { 200: callPage, ...errors },
      },
      handler: async (request) => listCalls(deps.db, deps.keyStore, agencyActorOf(request), request.params.id, request.query),
    });

    app.get('/api/v1/integration/me', {
      config: { permission: 'authenticated', clients: true },
      schema: { tags, summary: 'For a client system (signed request): its own scope and keys', security: SIGNED_ONLY, response: { 200: selfOut, ...errors } },
      handler: async (request) => {
        const client = clientOf(request);
        return selfView(deps.db, client.client.id, client.keyId);
      },
    });

    app.post('/api/v1/integration/me/keys/rotate', {
      config: { permission: 'authenticated', clients: true, idempotencySecrets: ['secret'] },
      schema: {
        tags,
        summary: 'For a client system: rotate the key this request is signed with (new secret shown once; the old key expires after the overlap)',
        security: SIGNED_ONLY,
        body: rotateIn,
        response: { 201: keyCreatedOut, ...errors },
      },
      handler: async (request, reply) => {
        const client = clientOf(request);
        return reply.status(201).send(await rotateKey(deps, commandContext(request), client.client.id, client.keyId, request.body.overlapHours));
      },
    });
  };
}
