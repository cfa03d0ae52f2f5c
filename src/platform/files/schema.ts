import { index, integer, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/** Every stored upload: what it is by content, where it lies, and who may read it. */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    mime: varchar('mime', { length: 100 }).notNull(),
    size: integer('size').notNull(),
    /** Path inside the storage root; never built from the client's file name. */
    storageKey: varchar('storage_key', { length: 200 }).notNull(),
    originalName: varchar('original_name', { length: 200 }),
    purpose: varchar('purpose', { length: 40 }).notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('files_sha').on(t.sha256)],
);
