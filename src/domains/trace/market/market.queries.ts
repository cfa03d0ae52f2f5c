import { and, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AgencyActor } from '../../../platform/auth/actor.js';
import { jurisdictionFilter } from '../../../platform/auth/jurisdiction.js';
import { regionWithin } from '../../../platform/auth/visibility.js';
import type { Executor } from '../../../platform/db/client.js';
import { escapeLike } from '../../../platform/db/rows.js';
import { countUpTo } from '../../../platform/http/list-total.js';
import { keyset } from '../../../platform/http/pagination.js';
import { subjectNames } from '../../registry/index.js';
import { traceError } from '../errors.js';
import { batches, products, trades } from '../schema.js';
import { batchStatesOfCodes } from '../code-states.queries.js';
import { verifyCodes } from '../public/public-trace.service.js';
import type { Db } from '../../../platform/db/client.js';
import type { MarketVerifyOut, MarketVoucherOut } from './market.contracts.js';

// 市场监督管理 (issue 21 §3): a market regulator reads the market-entry vouchers (入市追溯凭证) of the markets of its
// region. A voucher's batch lies in its market's region when the market is on the platform, else in the seller's:
// the seller wrote the market's name and address by hand and the goods are taken to have entered a market there.

const source = alias(batches, 'source_batch');
const seller = alias(subjectNames, 'seller');
const market = alias(subjectNames, 'market');

const columns = {
  id: batches.id,
  code: batches.code,
  productName: products.name,
  quantity: batches.quantity,
  unit: batches.unit,
  marketName: sql<string>`coalesce(${market.name}, ${trades.counterparty}->>'name', '')`,
  marketKind: sql<MarketVoucherOut['marketKind']>`${trades.counterparty}->>'marketKind'`,
  stall: sql<string | null>`${trades.counterparty}->>'stall'`,
  marketRegistered: sql<boolean>`${trades.buyerSubjectId} IS NOT NULL`,
  regionCode: batches.regionCode,
  sellerName: sql<string>`coalesce(${seller.name}, '')`,
  sourceBatchCode: source.code,
  status: batches.status,
  enteredAt: batches.createdAt,
};

function voucherRows(db: Executor) {
  return db
    .select(columns)
    .from(batches)
    .innerJoin(trades, eq(trades.buyerBatchId, batches.id))
    .innerJoin(products, eq(products.id, batches.productId))
    .innerJoin(source, eq(source.id, trades.batchId))
    .leftJoin(seller, eq(seller.id, trades.sellerSubjectId))
    .leftJoin(market, eq(market.id, trades.buyerSubjectId))
    .$dynamic();
}

const voucherOf = (r: Awaited<ReturnType<ReturnType<typeof voucherRows>['execute']>>[number]): MarketVoucherOut => ({ ...r, quantity: Number(r.quantity), marketKind: r.marketKind ?? null });

/** The vouchers of my region's markets, newest first; `q` a code, product, market or seller; `status` the goods' state. */
export async function listMarketVouchers(db: Executor, actor: AgencyActor, q: { limit: number; cursor?: string | undefined; q?: string | undefined; status?: string | undefined }) {
  const page = keyset({ sort: batches.createdAt, id: batches.id, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const text = q.q?.trim();
  const like = text ? `%${escapeLike(text)}%` : '';
  const filters: (SQL | undefined)[] = [
    eq(batches.source, 'market_entry'),
    eq(trades.kind, 'market'),
    jurisdictionFilter(actor, batches.regionCode),
    q.status ? eq(batches.status, q.status) : undefined,
    text ? or(/^\d{6,20}$/.test(text) ? ilike(batches.code, like) : undefined, ilike(products.name, like), ilike(sql`${trades.counterparty}->>'name'`, like), ilike(market.name, like), ilike(seller.name, like)) : undefined,
  ];
  const [rows, total] = await Promise.all([
    voucherRows(db)
      .where(and(...filters, page.where))
      .orderBy(...page.orderBy)
      .limit(page.take),
    q.cursor ? undefined : countUpTo(db, voucherRows(db).where(and(...filters))),
  ]);
  const result = page.page(rows.map(voucherOf), (r) => [r.enteredAt, r.id]);
  return { ...result, ...(total ? { total } : {}) };
}

/** One voucher of my region's markets; another region's does not exist for me. */
export async function marketVoucher(db: Executor, actor: AgencyActor, id: string): Promise<MarketVoucherOut> {
  const [row] = await voucherRows(db).where(and(eq(batches.id, id), eq(batches.source, 'market_entry'), eq(trades.kind, 'market'), jurisdictionFilter(actor, batches.regionCode)));
  if (!row) throw traceError('BATCH_NOT_FOUND');
  return voucherOf(row);
}

/**
 * 批量核验: each code's answer as the public check gives it (valid, unknown, mistyped…) with the batch it is on, the
 * batch's state and whether it is a voucher of my region's markets. Reads only: nothing is recorded of the check.
 */
export async function verifyMarketCodes(db: Db, actor: AgencyActor, codes: string[]): Promise<MarketVerifyOut> {
  const checked = await verifyCodes(db, codes);
  const plain = [...new Set(checked.filter((c) => c.result === 'valid' && /^[0-9A-Za-z]+$/.test(c.code)).map((c) => c.code))];
  const states = new Map((await batchStatesOfCodes(db, plain)).map((s) => [s.code, s]));
  const vouchers = new Set(
    plain.length ? (await db.select({ code: batches.code }).from(batches).where(and(eq(batches.source, 'market_entry'), sql`${batches.code} = ANY(${`{${plain.join(',')}}`}::text[])`, jurisdictionFilter(actor, batches.regionCode)))).map((r) => r.code) : [],
  );
  return {
    items: checked.map((c) => {
      const state = states.get(c.code);
      return {
        ...c,
        batchCode: state?.batchCode ?? null,
        status: state?.status ?? null,
        failed: c.warnings.includes('BATCH_FAILED'),
        held: c.warnings.includes('BATCH_HELD'),
        recalled: c.warnings.includes('BATCH_RECALLED'),
        inMyMarkets: vouchers.has(state?.batchCode ?? '') && regionWithin(state?.regionCode, actor.jurisdiction),
      };
    }),
  };
}
