import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { commandContext, errorResponses, subjectActorOf } from '../../../platform/http/context.js';
import { countedPageOf, pageQuery } from '../../../platform/http/page.shared.js';
import { correctBatch, voidBatch } from './batch-correction.service.js';
import { baseCorrectionIn, batchCorrectionIn, correctionOut, productCorrectionIn, voidIn } from './correction.contracts.js';
import { listCorrections } from './correction-history.js';
import { baseOut, batchOut, productOut } from '../contracts.js';
import { correctBase, correctProduct, voidBase, voidProduct } from './master-data-correction.service.js';
import type { TradeDeps } from '../movements/trade.service.js';

// 更正与作废 (issue 15 §5). Corrections and voids are POSTs, so a retried one carries Idempotency-Key like every write.

export function correctionRoutes(deps: TradeDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const tags = ['trace 追溯'];
    const params = z.strictObject({ id: z.uuid() });
    const historyQuery = z.strictObject({ ...pageQuery });
    const refused = 'Refused with 409 FIELD_IN_USE when something depends on a field given, naming the field and what depends on it.';

    app.post('/api/v1/trace/batches/:id/corrections', {
      config: { permission: 'trace.write' },
      schema: {
        tags,
        summary: '批次更正: correct fields of a batch of my own production, with a reason; the earlier values are kept in its history',
        description: `${refused} The product is fixed once the batch is traded, certified or tested; the base and self-check once certified; the quantity never goes below what was shipped, awaits a buyer or was certified (409 QUANTITY_BELOW_SHIPPED with the minimum).`,
        params,
        body: batchCorrectionIn,
        response: { 200: batchOut, ...errorResponses },
      },
      handler: async (request) => correctBatch(deps, commandContext(request), request.params.id, request.body),
    });

    app.post('/api/v1/trace/batches/:id/void', {
      config: { permission: 'trace.write' },
      schema: {
        tags,
        summary: '批次作废: withdraw a batch recorded in error, with a reason; its public page then says it was voided',
        description: 'Refused with 409 BATCH_HAS_DOWNSTREAM while a trade, processing or split took from it: its goods reached others.',
        params,
        body: voidIn,
        response: { 200: batchOut, ...errorResponses },
      },
      handler: async (request) => voidBatch(deps, commandContext(request), request.params.id, request.body),
    });

    app.get('/api/v1/trace/batches/:id/corrections', {
      config: { permission: 'trace.read' },
      schema: { tags, summary: '修改记录 of one of my batches, newest first', params, querystring: historyQuery, response: { 200: countedPageOf(correctionOut), ...errorResponses } },
      handler: async (request) => listCorrections(deps.db, subjectActorOf(request), 'batch', request.params.id, request.query),
    });

    app.post('/api/v1/trace/products/:id/corrections', {
      config: { permission: 'trace.write' },
      schema: { tags, summary: '产品更正: correct a product no batch names yet, with a reason', description: refused, params, body: productCorrectionIn, response: { 200: productOut, ...errorResponses } },
      handler: async (request) => correctProduct(deps, commandContext(request), request.params.id, request.body),
    });

    app.post('/api/v1/trace/products/:id/void', {
      config: { permission: 'trace.write' },
      schema: { tags, summary: '产品作废: no new batch may name the product; the batches that do keep it', params, body: voidIn, response: { 200: productOut, ...errorResponses } },
      handler: async (request) => voidProduct(deps, commandContext(request), request.params.id, request.body),
    });

    app.get('/api/v1/trace/products/:id/corrections', {
      config: { permission: 'trace.read' },
      schema: { tags, summary: '修改记录 of one of my products, newest first', params, querystring: historyQuery, response: { 200: countedPageOf(correctionOut), ...errorResponses } },
      handler: async (request) => listCorrections(deps.db, subjectActorOf(request), 'product', request.params.id, request.query),
    });

    app.post('/api/v1/trace/bases/:id/corrections', {
      config: { permission: 'trace.write' },
      schema: {
        tags,
        summary: '基地更正: correct a base with a reason; its name and township only while no batch names it',
        description: refused,
        params,
        body: baseCorrectionIn,
        response: { 200: baseOut, ...errorResponses },
      },
      handler: async (request) => correctBase(deps, commandContext(request), request.params.id, request.body),
    });

    app.post('/api/v1/trace/bases/:id/void', {
      config: { permission: 'trace.write' },
      schema: { tags, summary: '基地作废: no new batch may come from the base; the batches that did keep it', params, body: voidIn, response: { 200: baseOut, ...errorResponses } },
      handler: async (request) => voidBase(deps, commandContext(request), request.params.id, request.body),
    });

    app.get('/api/v1/trace/bases/:id/corrections', {
      config: { permission: 'trace.read' },
      schema: { tags, summary: '修改记录 of one of my bases, newest first', params, querystring: historyQuery, response: { 200: countedPageOf(correctionOut), ...errorResponses } },
      handler: async (request) => listCorrections(deps.db, subjectActorOf(request), 'base', request.params.id, request.query),
    });
  };
}
