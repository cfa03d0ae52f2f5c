import { aliasedTable, and, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { SubjectActor } from '../../../platform/auth/actor.js';
import type { Executor } from '../../../platform/db/client.js';
import { escapeLike, queryRows, rowOf } from '../../../platform/db/rows.js';
import { countUpTo, type Total } from '../../../platform/http/list-total.js';
import { keyset } from '../../../platform/http/pagination.js';
import { maskPhone, type Pii } from '../../../platform/pii/pii.js';
import type { Sheet } from '../../../platform/sheets/workbook.js';
import type { TradeOut, TradeSearchQuery } from '../contracts.js';
import { chinaDayRange, chinaMinute } from '../../../platform/china-time.js';
import { traceError } from '../errors.js';
import { batches, products, trades } from '../schema.js';
import { subjectNameOf } from '../subject-names.js';

// The read side of trades: lists for the buyer's inbox and the seller's outbox, and one trade with names, codes
// and the phones masked (the stored ones are encrypted; nobody reads them back in full here).

const buyerBatches = aliasedTable(batches, 'buyer_batch');

// Names come in the same statement (the registry's expression), so a trade is one round trip.
const tradeSelect = {
  t: trades,
  batchCode: batches.code,
  productName: products.name,
  buyerBatchCode: buyerBatches.code,
  sellerName: sql<string | null>`${subjectNameOf(sql`${trades.sellerSubjectId}`)}`,
  buyerName: sql<string | null>`${subjectNameOf(sql`${trades.buyerSubjectId}`)}`,
};
type TradeJoined = { t: typeof trades.$inferSelect; batchCode: string; productName: string; buyerBatchCode: string | null; sellerName: string | null; buyerName: string | null };

function baseQuery(db: Executor) {
  return db
    .select(tradeSelect)
    .from(trades)
    .innerJoin(batches, eq(batches.id, trades.batchId))
    .innerJoin(products, eq(products.id, batches.productId))
    .leftJoin(buyerBatches, eq(buyerBatches.id, trades.buyerBatchId));
}

const shownPhone = (pii: Pii, enc: string | undefined | null) => (enc ? maskPhone(pii.decrypt(enc)) : null);

function toTradeOuts(pii: Pii, rows: TradeJoined[]): TradeOut[] {
  return rows.map(({ t, batchCode, productName, buyerBatchCode, sellerName, buyerName }) => {
    const cp = t.counterparty;
    const carrier = t.carrier;
    return {
      id: t.id,
      kind: t.kind as TradeOut['kind'],
      status: t.status as TradeOut['status'],
      batchId: t.batchId,
      batchCode,
      productName,
      quantity: t.quantity,
      unit: t.unit,
      returned: t.returned,
      seller: { subjectId: t.sellerSubjectId, name: sellerName ?? '' },
      buyer: {
        subjectId: t.buyerSubjectId,
        name: buyerName ?? cp?.name ?? '',
        phone: shownPhone(pii, cp?.phone),
        address: cp?.address ?? null,
        marketKind: cp?.marketKind ?? null,
        stall: cp?.stall ?? null,
      },
      carrier: carrier ? { company: carrier.company ?? null, plate: carrier.plate ?? null, driver: carrier.driver ?? null, phone: shownPhone(pii, carrier.phone) } : null,
      storage: t.storage,
      quarantineCert: t.quarantineCert,
      buyerBatchId: t.buyerBatchId,
      buyerBatchCode,
      reason: t.reason,
      createdAt: t.createdAt,
      decidedAt: t.decidedAt,
    };
  });
}

/**
 * The select list of a trade read inside a write's own statement: `t` is the CTE returning the trade row, and the
 * batch codes and product name come from the write. tradeOutOfRow turns the row into the answer.
 */
export function tradeOutColumns(t: SQL, c: { batchCode: SQL; productName: SQL; buyerBatchCode: SQL }): SQL {
  return sql`${t}.*, ${c.batchCode} AS batch_code, ${c.productName} AS product_name, ${c.buyerBatchCode} AS buyer_batch_code,
    ${subjectNameOf(sql`${t}.seller_subject_id`)} AS seller_name, ${subjectNameOf(sql`${t}.buyer_subject_id`)} AS buyer_name`;
}

/** A trade's row as a write's own statement answers it (tradeOutColumns), read again: a replayed command's answer. */
export function tradeRowsById(db: Executor, id: string): Promise<Record<string, unknown>[]> {
  return queryRows<Record<string, unknown>>(
    db,
    sql`SELECT ${tradeOutColumns(sql`t`, { batchCode: sql`b.code`, productName: sql`p.name`, buyerBatchCode: sql`bb.code` })}
        FROM trades t JOIN batches b ON b.id = t.batch_id JOIN products p ON p.id = b.product_id LEFT JOIN batches bb ON bb.id = t.buyer_batch_id
        WHERE t.id = ${id}::uuid`,
  );
}

export function tradeOutOfRow(pii: Pii, raw: Record<string, unknown>): TradeOut {
  const joined: TradeJoined = {
    t: rowOf(trades, raw),
    batchCode: raw.batch_code as string,
    productName: raw.product_name as string,
    buyerBatchCode: (raw.buyer_batch_code as string | null) ?? null,
    sellerName: (raw.seller_name as string | null) ?? null,
    buyerName: (raw.buyer_name as string | null) ?? null,
  };
  return toTradeOuts(pii, [joined])[0]!;
}

/** One trade the subject is a party to (seller or registered buyer). */
export async function tradeDetail(db: Executor, pii: Pii, actor: SubjectActor, id: string): Promise<TradeOut> {
  const mine = or(eq(trades.sellerSubjectId, actor.subject.id), eq(trades.buyerSubjectId, actor.subject.id));
  const rows: TradeJoined[] = await baseQuery(db).where(and(eq(trades.id, id), mine));
  if (!rows[0]) throw traceError('TRADE_NOT_FOUND');
  return toTradeOuts(pii, rows)[0]!;
}

/** The filter of a subject's trade list: its side, status, a code or a name (product or the other party), days. */
function tradeFilter(subjectId: string, q: Omit<TradeSearchQuery, 'limit' | 'cursor'>): SQL | undefined {
  const incoming = q.direction === 'incoming';
  const text = q.q?.trim();
  const like = text ? `%${escapeLike(text)}%` : '';
  const other = incoming ? sql`${trades.sellerSubjectId}` : sql`${trades.buyerSubjectId}`;
  return and(
    incoming ? eq(trades.buyerSubjectId, subjectId) : eq(trades.sellerSubjectId, subjectId),
    q.status ? eq(trades.status, q.status) : undefined,
    text
      ? or(
          ilike(batches.code, like),
          ilike(buyerBatches.code, like),
          ilike(products.name, like),
          ilike(subjectNameOf(other), like),
          incoming ? undefined : ilike(sql`${trades.counterparty}->>'name'`, like),
        )
      : undefined,
    ...chinaDayRange(trades.createdAt, q.from, q.to),
  );
}

/**
 * 待确认/已处理: the trades addressed to a subject (incoming) or sent by it (outgoing), newest first — its own list,
 * and the trades part of its file for officials (after the jurisdiction check). The first page carries the total.
 */
export async function tradesOfSubject(db: Executor, pii: Pii, subjectId: string, q: TradeSearchQuery) {
  const where = tradeFilter(subjectId, q);
  const page = keyset({ sort: trades.createdAt, id: trades.id, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const counted = db
    .select({ id: trades.id })
    .from(trades)
    .innerJoin(batches, eq(batches.id, trades.batchId))
    .innerJoin(products, eq(products.id, batches.productId))
    .leftJoin(buyerBatches, eq(buyerBatches.id, trades.buyerBatchId))
    .where(where)
    .$dynamic();
  const [rows, total]: [TradeJoined[], Total | undefined] = await Promise.all([
    baseQuery(db).where(and(where, page.where)).orderBy(...page.orderBy).limit(page.take),
    q.cursor ? undefined : countUpTo(db, counted),
  ]);
  const result = page.page(rows, (r) => [r.t.createdAt, r.t.id]);
  return { items: toTradeOuts(pii, result.items), nextCursor: result.nextCursor, ...(total ? { total } : {}) };
}

export function listTrades(db: Executor, pii: Pii, actor: SubjectActor, q: TradeSearchQuery) {
  return tradesOfSubject(db, pii, actor.subject.id, q);
}

const KIND_ZH: Record<string, string> = { scan: '扫码交易', manual: '手工登记', market: '入市' };
const STATUS_ZH: Record<string, string> = { pending: '待确认', confirmed: '已确认', rejected: '已拒收', cancelled: '已撤销' };

export function tradeSheet(rows: TradeOut[]): Sheet {
  return {
    name: '交易',
    columns: [
      { header: '时间（at）', key: 'createdAt', width: 18 },
      { header: '方式（kind）', key: 'kind', width: 10 },
      { header: '状态（status）', key: 'status', width: 8 },
      { header: '追溯码（code）', key: 'batchCode', width: 24 },
      { header: '产品（product）', key: 'productName', width: 18 },
      { header: '数量（quantity）', key: 'quantity', width: 10 },
      { header: '单位（unit）', key: 'unit', width: 8 },
      { header: '退货（returned）', key: 'returned', width: 10 },
      { header: '卖方（seller）', key: 'seller', width: 22 },
      { header: '买方（buyer）', key: 'buyer', width: 22 },
      { header: '买方批次码（buyer code）', key: 'buyerBatchCode', width: 24 },
      { header: '原因（reason）', key: 'reason', width: 24 },
    ],
    rows: rows.map((r) => ({
      ...r,
      createdAt: chinaMinute(r.createdAt),
      kind: KIND_ZH[r.kind] ?? r.kind,
      status: STATUS_ZH[r.status] ?? r.status,
      seller: r.seller.name,
      buyer: r.buyer.name,
      buyerBatchCode: r.buyerBatchCode ?? '',
      reason: r.reason ?? '',
    })),
  };
}
