import { sql } from 'drizzle-orm';
import { bigserial, check, index, pgTable, primaryKey, smallint, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import type { ClientKind } from '../../platform/auth/actor.js';
import type { CertificationScheme, ClientStatus } from './integration.shared.js';

export type { CertificationScheme } from './integration.shared.js';

/**
 * 平台对接: another system that calls Tracenet with signed requests — a provincial platform, a certification system,
 * a market or an online shop. Its scope is a list of region prefixes ('' for the whole country) and the operations
 * (permission names) it may use. `region_code` is its home: the registering agency's region, or the province a
 * provincial platform serves; it decides which agencies see the client (integration/visibility.ts).
 */
export const integrationClients = pgTable(
  'integration_clients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: varchar('name', { length: 100 }).notNull(),
    kind: varchar('kind', { length: 24 }).notNull().$type<ClientKind>(),
    scheme: varchar('scheme', { length: 16 }).$type<CertificationScheme>(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    regions: text('regions').array().notNull(),
    operations: text('operations').array().notNull(),
    contact: varchar('contact', { length: 100 }),
    status: varchar('status', { length: 10 }).notNull().default('active').$type<ClientStatus>(),
    registeredByAgency: uuid('registered_by_agency').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('integration_clients_region').on(t.regionCode, t.createdAt),
    check('integration_clients_kind', sql`${t.kind} IN ('provincial_platform', 'certification', 'market', 'shop')`),
    check('integration_clients_scheme', sql`(${t.kind} = 'certification') = (${t.scheme} IS NOT NULL)`),
    check('integration_clients_status', sql`${t.status} IN ('active', 'disabled')`),
  ],
);

/**
 * A client's API keys. The id is public (sent with every request); the secret is kept encrypted with a key derived
 * from SECRET_KEY (the server needs it to check an HMAC, so a one-way hash cannot serve) and shown once. A rotation
 * adds a key and gives the old one an `expires_at`: both sign during the overlap. Revocation is at once.
 */
export const integrationKeys = pgTable(
  'integration_keys',
  {
    id: varchar('id', { length: 44 }).primaryKey(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => integrationClients.id),
    secret: text('secret').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('integration_keys_client').on(t.clientId, t.createdAt)],
);

/** Nonces seen in the replay window, per key; purged by the `integration.purge` job once expired. */
export const integrationNonces = pgTable(
  'integration_nonces',
  {
    keyId: varchar('key_id', { length: 44 }).notNull(),
    nonce: varchar('nonce', { length: 64 }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.nonce] }), index('integration_nonces_expires').on(t.expiresAt)],
);

/**
 * Every call of a client, refused ones included (with their code), kept 30 days: the client page's recent calls and
 * errors. Not the audit chain: a partner reads thousands of codes a day, and the chain is for changes (decisions.md).
 */
export const integrationCalls = pgTable(
  'integration_calls',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    clientId: uuid('client_id').notNull(),
    keyId: varchar('key_id', { length: 44 }).notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    method: varchar('method', { length: 8 }).notNull(),
    path: varchar('path', { length: 300 }).notNull(),
    status: smallint('status').notNull(),
    code: varchar('code', { length: 60 }),
    requestId: varchar('request_id', { length: 64 }),
  },
  (t) => [index('integration_calls_client').on(t.clientId, t.id), index('integration_calls_at').on(t.at)],
);
