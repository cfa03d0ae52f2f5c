import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { commandContext, errorResponses, subjectActorOf } from '../../../platform/http/context.js';
import { countedPageOf } from '../../../platform/http/page.shared.js';
import { auditExport, exportRows, sendSheet } from '../../../platform/sheets/list-export.js';
import { marketEntryIn, returnIn, returnOut, tradeIn, tradeFilterQuery, tradeOut, tradeReasonIn, tradeSearchQuery } from '../contracts.js';
import { createMarketEntry } from './market-entry.service.js';
import { recordReturn } from './return.service.js';
import { listTrades, tradeDetail, tradeSheet, tradesOfSubject } from './trade.queries.js';
import { confirmTrade, createTrade, endTrade, type TradeDeps } from './trade.service.js';

/** 扫码交易, 入市 and 退货: goods changing hands. */
export function tradeRoutes(deps: TradeDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const tags = ['trace 追溯'];
    const tradeId = z.strictObject({ id: z.uuid() });

    app.get('/api/v1/trace/trades', {
      config: { permission: 'trace.read' },
      schema: {
        tags,
        summary: 'Trades addressed to me (incoming) or sent by me (outgoing), newest first; phones masked',
        description: '`q` searches codes, the product and the other party; the first page (no cursor) carries `total`, capped at 10,000.',
        querystring: tradeSearchQuery,
        response: { 200: countedPageOf(tradeOut), ...errorResponses },
      },
      handler: async (request) => listTrades(deps.db, deps.pii, subjectActorOf(request), request.query),
    });

    app.get('/api/v1/trace/trades.xlsx', {
      config: { permission: 'trace.read' },
      schema: { tags, summary: 'My trades of the same filter as an Excel workbook (at most 10,000 rows; audited)', querystring: tradeFilterQuery, response: { 200: z.any().describe('.xlsx bytes'), ...errorResponses } },
      handler: async (request, reply) => {
        const subjectId = subjectActorOf(request).subject.id;
        const first = await tradesOfSubject(deps.db, deps.pii, subjectId, { ...request.query, limit: 1 });
        const rows = await exportRows(first.total!, (cursor, limit) => tradesOfSubject(deps.db, deps.pii, subjectId, { ...request.query, cursor, limit }));
        await auditExport(deps.db, commandContext(request), 'trace.trades', request.query, rows.length);
        return sendSheet(reply, { ascii: `trades-${request.query.direction}`, zh: request.query.direction === 'incoming' ? '购入交易' : '售出交易' }, tradeSheet(rows));
      },
    });

    app.get('/api/v1/trace/trades/:id', {
      config: { permission: 'trace.read' },
      schema: { tags, summary: 'One trade I am a party to', params: tradeId, response: { 200: tradeOut, ...errorResponses } },
      handler: async (request) => tradeDetail(deps.db, deps.pii, subjectActorOf(request), request.params.id),
    });

    app.post('/api/v1/trace/trades', {
      config: { permission: 'trace.write' },
      schema: {
        tags,
        summary: 'Sell from a batch: to a registered buyer (its scanned identity token; the quantity is frozen until it confirms) or to a buyer recorded by hand (completes at once with a type-2 code)',
        body: tradeIn,
        response: { 201: tradeOut, ...errorResponses },
      },
      handler: async (request, reply) => reply.status(201).send(await createTrade(deps, commandContext(request), request.body)),
    });

    app.post('/api/v1/trace/trades/:id/confirm', {
      config: { permission: 'trace.write' },
      schema: { tags, summary: 'The buyer confirms: its own batch with a type-2 code (流通追溯码)', params: tradeId, response: { 200: tradeOut, ...errorResponses } },
      handler: async (request) => confirmTrade(deps, commandContext(request), request.params.id),
    });

    app.post('/api/v1/trace/trades/:id/reject', {
      config: { permission: 'trace.write' },
      schema: { tags, summary: 'The buyer rejects, with a reason; the seller’s quantity is released', params: tradeId, body: tradeReasonIn, response: { 200: tradeOut, ...errorResponses } },
      handler: async (request) => endTrade(deps, commandContext(request), request.params.id, 'reject', request.body.reason),
    });

    app.post('/api/v1/trace/trades/:id/cancel', {
      config: { permission: 'trace.write' },
      schema: { tags, summary: 'The seller cancels before confirmation, with a reason', params: tradeId, body: tradeReasonIn, response: { 200: tradeOut, ...errorResponses } },
      handler: async (request) => endTrade(deps, commandContext(request), request.params.id, 'cancel', request.body.reason),
    });

    app.post('/api/v1/trace/market-entries', {
      config: { permission: 'trace.write' },
      schema: {
        tags,
        summary: '入市: sell into a wholesale market, retail market or processor; completes at once with a type-3 market-entry voucher (入市追溯凭证)',
        body: marketEntryIn,
        response: { 201: tradeOut, ...errorResponses },
      },
      handler: async (request, reply) => reply.status(201).send(await createMarketEntry(deps, commandContext(request), request.body)),
    });

    app.post('/api/v1/trace/returns', {
      config: { permission: 'trace.write' },
      schema: { tags, summary: '退货: goods go back along a completed trade, with the reason (recorded by the buyer, or by the seller for a buyer off the platform)', body: returnIn, response: { 201: returnOut, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await recordReturn(deps, commandContext(request), request.body)),
    });
  };
}
