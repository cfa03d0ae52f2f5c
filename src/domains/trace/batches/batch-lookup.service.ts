import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Caller } from '../../../platform/auth/actor.js';
import { signatureError } from '../../../platform/auth/signature.js';
import type { Db, Executor } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';
import { maskPersonName } from '../../../platform/pii/pii.js';
import type { AppError } from '../../../platform/http/errors.js';
import { countyNames } from '../../regions/index.js';
import { naturalPersonSubjects } from '../../registry/index.js';
import { batchCodeOfAlias } from '../aliases/index.js';
import { traceError } from '../errors.js';
import { batches, products } from '../schema.js';
import { traceAccess } from '../graph/trace-graph.queries.js';
import { subjectNameOf } from '../subject-names.js';

/**
 * The batch behind a scanned or typed code, for whoever may trace it (the same rule as the trace itself: a
 * subject's own or sold-into batches, an agency's jurisdiction); anything else is 404, as if it did not exist.
 * A client system is told OUT_OF_SCOPE for a batch outside its regions (a code is public: the public page answers it).
 */
export async function batchByCode(db: Db, actor: Caller, scanned: string) {
  // A foreign code of a batch (issue 17 §2) is looked up as the batch's own, and the answer says so.
  const hit = /^\d{20}$/.test(scanned) ? undefined : await batchCodeOfAlias(db, scanned);
  const code = hit?.code ?? scanned;
  const [row] = await db
    .select({ b: batches, productName: products.name, subjectName: sql<string | null>`${subjectNameOf(sql`${batches.subjectId}`)}` })
    .from(batches)
    .innerJoin(products, eq(products.id, batches.productId))
    .where(and(eq(batches.code, code), traceAccess(actor)));
  if (!row) throw actor.kind === 'client' ? await outOfScopeOrMissing(db, sql`code = ${code}`) : traceError('BATCH_NOT_FOUND');
  const { b } = row;
  // A client system sees a holder as the public page does: a natural person by the family name only.
  const masked =
    actor.kind === 'client' &&
    (b.subjectId !== null ? (await naturalPersonSubjects(db, [b.subjectId])).has(b.subjectId) : !(b.source === 'market_entry' || b.holder?.marketKind));
  const counties = await countyNames(db);
  const county = b.regionCode.slice(0, 6);
  return {
    id: b.id,
    code: b.code,
    productName: row.productName,
    source: b.source,
    quantity: b.quantity,
    unit: b.unit,
    stock: b.stock,
    harvestDate: b.harvestDate,
    createdAt: b.createdAt,
    holderName: masked ? maskPersonName(row.subjectName ?? b.holder?.name ?? '') : (row.subjectName ?? b.holder?.name ?? ''),
    county,
    countyName: counties.get(county) ?? null,
    resolvedFrom: hit?.resolvedFrom ?? null,
  };
}

/** For a client system: OUT_OF_SCOPE when the batch exists (outside its regions), else BATCH_NOT_FOUND. */
export async function outOfScopeOrMissing(db: Executor, which: SQL): Promise<AppError> {
  const found = await queryRows<{ region_code: string }>(db, sql`SELECT region_code FROM batches WHERE ${which} LIMIT 1`);
  return found.length ? signatureError('OUT_OF_SCOPE', { reason: 'REGION' }) : traceError('BATCH_NOT_FOUND');
}
