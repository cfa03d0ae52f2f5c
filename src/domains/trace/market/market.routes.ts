import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/client.js';
import { agencyActorOf, errorResponses } from '../../../platform/http/context.js';
import { marketVerifyIn, marketVerifyOut, marketVoucherOut, marketVoucherPage, marketVoucherQuery } from './market.contracts.js';
import { listMarketVouchers, marketVoucher, verifyMarketCodes } from './market.queries.js';

/** 市场监督管理 (issue 21 §3): the market regulator's reads — vouchers of its region's markets, codes checked in bulk. */
export function marketRoutes(deps: { db: Db }) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const tags = ['market 市场监管'];

    app.get('/api/v1/market/vouchers', {
      config: { permission: 'trace.market' },
      schema: { tags, summary: 'Market-entry vouchers (入市追溯凭证) of the markets of my region, newest first', querystring: marketVoucherQuery, response: { 200: marketVoucherPage, ...errorResponses } },
      handler: async (request) => listMarketVouchers(deps.db, agencyActorOf(request), request.query),
    });

    app.get('/api/v1/market/vouchers/:id', {
      config: { permission: 'trace.market' },
      schema: { tags, summary: 'One market-entry voucher of my region’s markets', params: z.strictObject({ id: z.uuid() }), response: { 200: marketVoucherOut, ...errorResponses } },
      handler: async (request) => marketVoucher(deps.db, agencyActorOf(request), request.params.id),
    });

    app.post('/api/v1/market/verify', {
      config: { permission: 'trace.market' },
      schema: {
        tags,
        summary: 'Check up to 1,000 codes at once: each code’s batch, its state, and whether it failed, is held or recalled',
        description: 'Reads only: nothing is written, so a market regulator changes nothing.',
        body: marketVerifyIn,
        response: { 200: marketVerifyOut, ...errorResponses },
      },
      handler: async (request) => verifyMarketCodes(deps.db, agencyActorOf(request), request.body.codes),
    });
  };
}
