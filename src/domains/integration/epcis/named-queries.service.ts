import { and, asc, eq } from 'drizzle-orm';
import type { Actor, CommandContext } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Db } from '../../../platform/db/client.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { epcisError } from './errors.js';
import { ownerOf } from './owner.js';
import { parseEventQuery } from './query.params.js';
import { epcisQueries } from './schema.js';

export type NamedQuery = typeof epcisQueries.$inferSelect;
type Params = Record<string, string | string[]>;

const NAME = /^[A-Za-z0-9._~-]{1,100}$/;
/**
 * Paging belongs to a request, not to the query saved; a body's `@context` (the query schema's JSON-LD context, as
 * the OpenEPCIS bodies carry it) says how to read the body and is no parameter.
 */
const NOT_SAVED = new Set(['perPage', 'nextPageToken', '@context']);

/**
 * The parameters of a named query as the REST binding's body gives them (`{"name", "query": {...}}`, values a
 * string, a number, a boolean or a list), in the query-string form `GET /events` parses: lists pipe-delimited.
 */
function asQueryString(query: unknown): Params {
  if (!query || typeof query !== 'object' || Array.isArray(query)) throw epcisError('EPCIS_QUERY_PARAMETER', { parameter: 'query', reason: 'an object of query parameters' });
  const out: Params = {};
  for (const [k, v] of Object.entries(query)) {
    if (NOT_SAVED.has(k)) continue;
    const list = Array.isArray(v) ? v : [v];
    if (!list.length || list.some((x) => !['string', 'number', 'boolean'].includes(typeof x))) throw epcisError('EPCIS_QUERY_PARAMETER', { parameter: k, reason: 'a value or a list of values' });
    out[k] = list.map(String).join('|');
  }
  parseEventQuery(out);
  return out;
}

function ownerWhere(actor: Actor) {
  const o = ownerOf(actor);
  return and(eq(epcisQueries.ownerKind, o.kind), eq(epcisQueries.ownerId, o.id));
}

export async function saveNamedQuery(db: Db, ctx: CommandContext, body: { name?: unknown; query?: unknown }): Promise<NamedQuery> {
  const name = typeof body?.name === 'string' ? body.name : '';
  if (!NAME.test(name)) throw epcisError('EPCIS_QUERY_PARAMETER', { parameter: 'name', reason: 'letters, digits, . _ ~ -, at most 100' });
  const query = asQueryString(body.query);
  const owner = ownerOf(ctx.actor!);
  return withTransaction(db, ctx, async (tx) => {
    const [row] = await tx
      .insert(epcisQueries)
      .values({ ownerKind: owner.kind, ownerId: owner.id, regionCode: owner.regionCode, name, query, createdBy: ctx.actor!.userId })
      .onConflictDoNothing()
      .returning();
    if (!row) throw epcisError('EPCIS_QUERY_NAME_TAKEN', { name });
    await recordAudit(tx, ctx, { action: 'epcis.query_save', targetType: 'epcis_query', targetId: row.id, regionCode: owner.regionCode, after: { name, query } });
    return row;
  });
}

/** A named query of the caller's organisation (named queries are the organisation's own). */
export async function namedQuery(db: Db, actor: Actor, name: string): Promise<NamedQuery> {
  const [row] = await db.select().from(epcisQueries).where(and(ownerWhere(actor), eq(epcisQueries.name, name)));
  if (!row) throw epcisError('EPCIS_NO_SUCH_QUERY', { name });
  return row;
}

export async function listNamedQueries(db: Db, actor: Actor): Promise<NamedQuery[]> {
  return db.select().from(epcisQueries).where(ownerWhere(actor)).orderBy(asc(epcisQueries.name)).limit(1000);
}

export async function deleteNamedQuery(db: Db, ctx: CommandContext, name: string): Promise<void> {
  const row = await namedQuery(db, ctx.actor!, name);
  await withTransaction(db, ctx, async (tx) => {
    await tx.delete(epcisQueries).where(eq(epcisQueries.id, row.id));
    await recordAudit(tx, ctx, { action: 'epcis.query_delete', targetType: 'epcis_query', targetId: row.id, regionCode: row.regionCode, before: { name: row.name, query: row.query } });
  });
}
