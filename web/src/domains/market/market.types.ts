import type { In, Out } from '../../app/contract';
import type * as c from '../../../../src/domains/trace/market/market.contracts';

// 市场监督管理 (issue 21 §3) as the console reads it: the server's contracts, dates as ISO strings.

export type MarketVoucher = Out<typeof c.marketVoucherOut>;
export type MarketVoucherQuery = In<typeof c.marketVoucherQuery>;
export type MarketVerified = Out<typeof c.marketVerifyOut>['items'][number];
