import { index, pgTable, smallint, varchar } from 'drizzle-orm/pg-core';

/**
 * Administrative divisions (reference data, loaded once by regions.loader.ts): level 1 province … 4 township. Codes are
 * kept in their prefix form — province 2 digits, city 4, county 6 (GB/T 2260), township 9 (GB/T 10114) — so that
 * jurisdiction is a prefix, served as a range (platform/auth/visibility.ts).
 */
export const regions = pgTable(
  'regions',
  {
    code: varchar('code', { length: 12 }).primaryKey(),
    name: varchar('name', { length: 60 }).notNull(),
    level: smallint('level').notNull(),
    parentCode: varchar('parent_code', { length: 12 }),
  },
  (t) => [index('regions_parent').on(t.parentCode)],
);
