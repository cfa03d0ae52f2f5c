import { useState } from 'react';
import { api } from '../../app/api';
import type { CertificateBasis, LabelFormat, LabelLayout } from '../../../../src/domains/trace/labels/label.shared';
import type { Page } from '../../app/contract';
import type {
  Base,
  BaseCorrectionRequest,
  BaseRequest,
  Batch,
  BatchCorrectionRequest,
  BatchFilters,
  BatchRequest,
  CodeDescription,
  Correction,
  MarketEntryRequest,
  Product,
  ProductClass,
  ProductCorrectionRequest,
  ProductRequest,
  ReturnRequest,
  SplitRequest,
  TraceDirection,
  TraceResult,
  Trade,
  TradeRequest,
  TradeReturn,
  TradeSearch,
  TransformationRequest,
} from './trace.types';

// The producer's traceability workbench: /api/v1/trace/...

const id = (value: string) => encodeURIComponent(value);

/** `copies` only for PDF and ZPL (one PNG or SVG is one label). */
export type LabelOptions = { format: LabelFormat; layout: LabelLayout; copies?: number };

export const traceApi = {
  productClasses: (parent?: string) => api.get<{ items: ProductClass[] }>('/trace/product-classes', { parent }),
  whatIsCode: (code: string) => api.get<CodeDescription>(`/trace/codes/${id(code)}`),

  bases: (cursor?: string, limit = 20) => api.get<Page<Base>>('/trace/bases', { limit, cursor }),
  addBase: (body: BaseRequest) => api.post<Base>('/trace/bases', body),
  products: (cursor?: string, limit = 20) => api.get<Page<Product>>('/trace/products', { limit, cursor }),
  addProduct: (body: ProductRequest) => api.post<Product>('/trace/products', body),

  batches: (cursor?: string, limit = 20) => api.get<Page<Batch>>('/trace/batches', { limit, cursor }),
  /** My batches by a search and filters; the first page carries the total. */
  searchBatches: (filters: BatchFilters, cursor?: string) => api.get<Page<Batch>>('/trace/batches', { ...filters, limit: 20, cursor }),
  batchByCode: (code: string) => api.get<Page<Batch>>('/trace/batches', { code, limit: 1 }),
  batch: (batchId: string) => api.get<Batch>(`/trace/batches/${id(batchId)}`),
  recordBatch: (body: BatchRequest, key: string) => api.postOnce<Batch>('/trace/batches', body, key),
  split: (batchId: string, parts: SplitRequest['parts'], key: string) => api.postOnce<{ parent: Batch; parts: Batch[] }>(`/trace/batches/${id(batchId)}/split`, { parts }, key),
  merge: (batchIds: string[], key: string) => api.postOnce<Batch>('/trace/batches/merge', { batchIds }, key),
  transform: (body: TransformationRequest, key: string) => api.postOnce<Batch>('/trace/transformations', body, key),
  trace: (batchId: string, direction: TraceDirection) => api.get<TraceResult>(`/trace/batches/${id(batchId)}/trace`, { direction }),

  /** The chain as the US FDA's FSMA 204 sortable spreadsheet (an exporter's answer to an FDA request). */
  fsma204: (batchId: string, format: 'xlsx' | 'csv') => api.download(`/trace/batches/${id(batchId)}/fsma204`, { format }),
  /** The same for every lot of a product class recorded in a period. */
  fsma204Period: (q: { classCode: string; from: string; to: string; format: 'xlsx' | 'csv' }) => api.download('/trace/fsma204', q),
  label: (batchId: string, o: LabelOptions) => api.download(`/trace/batches/${id(batchId)}/label`, o),
  certificate: (batchId: string, o: { copies: number; basis?: CertificateBasis; testedItems?: string[] }) => {
    const { testedItems, ...rest } = o;
    return api.download(`/trace/batches/${id(batchId)}/certificate`, { format: 'pdf', ...rest, ...(testedItems?.length ? { testedItems: testedItems.join(',') } : {}) });
  },
  voucher: (tradeId: string) => api.download(`/trace/market-entries/${id(tradeId)}/voucher`, { format: 'pdf' }),

  trades: (q: Omit<TradeSearch, 'limit'>) => api.get<Page<Trade>>('/trace/trades', { limit: 20, ...q }),
  trade: (tradeId: string) => api.get<Trade>(`/trace/trades/${id(tradeId)}`),
  sell: (body: TradeRequest, key: string) => api.postOnce<Trade>('/trace/trades', body, key),
  enterMarket: (body: MarketEntryRequest, key: string) => api.postOnce<Trade>('/trace/market-entries', body, key),
  confirm: (tradeId: string) => api.post<Trade>(`/trace/trades/${id(tradeId)}/confirm`),
  reject: (tradeId: string, reason: string) => api.post<Trade>(`/trace/trades/${id(tradeId)}/reject`, { reason }),
  cancel: (tradeId: string, reason: string) => api.post<Trade>(`/trace/trades/${id(tradeId)}/cancel`, { reason }),
  recordReturn: (body: ReturnRequest, key: string) => api.postOnce<TradeReturn>('/trace/returns', body, key),

  correctBatch: (batchId: string, body: BatchCorrectionRequest, key: string) => api.postOnce<Batch>(`/trace/batches/${id(batchId)}/corrections`, body, key),
  voidBatch: (batchId: string, reason: string, key: string) => api.postOnce<Batch>(`/trace/batches/${id(batchId)}/void`, { reason }, key),
  correctProduct: (productId: string, body: ProductCorrectionRequest, key: string) => api.postOnce<Product>(`/trace/products/${id(productId)}/corrections`, body, key),
  voidProduct: (productId: string, reason: string, key: string) => api.postOnce<Product>(`/trace/products/${id(productId)}/void`, { reason }, key),
  correctBase: (baseId: string, body: BaseCorrectionRequest, key: string) => api.postOnce<Base>(`/trace/bases/${id(baseId)}/corrections`, body, key),
  voidBase: (baseId: string, reason: string, key: string) => api.postOnce<Base>(`/trace/bases/${id(baseId)}/void`, { reason }, key),
  /** 修改记录 of a batch, product or base, newest first. */
  corrections: (kind: 'batches' | 'products' | 'bases', targetId: string, cursor?: string) => api.get<Page<Correction>>(`/trace/${kind}/${id(targetId)}/corrections`, { limit: 20, cursor }),

  /** The live stream of trade events (Server-Sent Events; the session cookie goes along). */
  streamUrl: '/api/v1/trace/notifications/stream',
};

/** A fresh Idempotency-Key for one form opening (crypto.getRandomValues works without HTTPS too, unlike randomUUID). */
export function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The token in a scanned or pasted electronic identity: `…/e/{token}`, or the token itself. */
export function identityToken(text: string): string | null {
  const value = text.trim();
  const inUrl = /\/e\/([A-Za-z0-9_-]{16,40})(?:[/?#]|$)/.exec(value);
  if (inUrl) return inUrl[1]!;
  return /^[A-Za-z0-9_-]{16,40}$/.test(value) ? value : null;
}

/** The code in a scanned label: `…/t/{code}`, GS1 Digital Link `…/01/{gtin}/10/{code}`, or the code as typed. */
export function traceCodeOf(text: string): string {
  const value = text.trim();
  const link = /\/(?:t|10)\/([^/?#]+)(?:[?#]|$)/.exec(value);
  return link ? decodeURIComponent(link[1]!) : value.replace(/\s+/g, '');
}

/** A new Idempotency-Key each time a form opens: retries of one submission share it, the next opening gets another. */
export function useKeyPerOpening(open: boolean): string {
  const [state, setState] = useState({ open, key: newKey() });
  if (open !== state.open) setState({ open, key: open ? newKey() : state.key });
  return state.key;
}
