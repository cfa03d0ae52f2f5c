import { api } from '../../app/api';
import type { Page } from '../../app/contract';
import type { MarketVerified, MarketVoucher, MarketVoucherQuery } from './market.types';

export * from './market.types';

export const marketApi = {
  vouchers: (q: Omit<MarketVoucherQuery, 'limit'>) => api.get<Page<MarketVoucher>>('/market/vouchers', { ...q, limit: 50 }),
  voucher: (id: string) => api.get<MarketVoucher>(`/market/vouchers/${encodeURIComponent(id)}`),
  verify: (codes: string[]) => api.post<{ items: MarketVerified[] }>('/market/verify', { codes }),
};
