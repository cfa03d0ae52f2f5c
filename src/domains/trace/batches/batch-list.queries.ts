import { and, eq, ilike, or, type SQL } from 'drizzle-orm';
import { escapeLike } from '../../../platform/db/rows.js';
import type { Executor } from '../../../platform/db/client.js';
import { countUpTo } from '../../../platform/http/list-total.js';
import { keyset } from '../../../platform/http/pagination.js';
import type { Sheet } from '../../../platform/sheets/workbook.js';
import type { BatchListQuery } from '../contracts.js';
import { chinaDayRange, chinaMinute } from '../../../platform/china-time.js';
import { batches, products } from '../schema.js';

/** The filter of a subject's batch list: by code (scanned, exact), code or product name (typed), status, source, days. */
function batchFilter(subjectId: string, q: Omit<BatchListQuery, 'limit' | 'cursor'>): SQL | undefined {
  const text = q.q?.trim();
  return and(
    eq(batches.subjectId, subjectId),
    q.code ? eq(batches.code, q.code) : undefined,
    text ? or(/^\d{6,20}$/.test(text) ? ilike(batches.code, `%${escapeLike(text)}%`) : undefined, ilike(products.name, `%${escapeLike(text)}%`)) : undefined,
    q.status ? eq(batches.status, q.status) : undefined,
    q.source ? eq(batches.source, q.source) : undefined,
    ...chinaDayRange(batches.createdAt, q.from, q.to),
  );
}

const columns = {
  id: batches.id,
  code: batches.code,
  productId: batches.productId,
  productName: products.name,
  baseId: batches.baseId,
  source: batches.source,
  quantity: batches.quantity,
  unit: batches.unit,
  stock: batches.stock,
  frozen: batches.frozen,
  harvestDate: batches.harvestDate,
  animal: batches.animal,
  variety: batches.variety,
  soilNote: batches.soilNote,
  waterNote: batches.waterNote,
  selfCheck: batches.selfCheck,
  status: batches.status,
  selfCheckNote: batches.selfCheckNote,
  voidedAt: batches.voidedAt,
  voidReason: batches.voidReason,
  certifiedAt: batches.certifiedAt,
  createdAt: batches.createdAt,
};

/**
 * One subject's batches, newest first (its own list, and the batches part of its file for officials, who reach
 * this only after the jurisdiction check); the first page carries the filter's total.
 */
export async function batchesOfSubject(db: Executor, subjectId: string, q: BatchListQuery) {
  const where = batchFilter(subjectId, q);
  const page = keyset({ sort: batches.createdAt, id: batches.id, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const [rows, total] = await Promise.all([
    db.select(columns).from(batches).innerJoin(products, eq(products.id, batches.productId)).where(and(where, page.where)).orderBy(...page.orderBy).limit(page.take),
    q.cursor ? undefined : countUpTo(db, db.select({ id: batches.id }).from(batches).innerJoin(products, eq(products.id, batches.productId)).where(where).$dynamic()),
  ]);
  const result = page.page(rows, (r) => [r.createdAt, r.id]);
  const items = result.items.map(({ voidedAt, voidReason, certifiedAt, ...r }) => ({
    ...r,
    voided: voidedAt ? { at: voidedAt, reason: voidReason ?? '' } : null,
    certified: certifiedAt !== null,
    inputs: [],
  }));
  return { items, nextCursor: result.nextCursor, ...(total ? { total } : {}) };
}

const SOURCE_ZH: Record<string, string> = { own: '自产', purchase: '采购', market_entry: '入市', process: '加工', split: '拆分', merge: '合并' };
const STATUS_ZH: Record<string, string> = { active: '在库', closed: '已结束', merged: '已合并', consumed: '已用完', held: '同源批次检测不合格（待核查）', failed: '检测不合格', voided: '已作废' };

export function batchSheet(rows: Awaited<ReturnType<typeof batchesOfSubject>>['items']): Sheet {
  return {
    name: '批次',
    columns: [
      { header: '追溯码（code）', key: 'code', width: 24 },
      { header: '产品（product）', key: 'productName', width: 20 },
      { header: '来源（source）', key: 'source', width: 8 },
      { header: '数量（quantity）', key: 'quantity', width: 10 },
      { header: '库存（stock）', key: 'stock', width: 10 },
      { header: '冻结（frozen）', key: 'frozen', width: 10 },
      { header: '单位（unit）', key: 'unit', width: 8 },
      { header: '采收日期（harvested）', key: 'harvestDate', width: 12 },
      { header: '状态（status）', key: 'status', width: 14 },
      { header: '记录时间（recorded）', key: 'createdAt', width: 18 },
    ],
    rows: rows.map((r) => ({ ...r, source: SOURCE_ZH[r.source] ?? r.source, status: STATUS_ZH[r.status] ?? r.status, harvestDate: r.harvestDate ?? '', createdAt: chinaMinute(r.createdAt) })),
  };
}
