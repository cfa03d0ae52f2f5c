import { bigint, bigserial, check, date, index, numeric, pgTable, primaryKey, smallint, text, varchar } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * What a source domain's trigger appends in the fact's own transaction: one signed change of a counter (a fact
 * counted, or moved from one state to another) at the finest region the fact carries and its China day. Append-only,
 * so concurrent commands never wait on a shared counter row; the folder (rollups/fold.ts) moves them into
 * `analytics_rollups` and every read adds what is not folded yet, so figures are exact at any moment.
 */
export const analyticsDeltas = pgTable(
  'analytics_deltas',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    measure: varchar('measure', { length: 32 }).notNull(),
    dim: text('dim').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    n: bigint('n', { mode: 'number' }).notNull(),
    qty: numeric('qty', { precision: 20, scale: 3, mode: 'number' }).notNull(),
  },
  (t) => [index('analytics_deltas_region').on(t.regionCode)],
);

/**
 * Counters by measure, dimension, region and time bucket, kept at every level of the region tree (depth 0 the
 * ministry '', 1 province, 2 city, 3 county, 4 township) and three grains ('d' day, 'm' month, 'y' year, each bucket
 * named by its first day), so a year's figures for any node and its children are a few thousand rows whatever the size
 * of the raw tables.
 */
export const analyticsRollups = pgTable(
  'analytics_rollups',
  {
    grain: varchar('grain', { length: 1 }).notNull(),
    depth: smallint('depth').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    bucket: date('bucket', { mode: 'string' }).notNull(),
    measure: varchar('measure', { length: 32 }).notNull(),
    dim: text('dim').notNull(),
    n: bigint('n', { mode: 'number' }).notNull(),
    qty: numeric('qty', { precision: 20, scale: 3, mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.grain, t.depth, t.regionCode, t.bucket, t.measure, t.dim] }),
    index('analytics_rollups_time').on(t.grain, t.depth, t.bucket),
    check('analytics_rollups_grain', sql`${t.grain} IN ('d', 'm', 'y')`),
  ],
);
