import { randomUUID } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';
import { codeKey, issueCodes } from '../code-issue.service.js';
import type { ProductCodeType } from '../codes.js';
import { batchEdges, batches, productClasses, productionBases, products, trades, type Holder, type MarketKind } from '../schema.js';
import { batchAliases, type AliasKind } from './schema.js';

// 数据交换 (issue 17 §2): the trace records a provincial platform sends, written in the caller's transaction in a few
// multi-row statements per kind. The integration domain has checked every item (exchangeTraceFacts below gives it
// what it needs); these functions only write.

export type AliasIn = { alias: string; kind: AliasKind };
export type ExchangeBase = { id: string; subjectId: string; name: string; regionCode: string; address: string; area?: number | undefined; areaUnit?: string | undefined; lat: number; lng: number };
export type ExchangeProduct = { id: string; subjectId: string; name: string; classCode: string; spec: string; unit: string; brand?: string | undefined };
export type ExchangeBatch = {
  id: string;
  subjectId: string;
  regionCode: string;
  productId: string;
  baseId: string | null;
  quantity: number;
  unit: string;
  harvestDate: string;
  selfCheck: string;
  aliases: AliasIn[];
};
/** A completed sale from a batch: to a registered buyer (`trade`, a type-2 code) or into a market (`market`, a type-3 voucher). */
export type ExchangeSale = {
  kind: 'trade' | 'market';
  sellerSubjectId: string;
  sellerRegionCode: string;
  sellerBatchId: string;
  productId: string;
  harvestDate: string;
  buyerSubjectId: string | null;
  buyerRegionCode: string;
  market: { kind: MarketKind; name: string; stall?: string | undefined } | null;
  quantity: number;
  unit: string;
  /** The buyer's batch, made here. */
  batchId: string;
  aliases: AliasIn[];
};
export type ExchangeTrace = { bases: ExchangeBase[]; products: ExchangeProduct[]; batches: ExchangeBatch[]; sales: ExchangeSale[] };

/** Rows per INSERT: at most ~16 parameters a row stays far below PostgreSQL's 65,535. */
const CHUNK = 2000;

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

/** Codes for the batches, issued per county of the issuer and bound to their batches (one UPDATE per county). */
async function issueFor(tx: Tx, secretKey: string, type: ProductCodeType, wanted: { batchId: string; county: string; issuerSubjectId: string }[]): Promise<Map<string, string>> {
  const byCounty = new Map<string, typeof wanted>();
  for (const w of wanted) byCounty.set(w.county, [...(byCounty.get(w.county) ?? []), w]);
  const codeOf = new Map<string, string>();
  const key = codeKey(secretKey);
  for (const [county, list] of byCounty) {
    const codes = await issueCodes(tx, key, { type, county, n: list.length });
    list.forEach((w, i) => codeOf.set(w.batchId, codes[i]!));
    await tx.execute(sql`
      UPDATE trace_codes t SET batch_id = v.b, subject_id = v.s
      FROM unnest(${`{${codes.join(',')}}`}::text[], ${`{${list.map((w) => w.batchId).join(',')}}`}::uuid[], ${`{${list.map((w) => w.issuerSubjectId).join(',')}}`}::uuid[]) AS v(c, b, s)
      WHERE t.code = v.c`);
  }
  return codeOf;
}

/**
 * Writes bases, products, batches (type-1 codes), sales (the buyer's batch with a type-2 code or a type-3 voucher,
 * the edge, a confirmed trade, the seller's stock taken) and every alias, as the client `clientId`. The public chains
 * follow by the tables' triggers. Returns the code each new batch got.
 */
