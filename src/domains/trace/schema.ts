import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, doublePrecision, index, jsonb, numeric, pgTable, pgView, primaryKey, smallint, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import type { AnimalDetails } from './animal.shared.js';

/**
 * 追溯产品分类: the food classes of GB 2763-2021 Appendix A as shipped in db/reference/product-classes.csv (our own
 * hierarchical codes, 2 digits per level; each row keeps the classification text and the source it was read in).
 */
export const productClasses = pgTable(
  'product_classes',
  {
    code: varchar('code', { length: 12 }).primaryKey(),
    parentCode: varchar('parent_code', { length: 12 }),
    level: smallint('level').notNull(),
    nameZh: varchar('name_zh', { length: 60 }).notNull(),
    nameEn: varchar('name_en', { length: 120 }).notNull(),
    gb2763Category: varchar('gb2763_category', { length: 300 }).notNull(),
    sourceUrl: varchar('source_url', { length: 300 }).notNull(),
  },
  (t) => [index('product_classes_parent').on(t.parentCode)],
);

/** The next counter of each code type in each county: a print run reserves a range in one statement. */
export const codeCounters = pgTable(
  'code_counters',
  {
    type: smallint('type').notNull(),
    county: varchar('county', { length: 6 }).notNull(),
    next: bigint('next', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.type, t.county] })],
);

/**
 * Every product code issued (追溯码). `province` (the first two digits of the county) is the column the table will
 * be partitioned and sharded on (DESIGN.md §9); a code's own first digits give it, so a look-up by code knows its
 * partition.
 */
export const traceCodes = pgTable(
  'trace_codes',
  {
    code: varchar('code', { length: 20 }).primaryKey(),
    type: smallint('type').notNull(),
    county: varchar('county', { length: 6 }).notNull(),
    province: varchar('province', { length: 2 }).notNull(),
    counter: bigint('counter', { mode: 'number' }).notNull(),
    subjectId: uuid('subject_id'),
    batchId: uuid('batch_id'),
    issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('trace_codes_batch').on(t.batchId)],
);

/** 基地: a production base of a subject (field, greenhouse, barn, pond), where its own batches come from. */
export const productionBases = pgTable(
  'production_bases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectId: uuid('subject_id').notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    address: varchar('address', { length: 200 }).notNull(),
    area: doublePrecision('area'),
    areaUnit: varchar('area_unit', { length: 16 }),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    /** 'active'; 'voided' (作废) once withdrawn with a reason: kept for the batches that name it, no new batch may. */
    status: varchar('status', { length: 16 }).notNull().default('active'),
    voidedAt: timestamp('voided_at', { withTimezone: true, mode: 'date' }),
    voidReason: varchar('void_reason', { length: 300 }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    createdBy: uuid('created_by').notNull(),
  },
  (t) => [index('production_bases_subject').on(t.subjectId, t.createdAt), uniqueIndex('production_bases_name').on(t.subjectId, t.name)],
);

/** 产品: what a subject produces or sells, in a class of the classification, with an optional GTIN. */
export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectId: uuid('subject_id').notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    classCode: varchar('class_code', { length: 12 })
      .notNull()
      .references(() => productClasses.code),
    spec: varchar('spec', { length: 60 }).notNull(),
    unit: varchar('unit', { length: 16 }).notNull(),
    brand: varchar('brand', { length: 60 }),
    gtin: varchar('gtin', { length: 14 }),
    /** Shown in the public showcase (在线展示, 产销对接): the producer's choice, off until it chooses. */
    showcased: boolean('showcased').notNull().default(false),
    /** 'active'; 'voided' (作废) once withdrawn with a reason: kept for the batches that name it, no new batch may. */
    status: varchar('status', { length: 16 }).notNull().default('active'),
    voidedAt: timestamp('voided_at', { withTimezone: true, mode: 'date' }),
    voidReason: varchar('void_reason', { length: 300 }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    createdBy: uuid('created_by').notNull(),
  },
  (t) => [index('products_subject').on(t.subjectId, t.createdAt), index('products_showcased').on(t.createdAt, t.id).where(sql`showcased`), uniqueIndex('products_name_spec').on(t.subjectId, t.name, t.spec), uniqueIndex('products_gtin').on(t.gtin)],
);

