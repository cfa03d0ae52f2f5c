import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/client.js';
import type { Config } from '../../../platform/config.js';
import { actorOf, commandContext } from '../../../platform/http/context.js';
import { CAPTURE_FILE_SIZE_LIMIT, CAPTURE_LIMIT, captureDocument, captureSingleEvent, type ErrorBehaviour } from './capture.service.js';
import { epcisError, installProblemHandler, problemResponses } from './errors.js';
import { captureById, listCaptures, queryEvents, eventsById, type CaptureJob } from './query.queries.js';
import { queryDocument } from './query-document.js';
import { canonicalIdentifier } from './epc-digital-link.js';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE, parseEventQuery } from './query.params.js';
import { EVENT_TYPES } from './validate.js';
import { BIZ_STEPS, DISPOSITIONS } from './cbv.js';
import { epcFormatOf, inEpcFormat } from './epc-format.js';
import { companyPrefixes } from './epc-prefixes.queries.js';
import { deleteNamedQuery, listNamedQueries, namedQuery, saveNamedQuery, type NamedQuery } from './named-queries.service.js';
import { syncOwnEvents } from './own/sync.js';
import { listSubscriptions, subscribe, unsubscribe, type Subscription } from './subscriptions.service.js';
import type { EventQuery } from './query.params.js';
import type { StoredEvent } from './query.queries.js';

const BASE = '/api/v1/epcis';
const LD_JSON = 'application/ld+json';
const VERSION = /^2\.0(\.\d+)?$/;
const anyBody = z.any();
const rawQuery = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

/** A capture job as the REST binding shows it (EPCIS 2.0 OpenAPI, CaptureJob). */
function jobView(job: CaptureJob) {
  return {
    captureID: job.id,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    running: job.state === 'running',
    success: job.state === 'success',
    captureErrorBehaviour: job.errorBehaviour,
    eventCount: job.eventCount,
    storedCount: job.storedCount,
    duplicateCount: job.duplicateCount,
    errors: job.errors,
  };
}

function errorBehaviourOf(request: FastifyRequest): ErrorBehaviour {
  const sent = request.headers['gs1-capture-error-behaviour'];
  if (sent === undefined || sent === 'rollback') return 'rollback';
  if (sent === 'proceed') return 'proceed';
  throw epcisError('EPCIS_QUERY_PARAMETER', { parameter: 'GS1-Capture-Error-Behaviour', reason: 'rollback or proceed' });
}

/**
 * JSON-LD unless the client asked for plain JSON only; identifiers in the GS1-EPC-Format asked for, and the header
 * saying it was applied, or `No_Preference` when some identifier could not be put in that form.
 */
async function sendEvents(db: Db, request: FastifyRequest, reply: FastifyReply, events: StoredEvent[], queryName?: string) {
  const format = epcFormatOf(request.headers['gs1-epc-format']);
  const accept = request.headers.accept ?? '';
  const gcps = format === 'Always_EPC_URN' ? await companyPrefixes(db) : undefined;
  let complete = true;
  const document = queryDocument(events, queryName, (e) => {
    const formatted = inEpcFormat(e, format, gcps);
    complete &&= formatted.complete;
    return formatted.event;
  });
  return reply
    .header('GS1-EPC-Format', complete ? format : 'No_Preference')
    .type(accept.includes('application/json') && !accept.includes(LD_JSON) ? 'application/json' : LD_JSON)
    .send(document);
}

const namedQueryView = (q: NamedQuery) => ({ name: q.name, query: q.query, createdAt: q.createdAt.toISOString() });
const subscriptionView = (s: Subscription) => ({
  subscriptionID: s.id,
  dest: s.dest,
  stream: s.stream,
  schedule: s.schedule,
  reportIfEmpty: s.reportIfEmpty,
  nextRunAt: s.nextRunAt?.toISOString() ?? null,
  lastDeliveredAt: s.lastDeliveredAt?.toISOString() ?? null,
  lastError: s.lastError,
  createdAt: s.createdAt.toISOString(),
});

/**
 * GS1 EPCIS 2.0 REST binding (issue 18 §1–§2): capture (a document as a job, or one event), the SimpleEventQuery over
 * `GET /events`, one event, the event types. Answers carry GS1-EPCIS-Version and GS1-CBV-Version; a request for
 * another major version is refused with 406; refusals are problem+json.
 */