export async function importExchangedTrace(tx: Tx, secretKey: string, clientId: string, rows: ExchangeTrace): Promise<Map<string, string>> {
  await inChunks(rows.bases, (c) =>
    tx.insert(productionBases).values(c.map((b) => ({ id: b.id, subjectId: b.subjectId, name: b.name, regionCode: b.regionCode, address: b.address, area: b.area ?? null, areaUnit: b.areaUnit ?? null, lat: b.lat, lng: b.lng, createdBy: clientId }))),
  );
  await inChunks(rows.products, (c) =>
    tx.insert(products).values(c.map((p) => ({ id: p.id, subjectId: p.subjectId, name: p.name, classCode: p.classCode, spec: p.spec, unit: p.unit, brand: p.brand ?? null, createdBy: clientId }))),
  );
  const own = await issueFor(
    tx,
    secretKey,
    1,
    rows.batches.map((b) => ({ batchId: b.id, county: b.regionCode.slice(0, 6), issuerSubjectId: b.subjectId })),
  );
  await inChunks(rows.batches, (c) =>
    tx.insert(batches).values(
      c.map((b) => ({
        id: b.id,
        code: own.get(b.id)!,
        subjectId: b.subjectId,
        regionCode: b.regionCode,
        productId: b.productId,
        baseId: b.baseId,
        source: 'own',
        quantity: b.quantity,
        unit: b.unit,
        stock: b.quantity,
        harvestDate: b.harvestDate,
        selfCheck: b.selfCheck,
        createdBy: clientId,
      })),
    ),
  );
  const codes = new Map(own);
  for (const type of [2, 3] as const) {
    const sales = rows.sales.filter((s) => (s.kind === 'trade' ? 2 : 3) === type);
    if (!sales.length) continue;
    const issued = await issueFor(
      tx,
      secretKey,
      type,
      sales.map((s) => ({ batchId: s.batchId, county: s.sellerRegionCode.slice(0, 6), issuerSubjectId: s.sellerSubjectId })),
    );
    for (const [k, v] of issued) codes.set(k, v);
  }
  await writeSales(tx, clientId, rows.sales, codes);
  const aliases = [...rows.batches.map((b) => ({ batchId: b.id, list: b.aliases })), ...rows.sales.map((s) => ({ batchId: s.batchId, list: s.aliases }))].flatMap((b) => b.list.map((a) => ({ alias: a.alias, kind: a.kind, batchId: b.batchId, clientId })));
  await inChunks(aliases, (c) => tx.insert(batchAliases).values(c));
  return codes;
}

async function writeSales(tx: Tx, clientId: string, sales: ExchangeSale[], codes: Map<string, string>) {
  if (!sales.length) return;
  const holderOf = (s: ExchangeSale): Holder | null => (s.market ? { name: s.market.name, marketKind: s.market.kind, ...(s.market.stall ? { stall: s.market.stall } : {}) } : null);
  // The sellers' stock first: the table's conservation check refuses a batch taken below zero.
  const taken = new Map<string, number>();
  for (const s of sales) taken.set(s.sellerBatchId, (taken.get(s.sellerBatchId) ?? 0) + Math.round(s.quantity * 1000));
  await tx.execute(sql`
    UPDATE batches b SET stock = b.stock - v.q / 1000.0
    FROM unnest(${`{${[...taken.keys()].join(',')}}`}::uuid[], ${`{${[...taken.values()].join(',')}}`}::bigint[]) AS v(id, q)
    WHERE b.id = v.id`);
  await inChunks(sales, (c) =>
    tx.insert(batches).values(
      c.map((s) => ({
        id: s.batchId,
        code: codes.get(s.batchId)!,
        subjectId: s.buyerSubjectId,
        holder: s.buyerSubjectId ? null : holderOf(s),
        regionCode: s.buyerRegionCode,
        productId: s.productId,
        source: s.kind === 'market' ? 'market_entry' : 'purchase',
        quantity: s.quantity,
        unit: s.unit,
        stock: s.quantity,
        harvestDate: s.harvestDate,
        selfCheck: 'none',
        createdBy: clientId,
      })),
    ),
  );
  await inChunks(sales, (c) => tx.insert(batchEdges).values(c.map((s) => ({ fromBatchId: s.sellerBatchId, toBatchId: s.batchId, kind: s.kind, quantity: s.quantity }))));
  await inChunks(sales, (c) =>
    tx.insert(trades).values(
      c.map((s) => ({
        id: randomUUID(),
        kind: s.kind === 'market' ? 'market' : 'scan',
        sellerSubjectId: s.sellerSubjectId,
        buyerSubjectId: s.buyerSubjectId,
        counterparty: holderOf(s),
        batchId: s.sellerBatchId,
        quantity: s.quantity,
        unit: s.unit,
        status: 'confirmed',
        buyerBatchId: s.batchId,
        decidedAt: new Date(),
      })),
    ),
  );
}