/**
 * 批次: a node of the trace graph. Conservation (DESIGN.md §4) is also a table constraint: stock and frozen
 * quantity never go below zero and nothing is frozen beyond the stock, whatever a service does.
 */
export const batches = pgTable(
  'batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: varchar('code', { length: 20 }).notNull(),
    /** The holder on the platform; null for a buyer who is not registered, whose details are in `holder`. */
    subjectId: uuid('subject_id'),
    /** An unregistered holder (a buyer recorded by hand, a market not on the platform): name, address, phone (encrypted). */
    holder: jsonb('holder').$type<Holder>(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    baseId: uuid('base_id').references(() => productionBases.id),
    /** 'own' 自产 · 'purchase' 采购 · 'market_entry' 入市 · 'process' 加工 · 'split' 拆分 · 'merge' 合并 */
    source: varchar('source', { length: 16 }).notNull(),
    quantity: numeric('quantity', { precision: 14, scale: 3, mode: 'number' }).notNull(),
    unit: varchar('unit', { length: 16 }).notNull(),
    stock: numeric('stock', { precision: 14, scale: 3, mode: 'number' }).notNull(),
    frozen: numeric('frozen', { precision: 14, scale: 3, mode: 'number' }).notNull().default(0),
    harvestDate: date('harvest_date', { mode: 'string' }),
    /** Live animals and animal products: species, tissue, slaughter details, quarantine certificate (animal.shared.ts). */
    animal: jsonb('animal').$type<AnimalDetails>(),
    /** 品种 and 产地环境 notes (soil, water), as the notice asks of tea and other crops (issue 21 §3; batch-origin.shared.ts). */
    variety: varchar('variety', { length: 60 }),
    soilNote: varchar('soil_note', { length: 300 }),
    waterNote: varchar('water_note', { length: 300 }),
    selfCheck: varchar('self_check', { length: 16 }).notNull(),
    selfCheckNote: varchar('self_check_note', { length: 300 }),
    /**
     * 'active'; 'failed' when a test found it unsafe, 'held' (同源批次检测不合格 / 待核查) while on a failed sample's recall
     * list, 'recalled' when an agency recalled it, 'voided' (作废) when its holder withdrew a record made in error.
     */
    status: varchar('status', { length: 16 }).notNull().default('active'),
    /** When and why it was voided: the public page says so beside its code. */
    voidedAt: timestamp('voided_at', { withTimezone: true, mode: 'date' }),
    voidReason: varchar('void_reason', { length: 300 }),
    /** When its first 承诺达标合格证 was printed: the public page shows the pledge from then on. */
    certifiedAt: timestamp('certified_at', { withTimezone: true, mode: 'date' }),
    /**
     * When a sample of it was last judged (监测): the public page reads it with the status, and only when a batch of
     * the chain has it does it look for the results, so an untested chain costs no read more.
     */
    testedAt: timestamp('tested_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    createdBy: uuid('created_by').notNull(),
  },
  (t) => [
    uniqueIndex('batches_code').on(t.code),
    index('batches_subject').on(t.subjectId, t.createdAt),
    check('batches_conservation', sql`${t.stock} >= 0 AND ${t.frozen} >= 0 AND ${t.frozen} <= ${t.stock} AND ${t.stock} <= ${t.quantity}`),
    check('batches_holder', sql`${t.subjectId} IS NOT NULL OR ${t.holder} IS NOT NULL`),
    check('batches_quantity_positive', sql`${t.quantity} > 0`),
  ],
);

/** A holder who is not on the platform. `marketKind` is set for a market or processor (入市). */
export type Holder = { name: string; address?: string; phone?: string; marketKind?: MarketKind; stall?: string };
export type MarketKind = 'wholesale' | 'retail' | 'processor';

/** 投入品使用记录: pesticides, fertilisers, feed and veterinary drugs used on a batch, with dates and doses. */
export const batchInputs = pgTable(
  'batch_inputs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => batches.id),
    kind: varchar('kind', { length: 16 }).notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    dose: numeric('dose', { precision: 12, scale: 3, mode: 'number' }).notNull(),
    doseUnit: varchar('dose_unit', { length: 16 }).notNull(),
    appliedOn: date('applied_on', { mode: 'string' }).notNull(),
  },
  (t) => [index('batch_inputs_batch').on(t.batchId)],
);

