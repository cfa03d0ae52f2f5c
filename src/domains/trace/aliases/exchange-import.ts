import { randomUUID } from 'node:crypto';
import { inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor, Tx } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';
import { codeKey, reserveCounters } from '../codes/code-issue.service.js';
import { safeCodes, type ProductCodeType } from '../codes/codes.js';
import { productClasses, type MarketKind } from '../schema.js';
import { serialPermutation, type SerialPermutation } from '../codes/serial-permutation.js';
import { type AliasKind } from './schema.js';
import type { EpcisShape } from '../movements/events.js';

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
  variety: string | null;
  soilNote: string | null;
  waterNote: string | null;
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

/** The EPCIS shapes of what the console writes for the same acts (batch.service.ts, trade.scan.ts, trade.service.ts). */
const COMMISSIONING: EpcisShape = { eventType: 'ObjectEvent', action: 'ADD', bizStep: 'commissioning', disposition: 'active' };
const SHIPPING: EpcisShape = { eventType: 'TransactionEvent', action: 'ADD', bizStep: 'shipping', disposition: 'in_transit' };
const ACCEPTING: EpcisShape = { eventType: 'TransactionEvent', action: 'ADD', bizStep: 'accepting', disposition: 'sellable_accessible' };
const RECEIVING: EpcisShape = { eventType: 'TransactionEvent', action: 'ADD', bizStep: 'receiving', disposition: 'in_progress' };

/**
 * Trace events of exchanged records, set-based: `who` selects the codes, the subject and its region per row. The
 * actor is the client system (no person acted here); `via` and `clientId` in the detail say the record came by the
 * exchange. With `shape` null the row's `kind` picks shipping (a trade) or accepting (a market entry).
 */
function exchangeEventSql(shape: EpcisShape | null, clientId: string, who: SQL, detail: SQL, from: SQL): SQL {
  const col = (f: (s: EpcisShape) => string | undefined) =>
    shape ? sql`${f(shape) ?? null}::text` : sql`CASE s.kind WHEN 'market' THEN ${f(ACCEPTING) ?? null}::text ELSE ${f(SHIPPING) ?? null}::text END`;
  return sql`INSERT INTO trace_events (event_type, action, biz_step, disposition, codes, subject_id, region_code, actor_id, detail)
    SELECT ${col((s) => s.eventType)}, ${col((s) => s.action)}, ${col((s) => s.bizStep)}, ${col((s) => s.disposition)}, ${who}, ${clientId}::uuid,
           ${detail} || jsonb_build_object('via', 'exchange', 'clientId', ${clientId}::uuid)
    FROM ${from}`;
}

/** Rows per statement: each chunk is one JSON parameter read by json_to_recordset. */
const CHUNK = 5000;

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

/** Rows as one parameter: PostgreSQL reads a JSON array of objects faster than drizzle binds thousands of values. */
const asJson = (rows: unknown[]) => sql`${JSON.stringify(rows)}::json`;

const permutations = new Map<string, SerialPermutation>();
function permutationOf(key: Buffer, type: ProductCodeType, county: string): SerialPermutation {
  const id = `${key.toString('hex')}|${type}|${county}`;
  let p = permutations.get(id);
  if (!p) permutations.set(id, (p = serialPermutation(key, `${type}|${county}`)));
  return p;
}

/**
 * Codes for the batches, issued per county of the issuer as a print run issues them (a reserved counter range, the
 * keyed permutation, only transposition-safe codes) and written to trace_codes already bound to their batches.
 */
async function issueFor(tx: Tx, secretKey: string, type: ProductCodeType, wanted: { batchId: string; county: string; issuerSubjectId: string }[]): Promise<Map<string, string>> {
  const byCounty = new Map<string, typeof wanted>();
  for (const w of wanted) {
    const list = byCounty.get(w.county);
    if (list) list.push(w);
    else byCounty.set(w.county, [w]);
  }
  const codeOf = new Map<string, string>();
  const key = codeKey(secretKey);
  for (const [county, list] of byCounty) {
    const permutation = permutationOf(key, type, county);
    const issued: { code: string; counter: number }[] = [];
    while (issued.length < list.length) {
      // About three counters in four give a transposition-safe code (codes.ts).
      const want = list.length - issued.length;
      const m = want + Math.ceil(want * 0.4) + 2;
      const first = await reserveCounters(tx, type, county, m);
      issued.push(...safeCodes(permutation, type, county, Array.from({ length: m }, (_, i) => first + i)).slice(0, want));
    }
    const rows = list.map((w, i) => ({ c: issued[i]!.code, n: issued[i]!.counter, s: w.issuerSubjectId, b: w.batchId }));
    rows.forEach((r) => codeOf.set(r.b, r.c));
    await inChunks(rows, (c) =>
      tx.execute(sql`INSERT INTO trace_codes (code, type, county, province, counter, subject_id, batch_id)
        SELECT c, ${type}, ${county}, ${county.slice(0, 2)}, n, s, b FROM json_to_recordset(${asJson(c)}) AS v(c text, n bigint, s uuid, b uuid)`),
    );
  }
  return codeOf;
}

