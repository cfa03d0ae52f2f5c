import { aliasedTable, and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { SubjectActor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { queryRows, rowOf } from '../../platform/db/rows.js';
import { keyset } from '../../platform/http/pagination.js';
import { maskPhone, type Pii } from '../../platform/pii/pii.js';
import { subjectNameSql } from '../registry/index.js';
import type { TradeOut } from './contracts.js';
import { traceError } from './errors.js';
import { batches, products, trades } from './schema.js';

// The read side of trades: lists for the buyer's inbox and the seller's outbox, and one trade with names, codes
// and the phones masked (the stored ones are encrypted; nobody reads them back in full here).

const buyerBatches = aliasedTable(batches, 'buyer_batch');

// Names come in the same statement (the registry's expression), so a trade is one round trip.
const tradeSelect = {
  t: trades,
  batchCode: batches.code,
  productName: products.name,
  buyerBatchCode: buyerBatches.code,
  sellerName: sql<string | null>`${subjectNameSql(sql`${trades.sellerSubjectId}`)}`,
  buyerName: sql<string | null>`${subjectNameSql(sql`${trades.buyerSubjectId}`)}`,
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
    ${subjectNameSql(sql`${t}.seller_subject_id`)} AS seller_name, ${subjectNameSql(sql`${t}.buyer_subject_id`)} AS buyer_name`;
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

/** 待确认/已处理: the trades addressed to the subject (incoming) or sent by it (outgoing), newest first. */
export async function listTrades(db: Executor, pii: Pii, actor: SubjectActor, q: { direction: 'incoming' | 'outgoing'; status?: string | undefined; limit: number; cursor?: string | undefined }) {
  const page = keyset({ sort: trades.createdAt, id: trades.id, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const side = q.direction === 'incoming' ? eq(trades.buyerSubjectId, actor.subject.id) : eq(trades.sellerSubjectId, actor.subject.id);
  const rows: TradeJoined[] = await baseQuery(db)
    .where(and(side, q.status ? eq(trades.status, q.status) : undefined, page.where))
    .orderBy(...page.orderBy)
    .limit(page.take);
  const result = page.page(rows, (r) => [r.t.createdAt, r.t.id]);
  return { items: toTradeOuts(pii, result.items), nextCursor: result.nextCursor };
}