/**
 * The immutable trace events, one per trace action, written in the action's transaction. Each row is shaped as
 * a GS1 EPCIS 2.0 event: type (ObjectEvent, TransactionEvent, TransformationEvent, AggregationEvent), action,
 * bizStep and disposition (CBV), the codes it concerns, where (the subject's region) and when.
 */
export const traceEvents = pgTable(
  'trace_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    eventType: varchar('event_type', { length: 24 }).notNull(),
    action: varchar('action', { length: 8 }).notNull(),
    bizStep: varchar('biz_step', { length: 40 }).notNull(),
    disposition: varchar('disposition', { length: 40 }),
    codes: varchar('codes', { length: 20 }).array().notNull(),
    subjectId: uuid('subject_id').notNull(),
    actorId: uuid('actor_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('trace_events_subject').on(t.subjectId, t.at)],
);

/**
 * 扫码交易: a sale from a seller's batch to a buyer. The quantity is frozen on the seller's batch when the sale is
 * recorded; the buyer confirms (its own batch, source 采购, with a type-2 code) or rejects; the seller may cancel
 * before that. `idempotency` is not needed here: the command layer's Idempotency-Key covers retries.
 */
export const trades = pgTable(
  'trades',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 'scan' 扫码交易 (the buyer confirms) · 'manual' a buyer not registered, completes at once · 'market' 入市, completes at once with a type-3 voucher */
    kind: varchar('kind', { length: 16 }).notNull().default('scan'),
    sellerSubjectId: uuid('seller_subject_id').notNull(),
    /** Null when the buyer is not registered (a 'manual' sale, or a market not on the platform). */
    buyerSubjectId: uuid('buyer_subject_id'),
    /** The buyer or market as recorded by the seller (phone encrypted); set for 'manual' and 'market'. */
    counterparty: jsonb('counterparty').$type<Holder>(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => batches.id),
    quantity: numeric('quantity', { precision: 14, scale: 3, mode: 'number' }).notNull(),
    unit: varchar('unit', { length: 16 }).notNull(),
    carrier: jsonb('carrier').$type<Record<string, string>>(),
    storage: varchar('storage', { length: 100 }),
    quarantineCert: varchar('quarantine_cert', { length: 60 }),
    /** 'pending' · 'confirmed' · 'rejected' · 'cancelled' */
    status: varchar('status', { length: 16 }).notNull(),
    buyerBatchId: uuid('buyer_batch_id'),
    /** What has come back through returns (退货); never more than the quantity. */
    returned: numeric('returned', { precision: 14, scale: 3, mode: 'number' }).notNull().default(0),
    reason: varchar('reason', { length: 300 }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('trades_buyer').on(t.buyerSubjectId, t.status, t.createdAt),
    index('trades_seller').on(t.sellerSubjectId, t.createdAt),
    index('trades_batch').on(t.batchId),
    uniqueIndex('trades_buyer_batch').on(t.buyerBatchId),
    check('trades_returned', sql`${t.returned} >= 0 AND ${t.returned} <= ${t.quantity}`),
    check('trades_buyer', sql`${t.buyerSubjectId} IS NOT NULL OR ${t.counterparty} IS NOT NULL`),
    check('trades_quantity_positive', sql`${t.quantity} > 0`),
  ],
);

/** 退货: goods going back along a completed trade, with the reason; the buyer's stock goes down, the seller's up. */
export const tradeReturns = pgTable(
  'trade_returns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tradeId: uuid('trade_id')
      .notNull()
      .references(() => trades.id),
    quantity: numeric('quantity', { precision: 14, scale: 3, mode: 'number' }).notNull(),
    reason: varchar('reason', { length: 300 }).notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('trade_returns_trade').on(t.tradeId), check('trade_returns_quantity_positive', sql`${t.quantity} > 0`)],
);