export function epcisRoutes(deps: { db: Db; config: Pick<Config, 'publicUrl'> }) {
  const ids = { publicUrl: deps.config.publicUrl };
  /** Tracenet's own records are brought up to date before any read of events. */
  const sync = () => syncOwnEvents(deps.db, ids);
  /** One page of events with its Link rel="next", as an EPCISQueryDocument. */
  async function page(request: FastifyRequest, reply: FastifyReply, q: EventQuery, raw: Record<string, unknown>, path: string, queryName?: string) {
    await sync();
    const { events, nextPageToken } = await queryEvents(deps.db, actorOf(request), q);
    if (nextPageToken) {
      const params = new URLSearchParams(Object.entries(raw).filter(([k]) => k !== 'nextPageToken') as [string, string][]);
      params.set('nextPageToken', nextPageToken);
      void reply.header('Link', `<${BASE}${path}?${params.toString()}>; rel="next"`);
    }
    return sendEvents(deps.db, request, reply, events, queryName);
  }
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const tags = ['epcis GS1 EPCIS 2.0'];
    installProblemHandler(root);
    root.addContentTypeParser(LD_JSON, { parseAs: 'string', bodyLimit: CAPTURE_FILE_SIZE_LIMIT }, root.getDefaultJsonParser('error', 'error'));
    root.addHook('onRequest', async (request) => {
      for (const h of ['gs1-epcis-version', 'gs1-cbv-version']) {
        const sent = request.headers[h];
        if (typeof sent === 'string' && !VERSION.test(sent.trim())) throw epcisError('EPCIS_VERSION', { header: h, sent });
      }
    });
    root.addHook('onSend', async (_request, reply, payload) => {
      void reply.header('GS1-EPCIS-Version', '2.0.0').header('GS1-CBV-Version', '2.0.0');
      return payload;
    });

    app.options(`${BASE}/capture`, {
      config: { permission: 'public' },
      schema: { tags, summary: 'The capture limits (GS1-EPCIS-Capture-Limit, GS1-EPCIS-Capture-File-Size-Limit)', hide: true },
      handler: async (_request, reply) =>
        reply
          .status(204)
          .header('Allow', 'OPTIONS, GET, POST')
          .header('GS1-EPCIS-Capture-Limit', String(CAPTURE_LIMIT))
          .header('GS1-EPCIS-Capture-File-Size-Limit', String(CAPTURE_FILE_SIZE_LIMIT))
          .header('GS1-Capture-Error-Behaviour', 'rollback, proceed')
          .send(),
    });

    app.post(`${BASE}/capture`, {
      config: { permission: 'epcis.capture' },
      bodyLimit: CAPTURE_FILE_SIZE_LIMIT,
      schema: {
        tags,
        summary: 'Capture an EPCISDocument (JSON or JSON-LD); 202 with the job’s Location. GS1-Capture-Error-Behaviour: rollback (default) or proceed',
        body: anyBody,
        response: { 202: z.object({ captureID: z.string() }), ...problemResponses },
      },
      handler: async (request, reply) => {
        const behaviour = errorBehaviourOf(request);
        const outcome = await captureDocument(deps.db, commandContext(request), request.body, behaviour, ids);
        return reply.status(202).header('Location', `${BASE}/capture/${outcome.captureId}`).send({ captureID: outcome.captureId });
      },
    });

    app.get(`${BASE}/capture`, {
      config: { permission: 'epcis.capture' },
      schema: { tags, summary: 'Capture jobs of the caller’s organisation (an agency: of its jurisdiction), newest first', querystring: z.object({ perPage: z.coerce.number().int().min(1).max(MAX_PER_PAGE).default(DEFAULT_PER_PAGE), nextPageToken: z.string().max(200).optional() }), response: { 200: anyBody, ...problemResponses } },
      handler: async (request, reply) => {
        const { perPage, nextPageToken } = request.query;
        let after: { at: Date; id: string } | undefined;
        if (nextPageToken) {
          const [at, id] = Buffer.from(nextPageToken, 'base64url').toString('utf8').split('|');
          if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id)) throw epcisError('EPCIS_QUERY_PARAMETER', { parameter: 'nextPageToken', reason: 'not a token this server gave' });
          after = { at: new Date(at), id };
        }
        const rows = await listCaptures(deps.db, actorOf(request), perPage, after);
        const page = rows.slice(0, perPage);
        if (rows.length > perPage) {
          const last = page.at(-1)!;
          const token = Buffer.from(`${last.createdAt.toISOString()}|${last.id}`, 'utf8').toString('base64url');
          void reply.header('Link', `<${BASE}/capture?perPage=${perPage}&nextPageToken=${token}>; rel="next"`);
        }
        return page.map(jobView);
      },
    });

    app.get(`${BASE}/capture/:captureID`, {
      config: { permission: 'epcis.capture' },
      schema: { tags, summary: 'One capture job: running, success, and the errors of the events it refused', params: z.object({ captureID: z.uuid() }), response: { 200: anyBody, ...problemResponses } },
      handler: async (request) => jobView(await captureById(deps.db, actorOf(request), request.params.captureID)),
    });

    app.post(`${BASE}/events`, {
      config: { permission: 'epcis.capture' },
      schema: { tags, summary: 'Capture one EPCIS event synchronously; 201 with its Location', body: anyBody, response: { 201: z.object({ eventID: z.string(), captureID: z.string(), stored: z.boolean() }), ...problemResponses } },
      handler: async (request, reply) => {
        const outcome = await captureSingleEvent(deps.db, commandContext(request), request.body, ids);
        const eventID = outcome.eventIds[0]!;
        return reply
          .status(201)
          .header('Location', `${BASE}/events/${encodeURIComponent(eventID)}`)
          .send({ eventID, captureID: outcome.captureId, stored: outcome.stored === 1 });
      },
    });

    app.get(`${BASE}/events`, {
      config: { permission: 'epcis.query' },
      schema: {
        tags,
        summary: 'SimpleEventQuery over the events the caller may read, as an EPCISQueryDocument; perPage/nextPageToken with Link rel="next"',
        querystring: rawQuery,
        response: { 200: anyBody, ...problemResponses },
      },
      handler: async (request, reply) => page(request, reply, parseEventQuery(request.query), request.query, '/events'),
    });

    app.get(`${BASE}/events/:eventID`, {
      config: { permission: 'epcis.query' },
      schema: { tags, summary: 'One event by its eventID (percent-encoded), as an EPCISQueryDocument', params: z.object({ eventID: z.string().min(1).max(500) }), response: { 200: anyBody, ...problemResponses } },
      handler: async (request, reply) => {
        await sync();
        return sendEvents(deps.db, request, reply, await eventsById(deps.db, actorOf(request), request.params.eventID));
      },
    });

    app.get(`${BASE}/eventTypes`, {
      config: { permission: 'epcis.query' },
      schema: { tags, summary: 'The EPCIS 2.0 event types this server captures and queries', response: { 200: z.array(z.string()), ...problemResponses } },
      handler: async () => [...EVENT_TYPES],
    });

    app.get(`${BASE}/epcs/:epc/events`, {
      config: { permission: 'epcis.query' },
      schema: { tags, summary: 'The events naming an EPC or class (percent-encoded URN or Digital Link), anywhere in the event; the other query parameters apply', params: z.object({ epc: z.string().min(1).max(500) }), querystring: rawQuery, response: { 200: anyBody, ...problemResponses } },
      handler: async (request, reply) => {
        const q = parseEventQuery(request.query);
        q.anyEpcOrClass = [...new Set([request.params.epc, canonicalIdentifier(request.params.epc)])];
        return page(request, reply, q, request.query, `/epcs/${encodeURIComponent(request.params.epc)}/events`);
      },
    });

    app.get(`${BASE}/bizSteps`, {
      config: { permission: 'epcis.query' },
      schema: { tags, summary: 'The CBV 2.0 business steps this server knows (private URIs are accepted too)', response: { 200: z.array(z.string()), ...problemResponses } },
      handler: async () => [...BIZ_STEPS],
    });

    app.get(`${BASE}/dispositions`, {
      config: { permission: 'epcis.query' },
      schema: { tags, summary: 'The CBV 2.0 dispositions this server knows (private URIs are accepted too)', response: { 200: z.array(z.string()), ...problemResponses } },
      handler: async () => [...DISPOSITIONS],
    });

    app.post(`${BASE}/queries`, {
      config: { permission: 'epcis.query' },
      schema: { tags, summary: 'Save a named query (name and SimpleEventQuery parameters) of the caller’s organisation; 201 with its Location', body: anyBody, response: { 201: anyBody, ...problemResponses } },
      handler: async (request, reply) => {
        const saved = await saveNamedQuery(deps.db, commandContext(request), request.body as { name?: unknown; query?: unknown });
        return reply.status(201).header('Location', `${BASE}/queries/${encodeURIComponent(saved.name)}`).send(namedQueryView(saved));
      },
    });

    app.get(`${BASE}/queries`, {
      config: { permission: 'epcis.query' },
      schema: { tags, summary: 'The named queries of the caller’s organisation', response: { 200: anyBody, ...problemResponses } },
      handler: async (request) => (await listNamedQueries(deps.db, actorOf(request))).map(namedQueryView),
    });

    app.get(`${BASE}/queries/:name`, {
      config: { permission: 'epcis.query' },
      schema: { tags, summary: 'One named query', params: z.object({ name: z.string().min(1).max(100) }), response: { 200: anyBody, ...problemResponses } },
      handler: async (request) => namedQueryView(await namedQuery(deps.db, actorOf(request), request.params.name)),
    });

    app.delete(`${BASE}/queries/:name`, {
      config: { permission: 'epcis.query' },
      schema: { tags, summary: 'Delete a named query and its subscriptions', params: z.object({ name: z.string().min(1).max(100) }), response: { 204: z.null(), ...problemResponses } },
      handler: async (request, reply) => {
        await deleteNamedQuery(deps.db, commandContext(request), request.params.name);
        return reply.status(204).send(null);
      },
    });

    app.get(`${BASE}/queries/:name/events`, {
      config: { permission: 'epcis.query' },
      schema: { tags, summary: 'Run a named query (perPage/nextPageToken as for /events)', params: z.object({ name: z.string().min(1).max(100) }), querystring: z.object({ perPage: z.string().optional(), nextPageToken: z.string().optional() }), response: { 200: anyBody, ...problemResponses } },
      handler: async (request, reply) => {
        const saved = await namedQuery(deps.db, actorOf(request), request.params.name);
        const paging = Object.fromEntries(Object.entries(request.query).filter(([, v]) => v !== undefined)) as Record<string, string>;
        return page(request, reply, parseEventQuery({ ...saved.query, ...paging }), paging, `/queries/${encodeURIComponent(saved.name)}/events`, saved.name);
      },
    });

    app.post(`${BASE}/queries/:name/subscriptions`, {
      config: { permission: 'epcis.query' },
      schema: {
        tags,
        summary: 'Subscribe a webhook (dest) to a named query: stream: true, or a schedule (second, minute, hour, dayOfMonth, month, dayOfWeek; UTC); signatureToken is sent as a bearer token',
        params: z.object({ name: z.string().min(1).max(100) }),
        body: anyBody,
        response: { 201: anyBody, ...problemResponses },
      },
      handler: async (request, reply) => {
        const sub = await subscribe(deps.db, commandContext(request), request.params.name, (request.body ?? {}) as Record<string, unknown>);
        return reply.status(201).header('Location', `${BASE}/queries/${encodeURIComponent(request.params.name)}/subscriptions/${sub.id}`).send(subscriptionView(sub));
      },
    });

    app.get(`${BASE}/queries/:name/subscriptions`, {
      config: { permission: 'epcis.query' },
      schema: { tags, summary: 'The subscriptions to a named query', params: z.object({ name: z.string().min(1).max(100) }), response: { 200: anyBody, ...problemResponses } },
      handler: async (request) => (await listSubscriptions(deps.db, actorOf(request), request.params.name)).map(subscriptionView),
    });

    app.delete(`${BASE}/queries/:name/subscriptions/:id`, {
      config: { permission: 'epcis.query' },
      schema: { tags, summary: 'Cancel a subscription', params: z.object({ name: z.string().min(1).max(100), id: z.uuid() }), response: { 204: z.null(), ...problemResponses } },
      handler: async (request, reply) => {
        await unsubscribe(deps.db, commandContext(request), request.params.name, request.params.id);
        return reply.status(204).send(null);
      },
    });
  };
}
