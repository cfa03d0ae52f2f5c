import { index, pgTable, smallint, varchar } from 'drizzle-orm/pg-core';

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