export type ExchangeTraceFacts = {
  classes: Set<string>;
  /** Aliases some batch already has. */
  takenAliases: Set<string>;
  /** Existing batches a sale may take from: their holder, stock free to ship, unit, product and region. */
  batches: Map<string, { subjectId: string | null; free: number; unit: string; productId: string; harvestDate: string | null; regionCode: string; status: string }>;
  /** Existing products by id: holder and unit. */
  products: Map<string, { subjectId: string; unit: string; status: string }>;
  bases: Map<string, { subjectId: string; status: string }>;
  /** `subjectId|name|spec` of products and `subjectId|name` of bases already taken (their names are unique per subject). */
  takenProductNames: Set<string>;
  takenBaseNames: Set<string>;
};

const uuidArray = (ids: string[]) => `{${ids.join(',')}}`;

/** What checking a document needs to know of the trace tables, in a handful of reads. */
export async function exchangeTraceFacts(
  db: Executor,
  q: { classCodes: string[]; aliases: string[]; batchIds: string[]; productIds: string[]; baseIds: string[]; subjectIds: string[] },
): Promise<ExchangeTraceFacts> {
  const classes = q.classCodes.length ? await db.select({ code: productClasses.code }).from(productClasses).where(inArray(productClasses.code, q.classCodes)) : [];
  const taken = q.aliases.length ? await db.select({ alias: batchAliases.alias }).from(batchAliases).where(inArray(batchAliases.alias, q.aliases)) : [];
  const bRows = q.batchIds.length
    ? await queryRows<{ id: string; subject_id: string | null; stock: string; frozen: string; unit: string; product_id: string; harvest_date: string | null; region_code: string; status: string }>(
        db,
        sql`SELECT id, subject_id, stock, frozen, unit, product_id, harvest_date::text, region_code, status FROM batches WHERE id = ANY(${uuidArray(q.batchIds)}::uuid[])`,
      )
    : [];
  const pRows = q.productIds.length
    ? await queryRows<{ id: string; subject_id: string; unit: string; status: string }>(db, sql`SELECT id, subject_id, unit, status FROM products WHERE id = ANY(${uuidArray(q.productIds)}::uuid[])`)
    : [];
  const baseRows = q.baseIds.length
    ? await queryRows<{ id: string; subject_id: string; status: string }>(db, sql`SELECT id, subject_id, status FROM production_bases WHERE id = ANY(${uuidArray(q.baseIds)}::uuid[])`)
    : [];
  const names = q.subjectIds.length
    ? await queryRows<{ k: string }>(
        db,
        sql`SELECT subject_id || '|' || name || '|' || spec AS k FROM products WHERE subject_id = ANY(${uuidArray(q.subjectIds)}::uuid[])
            UNION ALL SELECT 'base|' || subject_id || '|' || name FROM production_bases WHERE subject_id = ANY(${uuidArray(q.subjectIds)}::uuid[])`,
      )
    : [];
  return {
    classes: new Set(classes.map((c) => c.code)),
    takenAliases: new Set(taken.map((a) => a.alias)),
    batches: new Map(
      bRows.map((b) => [
        b.id,
        { subjectId: b.subject_id, free: Number(b.stock) - Number(b.frozen), unit: b.unit, productId: b.product_id, harvestDate: b.harvest_date, regionCode: b.region_code, status: b.status },
      ]),
    ),
    products: new Map(pRows.map((p) => [p.id, { subjectId: p.subject_id, unit: p.unit, status: p.status }])),
    bases: new Map(baseRows.map((b) => [b.id, { subjectId: b.subject_id, status: b.status }])),
    takenProductNames: new Set(names.filter((n) => !n.k.startsWith('base|')).map((n) => n.k)),
    takenBaseNames: new Set(names.filter((n) => n.k.startsWith('base|')).map((n) => n.k.slice(5))),
  };
}