/**
 * Writes bases, products, batches (type-1 codes), sales (the buyer's batch with a type-2 code or a type-3 voucher,
 * the edge, a confirmed trade, the seller's stock taken) and every alias, as the client `clientId`, each act with the
 * trace event the console writes for it (so the EPCIS query and every reader of trace_events see it). The public
 * chains follow by the tables' triggers. Returns the code each new batch got.
 */
export async function importExchangedTrace(tx: Tx, secretKey: string, clientId: string, rows: ExchangeTrace, mark: (step: string) => void = () => {}): Promise<Map<string, string>> {
  await inChunks(rows.bases, (c) =>
    tx.execute(sql`INSERT INTO production_bases (id, subject_id, name, region_code, address, area, area_unit, lat, lng, created_by)
      SELECT id, "subjectId", name, "regionCode", address, area, "areaUnit", lat, lng, ${clientId}::uuid
      FROM json_to_recordset(${asJson(c)}) AS v(id uuid, "subjectId" uuid, name text, "regionCode" text, address text, area float8, "areaUnit" text, lat float8, lng float8)`),
  );
  await inChunks(rows.products, (c) =>
    tx.execute(sql`INSERT INTO products (id, subject_id, name, class_code, spec, unit, brand, created_by)
      SELECT id, "subjectId", name, "classCode", spec, unit, brand, ${clientId}::uuid
      FROM json_to_recordset(${asJson(c)}) AS v(id uuid, "subjectId" uuid, name text, "classCode" text, spec text, unit text, brand text)`),
  );
  mark('bases+products');
  // What the document's sales take from each batch, in milli-units: a batch sent in the same document is written with
  // its stock already net of them (no second write of the row); only batches of earlier documents are updated.
  const taken = new Map<string, number>();
  for (const s of rows.sales) taken.set(s.sellerBatchId, (taken.get(s.sellerBatchId) ?? 0) + Math.round(s.quantity * 1000));
  const codes = await issueFor(
    tx,
    secretKey,
    1,
    rows.batches.map((b) => ({ batchId: b.id, county: b.regionCode.slice(0, 6), issuerSubjectId: b.subjectId })),
  );
  // Each batch with its commissioning event, as the console's batch creation writes it (batch.service.ts), in one
  // statement: the event names the client system as its actor and the province's batch as it arrived.
  await inChunks(rows.batches, (c) =>
    tx.execute(sql`
      WITH v AS (
        SELECT * FROM json_to_recordset(${asJson(c.map((b) => ({ ...b, aliases: undefined, code: codes.get(b.id), sold: taken.get(b.id) ?? 0 })))})
          AS v(id uuid, code text, "subjectId" uuid, "regionCode" text, "productId" uuid, "baseId" uuid, quantity numeric, unit text, "harvestDate" date, "selfCheck" text, variety text, "soilNote" text, "waterNote" text, sold bigint)
      ),
      written AS (
        INSERT INTO batches (id, code, subject_id, region_code, product_id, base_id, source, quantity, unit, stock, harvest_date, self_check, variety, soil_note, water_note, created_by)
        SELECT id, code, "subjectId", "regionCode", "productId", "baseId", 'own', quantity, unit, quantity - sold / 1000.0, "harvestDate", "selfCheck", variety, "soilNote", "waterNote", ${clientId}::uuid
        FROM v RETURNING id
      )
      ${exchangeEventSql(
        COMMISSIONING,
        clientId,
        sql`ARRAY[v.code]::varchar[], v."subjectId", v."regionCode"`,
        sql`jsonb_build_object('batchId', v.id, 'productId', v."productId", 'productClass', p.class_code, 'quantity', v.quantity, 'unit', v.unit, 'baseId', v."baseId",
              'harvestDate', v."harvestDate", 'selfCheck', v."selfCheck", 'inputs', 0)`,
        sql`v JOIN written w ON w.id = v.id JOIN products p ON p.id = v."productId"`,
      )}`),
  );
  for (const b of rows.batches) taken.delete(b.id);
  mark('batches');
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
  mark('sale codes');
  await writeSales(tx, clientId, rows.sales, codes, taken);
  mark('sales');
  const aliases = [...rows.batches.map((b) => ({ batchId: b.id, list: b.aliases })), ...rows.sales.map((s) => ({ batchId: s.batchId, list: s.aliases }))].flatMap((b) =>
    b.list.map((a) => ({ alias: a.alias, kind: a.kind, batchId: b.batchId })),
  );
  await inChunks(aliases, (c) =>
    tx.execute(sql`INSERT INTO batch_aliases (alias, batch_id, kind, client_id)
      SELECT alias, "batchId", kind, ${clientId}::uuid FROM json_to_recordset(${asJson(c)}) AS v(alias text, "batchId" uuid, kind text)`),
  );
  mark('aliases');
  return codes;
}

