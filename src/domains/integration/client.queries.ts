import type { Grants } from '../../platform/auth/permissions.js';
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { AgencyActor } from '../../platform/auth/actor.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/rows.js';
import { keyset } from '../../platform/http/pagination.js';
import { firstPageTotal, totalField } from '../../platform/http/list-total.js';
import { regionNames } from '../regions/index.js';
import { offeredOperations, registrableKinds } from './client.rules.js';
import type { ClientOut } from './contracts.js';
import { integrationError } from './errors.js';
import type { KeyStore } from './key-store.js';
import { keyView } from './keys.js';
import { integrationCalls, integrationClients, integrationKeys } from './schema.js';
import { clientVisibility } from './visibility.js';

type ClientRow = typeof integrationClients.$inferSelect;

async function visibleClient(db: Executor, actor: AgencyActor, id: string): Promise<ClientRow> {
  const [row] = await db
    .select()
    .from(integrationClients)
    .where(and(eq(integrationClients.id, id), clientVisibility.filter(actor)));
  if (!row) throw integrationError('CLIENT_NOT_FOUND');
  return row;
}

/** A client the actor may change: one it sees, of a kind its level registers. */
export async function manageableClient(db: Executor, actor: AgencyActor, id: string): Promise<ClientRow> {
  const row = await visibleClient(db, actor, id);
  if (!registrableKinds(actor).includes(row.kind)) throw integrationError('CLIENT_KIND_NOT_YOURS', { kind: row.kind });
  return row;
}

async function namedRegions(db: Executor, codes: readonly string[]) {
  return Promise.all(codes.map(async (code) => ({ code, name: code === '' ? '全国' : await regionNames(db, code) })));
}

function summary(row: ClientRow, actor: AgencyActor) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    scheme: row.scheme,
    regionCode: row.regionCode,
    operations: row.operations,
    contact: row.contact,
    status: row.status,
    createdAt: row.createdAt,
    manageable: registrableKinds(actor).includes(row.kind) && actor.permissions.has('integration.manage'),
  };
}

export async function clientDetail(db: Executor, actor: AgencyActor, id: string): Promise<ClientOut> {
  const row = await visibleClient(db, actor, id);
  const keys = await db.select().from(integrationKeys).where(eq(integrationKeys.clientId, id)).orderBy(desc(integrationKeys.createdAt));
  const now = new Date();
  return { ...summary(row, actor), regions: await namedRegions(db, row.regions), keys: keys.map((k) => keyView(k, now)) };
}

/** The client systems of the actor's jurisdiction, newest first. */
export async function listClients(db: Executor, actor: AgencyActor, q: { limit: number; cursor?: string | undefined; kind?: ClientRow['kind'] | undefined }) {
  const page = keyset({ sort: integrationClients.createdAt, id: integrationClients.id, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const filters = and(clientVisibility.filter(actor), q.kind ? eq(integrationClients.kind, q.kind) : undefined);
  const [rows, total] = await Promise.all([
    db.select().from(integrationClients).where(and(filters, page.where)).orderBy(...page.orderBy).limit(page.take),
    firstPageTotal(db, q.cursor, () => db.select({ id: integrationClients.id }).from(integrationClients).where(filters).$dynamic()),
  ]);
  const { items, nextCursor } = page.page(rows, (r) => [r.createdAt.toISOString(), r.id]);
  return { items: await Promise.all(items.map(async (r) => ({ ...summary(r, actor), regions: await namedRegions(db, r.regions) }))), nextCursor, ...totalField(total) };
}

/** A client's recent calls (newest first; `errors` keeps the refused ones) and its last day's counts. */
export async function listCalls(db: Db, store: KeyStore, actor: AgencyActor, id: string, q: { limit: number; cursor?: string | undefined; errors?: 'true' | 'false' | undefined }) {
  await visibleClient(db, actor, id);
  await store.settled();
  const page = keyset({ sort: integrationCalls.id, id: integrationCalls.id, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const filters = and(eq(integrationCalls.clientId, id), q.errors === 'true' ? gte(integrationCalls.status, 400) : undefined);
  const [rows, total] = await Promise.all([
    db.select().from(integrationCalls).where(and(filters, page.where)).orderBy(...page.orderBy).limit(page.take),
    firstPageTotal(db, q.cursor, () => db.select({ id: integrationCalls.id }).from(integrationCalls).where(filters).$dynamic()),
  ]);
  const [counts] = await queryRows<{ calls: number | string; errors: number | string }>(
    db,
    sql`SELECT count(*) AS calls, count(*) FILTER (WHERE status >= 400) AS errors FROM integration_calls WHERE client_id = ${id}::uuid AND at > now() - interval '24 hours'`,
  );
  const { items, nextCursor } = page.page(rows, (r) => [r.id, r.id]);
  return {
    items: items.map((r) => ({ id: r.id, at: r.at, keyId: r.keyId, method: r.method, path: r.path, status: r.status, code: r.code })),
    nextCursor,
    ...totalField(total),
    last24h: { calls: Number(counts?.calls ?? 0), errors: Number(counts?.errors ?? 0) },
  };
}

/** What each kind of client may be given, and which kinds the actor registers (the console's form). */
export function operationsByKind(grants: Grants, actor: AgencyActor) {
  const mine = registrableKinds(actor);
  return { kinds: (['provincial_platform', 'certification', 'market', 'shop'] as const).map((kind) => ({ kind, operations: offeredOperations(grants, kind), registrable: mine.includes(kind) })) };
}

/** A client system's own record and keys. */
export async function selfView(db: Executor, clientId: string, keyId: string) {
  const [row] = await db.select().from(integrationClients).where(eq(integrationClients.id, clientId));
  if (!row) throw integrationError('CLIENT_NOT_FOUND');
  const keys = await db.select().from(integrationKeys).where(eq(integrationKeys.clientId, clientId)).orderBy(desc(integrationKeys.createdAt));
  return { id: row.id, name: row.name, kind: row.kind, regions: row.regions, operations: row.operations, keyId, keys: keys.map((k) => keyView(k)) };
}
