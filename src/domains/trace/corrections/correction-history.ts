import { and, eq } from 'drizzle-orm';
import type { CommandContext, SubjectActor } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { AuditTargetType } from '../../../platform/audit/catalog.js';
import type { Executor, Tx } from '../../../platform/db/client.js';
import { keyset } from '../../../platform/http/pagination.js';
import { firstPageTotal, totalField } from '../../../platform/http/list-total.js';
import type { CorrectionTarget } from './correction.contracts.js';
import { traceError } from '../errors.js';
import { batches, productionBases, products, traceCorrections } from '../schema.js';

// 修改记录: each correction or void leaves one row here with the earlier values, and the same change in the audit
// log, in the transaction that made it — so a record's history is never missing a change, nor shows one that failed.

type Change = {
  target: CorrectionTarget;
  targetId: string;
  kind: 'edit' | 'void';
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  reason: string;
  regionCode: string;
};

const AUDIT_TARGET: Record<CorrectionTarget, AuditTargetType> = { batch: 'batch', product: 'product', base: 'production_base' };

export async function recordCorrection(tx: Tx, ctx: CommandContext, actor: SubjectActor, c: Change): Promise<void> {
  await tx.insert(traceCorrections).values({
    targetType: c.target,
    targetId: c.targetId,
    subjectId: actor.subject.id,
    kind: c.kind,
    before: c.before,
    after: c.after,
    reason: c.reason,
    actorId: actor.userId,
    actorName: (actor.displayName || actor.username).slice(0, 100),
  });
  await recordAudit(tx, ctx, {
    action: `trace.${c.target}_${c.kind === 'void' ? 'void' : 'correct'}`,
    targetType: AUDIT_TARGET[c.target],
    targetId: c.targetId,
    regionCode: c.regionCode,
    before: c.before,
    after: { ...c.after, reason: c.reason },
  });
}

/** The fields of `next` whose values differ from `current`: what a correction changes, before and after. */
export function changedFields<T extends Record<string, unknown>>(current: T, next: Partial<T>): { before: Partial<T>; after: Partial<T> } {
  const before: Partial<T> = {};
  const after: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    const value = next[key];
    if (value === undefined || JSON.stringify(value) === JSON.stringify(current[key])) continue;
    before[key] = current[key];
    after[key] = value;
  }
  return { before, after };
}

const OWNED: Record<CorrectionTarget, { table: typeof batches | typeof products | typeof productionBases }> = {
  batch: { table: batches },
  product: { table: products },
  base: { table: productionBases },
};

/** A record's history, newest first, for the subject that owns it (anyone else: 404 as for a record that does not exist). */
export async function listCorrections(db: Executor, actor: SubjectActor, target: CorrectionTarget, targetId: string, q: { limit: number; cursor?: string | undefined }) {
  const { table } = OWNED[target];
  const [owned] = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.id, targetId), eq(table.subjectId, actor.subject.id)));
  if (!owned) throw traceError(target === 'batch' ? 'BATCH_NOT_FOUND' : target === 'product' ? 'PRODUCT_NOT_FOUND' : 'BASE_NOT_FOUND');
  const page = keyset({ sort: traceCorrections.at, id: traceCorrections.id, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const ofRecord = and(eq(traceCorrections.targetType, target), eq(traceCorrections.targetId, targetId));
  const [rows, total] = await Promise.all([
    db.select().from(traceCorrections).where(and(ofRecord, page.where)).orderBy(...page.orderBy).limit(page.take),
    firstPageTotal(db, q.cursor, () => db.select({ id: traceCorrections.id }).from(traceCorrections).where(ofRecord).$dynamic()),
  ]);
  const result = page.page(rows, (r) => [r.at, r.id]);
  return {
    nextCursor: result.nextCursor,
    ...totalField(total),
    items: result.items.map((r) => ({ id: r.id, kind: r.kind as 'edit' | 'void', before: r.before, after: r.after, reason: r.reason, actorName: r.actorName, at: r.at })),
  };
}
