import { z } from 'zod';
import { countedPageOf, pageQuery } from '../../../platform/http/page.shared.js';
import { BATCH_STATUSES, MARKET_KINDS } from '../trace-values.shared.js';
import { verifyIn, verifyOut } from '../public/public-trace.contracts.js';

// 市场监督管理 (issue 21 §3): what a market regulator reads of the markets of its region.

export const marketVoucherQuery = z.strictObject({
  ...pageQuery,
  q: z.string().trim().max(40).optional().describe('a voucher code, a product, a market or a seller'),
  status: z.enum(BATCH_STATUSES).optional().describe('the goods’ state: failed, held… (a failed lot’s vouchers)'),
});

export const marketVoucherOut = z.object({
  id: z.string().describe('the voucher’s batch'),
  code: z.string().describe('入市追溯凭证 code (type 3)'),
  productName: z.string(),
  quantity: z.number(),
  unit: z.string(),
  marketName: z.string(),
  marketKind: z.enum(MARKET_KINDS).nullable(),
  stall: z.string().nullable(),
  marketRegistered: z.boolean().describe('the market is on the platform (its region is its own; otherwise the seller’s)'),
  regionCode: z.string(),
  sellerName: z.string(),
  sourceBatchCode: z.string().describe('the seller’s batch the goods came from'),
  status: z.string().describe('the voucher batch’s state: active, held, failed, voided…'),
  enteredAt: z.date(),
});
export type MarketVoucherOut = z.infer<typeof marketVoucherOut>;
export const marketVoucherPage = countedPageOf(marketVoucherOut);

export const marketVerifyIn = verifyIn;
const verified = verifyOut.shape.items.element;
export const marketVerifyOut = z.object({
  items: z.array(
    verified.extend({
      batchCode: z.string().nullable().describe('the batch the code is on'),
      status: z.string().nullable(),
      failed: z.boolean().describe('the batch (or one it came from) failed a test'),
      held: z.boolean().describe('a batch of the same origin failed: this one is under review, off sale'),
      recalled: z.boolean(),
      inMyMarkets: z.boolean().describe('a market-entry voucher of a market of my region'),
    }),
  ),
});
export type MarketVerifyOut = z.infer<typeof marketVerifyOut>;
