import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf, commandContext, errorResponses, subjectActorOf } from '../../platform/http/context.js';
import { SIGNED_OR_SESSION } from '../../platform/http/openapi.js';
import { countedPageOf, pageQuery } from '../../platform/http/page.shared.js';
import { auditExport, exportRows, sendSheet } from '../../platform/sheets/list-export.js';
import { batchByCode } from './batches/batch-lookup.service.js';
import { whatIsCode } from './codes/code.service.js';
import { batchFilterQuery, batchIn, batchListQuery, batchLookupOut, batchOut, baseIn, baseOut, codeDescriptionOut, codeParam, productClassOut, productClassQuery, productIn, productOut } from './contracts.js';
import { addBase, addProduct, listBases, listProducts } from './master-data/master-data.service.js';
import { batchDetail, recordBatch } from './batches/batch.service.js';
import { batchesOfSubject, batchSheet } from './batches/batch-list.queries.js';
import { correctionRoutes } from './corrections/correction.routes.js';
import { notificationRoutes } from './movements/notification.routes.js';
import { processingRoutes } from './movements/processing.routes.js';
import { tradeRoutes } from './movements/trade.routes.js';
import { marketRoutes } from './market/market.routes.js';
import type { TradeDeps } from './movements/trade.service.js';
import { listProductClasses } from './master-data/product-class.service.js';

export function traceRoutes(deps: TradeDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const tags = ['trace 追溯'];
    const listQuery = z.strictObject({ ...pageQuery });

    app.get('/api/v1/trace/codes/:code', {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'What a code is: product code of any type, long compatibility code, subject identity or temporary code',
        description: 'Structure only (type, county, check digit); a mistyped code is a 400 CODE_INVALID naming the problem, with the corrected check digit as `suggestion` when only the last digit is wrong.',
        params: codeParam,
        response: { 200: codeDescriptionOut, ...errorResponses },
      },
      handler: async (request) => whatIsCode(request.params.code),
    });

    app.get('/api/v1/trace/product-classes', {
      config: { permission: 'public' },
      schema: { tags, summary: 'The traceable-product classification (after GB 2763-2021 Appendix A), one level at a time', querystring: productClassQuery, response: { 200: z.object({ items: z.array(productClassOut) }), ...errorResponses } },
      handler: async (request) => listProductClasses(deps.db, request.query.parent),
    });

    app.get('/api/v1/trace/bases', {
      config: { permission: 'trace.read' },
      schema: { tags, summary: 'My production bases (基地), newest first', querystring: listQuery, response: { 200: countedPageOf(baseOut), ...errorResponses } },
      handler: async (request) => listBases(deps, subjectActorOf(request), request.query),
    });

    app.post('/api/v1/trace/bases', {
      config: { permission: 'trace.write' },
      schema: { tags, summary: 'Record a production base, down to its township and map point', body: baseIn, response: { 201: baseOut, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await addBase(deps, commandContext(request), request.body)),
    });

    app.get('/api/v1/trace/products', {
      config: { permission: 'trace.read' },
      schema: { tags, summary: 'My products (产品), newest first', querystring: listQuery, response: { 200: countedPageOf(productOut), ...errorResponses } },
      handler: async (request) => listProducts(deps, subjectActorOf(request), request.query),
    });

    app.post('/api/v1/trace/products', {
      config: { permission: 'trace.write' },
      schema: { tags, summary: 'Record a product: class of the classification, specification, unit, brand, optional GTIN', body: productIn, response: { 201: productOut, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await addProduct(deps, commandContext(request), request.body)),
    });

    app.get('/api/v1/trace/batches', {
      config: { permission: 'trace.read' },
      schema: {
        tags,
        summary: 'My batches, newest first; `code` finds the one with that code (a scanned label), `q` searches code or product',
        description: 'The first page (no cursor) carries `total`: the count of the same filter, capped at 10,000 (`capped`).',
        querystring: batchListQuery,
        response: { 200: countedPageOf(batchOut), ...errorResponses },
      },
      handler: async (request) => batchesOfSubject(deps.db, subjectActorOf(request).subject.id, request.query),
    });

    app.get('/api/v1/trace/batches.xlsx', {
      config: { permission: 'trace.read' },
      schema: { tags, summary: 'My batches of the same filter as an Excel workbook (at most 10,000 rows; audited)', querystring: batchFilterQuery, response: { 200: z.any().describe('.xlsx bytes'), ...errorResponses } },
      handler: async (request, reply) => {
        const subjectId = subjectActorOf(request).subject.id;
        const total = await batchesOfSubject(deps.db, subjectId, { ...request.query, limit: 1 });
        const rows = await exportRows(total.total!, (cursor, limit) => batchesOfSubject(deps.db, subjectId, { ...request.query, cursor, limit }));
        await auditExport(deps.db, commandContext(request), 'trace.batches', request.query, rows.length);
        return sendSheet(reply, { ascii: 'batches', zh: '批次清单' }, batchSheet(rows));
      },
    });

    app.get('/api/v1/trace/batches/by-code/:code', {
      config: { permission: 'trace.graph', clients: true },
      schema: {
        tags,
        summary: 'The batch behind a scanned or typed code, for whoever may trace it (a subject: its own or sold-into batches; an agency: its jurisdiction; a client system: its regions)',
        description: 'Client systems call it with a signed request (see *Signed requests*); a batch outside their regions is 403 OUT_OF_SCOPE, and a natural person holding it is shown by the family name only.',
        security: SIGNED_OR_SESSION,
        // A Tracenet code, or a foreign code of a batch (a province's own, a national long code: `resolvedFrom` says which).
        params: z.strictObject({ code: z.string().regex(/^(\d{20}|[A-Za-z0-9._-]{4,80})$/) }),
        response: { 200: batchLookupOut, ...errorResponses },
      },
      handler: async (request) => batchByCode(deps.db, callerOf(request), request.params.code),
    });

    app.get('/api/v1/trace/batches/:id', {
      config: { permission: 'trace.read' },
      schema: { tags, summary: 'One of my batches with its inputs', params: z.strictObject({ id: z.uuid() }), response: { 200: batchOut, ...errorResponses } },
      handler: async (request) => batchDetail(deps.db, subjectActorOf(request), request.params.id),
    });

    app.post('/api/v1/trace/batches', {
      config: { permission: 'trace.write' },
      schema: { tags, summary: 'Record a batch of my own production (自产): it gets a type-1 code (生产批次码)', body: batchIn, response: { 201: batchOut, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await recordBatch(deps, commandContext(request), request.body)),
    });

    await app.register(tradeRoutes(deps));
    await app.register(processingRoutes(deps));
    await app.register(notificationRoutes(deps));
    await app.register(correctionRoutes(deps));
    await app.register(marketRoutes(deps));
  };
}