/**
 * The sales of a chunk in one statement — the buyers' batches, their edges and the trades — so that each buyer's
 * public chain is written once, by the edges' trigger, as in a one-statement confirmation (stock.ts).
 */
async function writeSales(tx: Tx, clientId: string, sales: ExchangeSale[], codes: Map<string, string>, taken: Map<string, number>) {
  if (!sales.length) return;
  // Earlier documents' batches the sales take from: the table's conservation check refuses one taken below zero.
  if (taken.size)
    await tx.execute(sql`
    UPDATE batches b SET stock = b.stock - v.q / 1000.0
    FROM json_to_recordset(${asJson([...taken].map(([id, q]) => ({ id, q })))}) AS v(id uuid, q bigint)
    WHERE b.id = v.id`);
  const decidedAt = new Date().toISOString();
  await inChunks(sales, (c) => {
    const rows = c.map((s) => ({
      id: s.batchId,
      code: codes.get(s.batchId)!,
      trade: randomUUID(),
      kind: s.kind,
      seller: s.sellerSubjectId,
      buyer: s.buyerSubjectId,
      holder: s.market ? { name: s.market.name, marketKind: s.market.kind, ...(s.market.stall ? { stall: s.market.stall } : {}) } : null,
      region: s.buyerRegionCode,
      product: s.productId,
      quantity: s.quantity,
      unit: s.unit,
      harvest: s.harvestDate,
      from: s.sellerBatchId,
    }));
    return tx.execute(sql`
      WITH v AS (
        SELECT * FROM json_to_recordset(${asJson(rows)})
          AS v(id uuid, code text, trade uuid, kind text, seller uuid, buyer uuid, holder jsonb, region text, product uuid, quantity numeric, unit text, harvest date, "from" uuid)
      ),
      received AS (
        INSERT INTO batches (id, code, subject_id, holder, region_code, product_id, source, quantity, unit, stock, harvest_date, self_check, created_by)
        SELECT id, code, buyer, CASE WHEN buyer IS NULL THEN holder END, region, product, CASE kind WHEN 'market' THEN 'market_entry' ELSE 'purchase' END,
               quantity, unit, quantity, harvest, 'none', ${clientId}::uuid
        FROM v RETURNING id
      ),
      edges AS (
        INSERT INTO batch_edges (from_batch_id, to_batch_id, kind, quantity) SELECT v."from", v.id, v.kind, v.quantity FROM v JOIN received r ON r.id = v.id RETURNING to_batch_id
      ),
      made AS (
        INSERT INTO trades (id, kind, seller_subject_id, buyer_subject_id, counterparty, batch_id, quantity, unit, status, buyer_batch_id, decided_at)
        SELECT trade, CASE kind WHEN 'market' THEN 'market' ELSE 'scan' END, seller, buyer, holder, "from", quantity, unit, 'confirmed', v.id, ${decidedAt}::timestamptz
        FROM v JOIN edges e ON e.to_batch_id = v.id RETURNING id
      ),
      sold AS (SELECT v.*, sb.code AS "fromCode", sb.region_code AS "sellerRegion" FROM v JOIN made m ON m.id = v.trade JOIN batches sb ON sb.id = v."from"),
      shipped AS (${exchangeEventSql(
        null,
        clientId,
        sql`ARRAY[s."fromCode", s.code]::varchar[], s.seller, s."sellerRegion"`,
        sql`CASE s.kind WHEN 'market'
              THEN jsonb_build_object('tradeId', s.trade, 'kind', 'market', 'fromBatchId', s."from", 'toBatchId', s.id, 'holder', s.holder->>'name', 'marketKind', s.holder->>'marketKind', 'quantity', s.quantity, 'unit', s.unit)
              ELSE jsonb_build_object('tradeId', s.trade, 'buyerSubjectId', s.buyer, 'quantity', s.quantity, 'unit', s.unit) END`,
        sql`sold s`,
      )})
      ${exchangeEventSql(
        RECEIVING,
        clientId,
        sql`ARRAY[s."fromCode", s.code]::varchar[], s.buyer, s.region`,
        sql`jsonb_build_object('tradeId', s.trade, 'fromBatchId', s."from", 'toBatchId', s.id, 'quantity', s.quantity, 'unit', s.unit)`,
        sql`sold s WHERE s.kind <> 'market'`,
      )}`);
  });
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
  const taken = q.aliases.length
    ? await queryRows<{ alias: string }>(db, sql`SELECT a.alias FROM json_array_elements_text(${JSON.stringify(q.aliases)}::json) AS q(alias) JOIN batch_aliases a ON a.alias = q.alias`)
    : [];
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
