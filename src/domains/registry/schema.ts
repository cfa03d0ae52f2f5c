import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, smallint, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * Administrative divisions. Codes are kept in their prefix form — province 2 digits, city 4, county 6
 * (GB/T 2260), township 9 (GB/T 10114) — so that jurisdiction is a plain prefix match.
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

export const agencies = pgTable(
  'agencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: varchar('name', { length: 100 }).notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    level: varchar('level', { length: 16 }).notNull(),
    /** '' for the ministry; otherwise the region code of the agency's level. */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    /** The supervision agency that allocated this one (null for the ministry). */
    parentId: uuid('parent_id'),
    status: varchar('status', { length: 16 }).notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    index('agencies_region').on(t.regionCode),
    index('agencies_parent').on(t.parentId),
    // One supervision agency per region and level; testing and enforcement agencies may be several.
    uniqueIndex('agencies_one_supervision').on(t.level, t.regionCode).where(sql`kind = 'supervision'`),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: varchar('username', { length: 40 }).notNull(),
    displayName: varchar('display_name', { length: 60 }).notNull(),
    phoneEnc: varchar('phone_enc', { length: 200 }),
    phoneHash: varchar('phone_hash', { length: 64 }),
    passwordHash: varchar('password_hash', { length: 200 }).notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    role: varchar('role', { length: 16 }).notNull(),
    status: varchar('status', { length: 16 }).notNull().default('active'),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true, mode: 'date' }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [uniqueIndex('users_username_lower').on(sql`lower(${t.username})`), index('users_agency').on(t.agencyId)],
);