/** Edges of the trace graph: which batch came from which (trade, transform, split, merge). */
export const batchEdges = pgTable(
  'batch_edges',
  {
    fromBatchId: uuid('from_batch_id').notNull(),
    toBatchId: uuid('to_batch_id').notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    quantity: numeric('quantity', { precision: 14, scale: 3, mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.fromBatchId, t.toBatchId] }), index('batch_edges_to').on(t.toBatchId), check('batch_edges_quantity_positive', sql`${t.quantity} > 0`)],
);

/**
 * How often each code was looked up publicly (消费查询), and when first and last: written in batches by
 * public-lookups.ts, so a look-up never waits for a write.
 */
export const codeLookups = pgTable('code_lookups', {
  code: varchar('code', { length: 20 }).primaryKey(),
  count: bigint('count', { mode: 'number' }).notNull(),
  firstAt: timestamp('first_at', { withTimezone: true, mode: 'date' }).notNull(),
  lastAt: timestamp('last_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/**
 * 修改记录: every correction and void of a subject's batch, product or base, with the values it had before and
 * after, who, when and why. Append-only (the audit log holds the same change, hash-chained); the record itself
 * keeps its current values, this table keeps the earlier ones.
 */
export const traceCorrections = pgTable(
  'trace_corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 'batch' · 'product' · 'base' */
    targetType: varchar('target_type', { length: 16 }).notNull(),
    targetId: uuid('target_id').notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** 'edit' 更正 · 'void' 作废 */
    kind: varchar('kind', { length: 8 }).notNull(),
    before: jsonb('before').$type<Record<string, unknown>>().notNull(),
    after: jsonb('after').$type<Record<string, unknown>>().notNull(),
    reason: varchar('reason', { length: 300 }).notNull(),
    actorId: uuid('actor_id').notNull(),
    actorName: varchar('actor_name', { length: 100 }).notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('trace_corrections_target').on(t.targetType, t.targetId, t.at)],
);

/** Batches as the business monitors count them (analytics): holder, region, source and when recorded. */
export const batchFacts = pgView('trace_batch_facts').as((qb) =>
  qb.select({ id: batches.id, subjectId: batches.subjectId, regionCode: batches.regionCode, source: batches.source, createdAt: batches.createdAt }).from(batches),
);

/** Sales as the business monitors count them: the seller, how it was made (scan, manual, market = voucher), its state. */
export const tradeFacts = pgView('trace_trade_facts').as((qb) =>
  qb.select({ id: trades.id, sellerSubjectId: trades.sellerSubjectId, kind: trades.kind, status: trades.status, createdAt: trades.createdAt }).from(trades),
);

/** Codes issued per county and type, each with how often the public looked it up (codes printed vs looked up). */
export const codeFacts = pgView('trace_code_facts', {
  code: varchar('code', { length: 20 }).notNull(),
  type: smallint('type').notNull(),
  county: varchar('county', { length: 6 }).notNull(),
  subjectId: uuid('subject_id'),
  issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'date' }).notNull(),
  lookups: bigint('lookups', { mode: 'number' }).notNull(),
}).as(sql`select c.code, c.type, c.county, c.subject_id, c.issued_at, coalesce(l.count, 0) as lookups from trace_codes c left join code_lookups l on l.code = c.code`);
