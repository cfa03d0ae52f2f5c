import { boolean, index, integer, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

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
    /**
     * Who uploaded it, so that only its uploader can cite it: `ticket:<id>` (an anonymous applicant's upload ticket),
     * `subject:<id>` or `agency:<id>`. Null for files stored before the binding existed.
     */
    owner: varchar('owner', { length: 80 }),
    /** Whether the bytes on disk are encrypted (AES-256-GCM); files written before encryption at rest are not. */
    encrypted: boolean('encrypted').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('files_sha').on(t.sha256), index('files_purpose_created').on(t.purpose, t.createdAt)],
);
