import { index, integer, pgTable, primaryKey, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/** Sessions of people (cookie). Only a hash of the session id is stored, so a database leak yields no live session. */
export const sessions = pgTable(
  'sessions',
  {
    idHash: varchar('id_hash', { length: 64 }).primaryKey(),
    userId: uuid('user_id').notNull(),
    csrfToken: varchar('csrf_token', { length: 64 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    ip: varchar('ip', { length: 64 }),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** Bearer tokens for apps (the mobile app, scripts). Shown once at creation; only the hash is kept. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    name: varchar('name', { length: 80 }).notNull(),
    tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
    prefix: varchar('prefix', { length: 16 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('api_tokens_user').on(t.userId)],
);

/**
 * Failed logins per (username as typed, client address): the lockout. Keyed by the name typed, not by an account,
 * so a name that does not exist locks exactly like one that does (no enumeration), and by address, so guessing from
 * elsewhere never locks an official out of their own office. `in_flight` counts attempts being judged, so parallel
 * guesses cannot outrun the count and parallel right passwords are never taken for failures.
 */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    username: varchar('username', { length: 40 }).notNull(),
    ip: varchar('ip', { length: 64 }).notNull(),
    failures: integer('failures').notNull().default(0),
    inFlight: integer('in_flight').notNull().default(0),
    /** Locks so far without a success in between: each doubles the next one (15 minutes up to a day). */
    locks: integer('locks').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.username, t.ip] }), index('login_attempts_updated').on(t.updatedAt)],
);

/** Login attempts not (yet) ended in success, per client address and for everyone ('*'), per minute. */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    bucket: varchar('bucket', { length: 70 }).notNull(),
    windowStart: timestamp('window_start', { withTimezone: true, mode: 'date' }).notNull(),
    hits: integer('hits').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.windowStart] })],
);
