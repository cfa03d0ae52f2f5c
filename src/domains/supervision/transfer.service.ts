import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { AgencyActor, CommandContext } from '../../platform/auth/actor.js';
import { inAgencyJurisdiction } from '../../platform/auth/jurisdiction.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Executor, Tx } from '../../platform/db/client.js';
import { pgErrorCode } from '../../platform/db/rows.js';
import { withTransaction } from '../../platform/db/tx.js';
import { agencyActorIn } from '../../platform/http/context.js';
import { keyset } from '../../platform/http/pagination.js';
import { firstPageTotal, totalField } from '../../platform/http/list-total.js';
import { listScopeWhere } from '../../platform/http/list-scope.js';
import type { ListScope } from '../../platform/http/list-scope.shared.js';
import { activeAgencies, agencyNames, enforcementAgenciesOver } from '../registry/index.js';
import type { InspectionOut, TransferOut } from './contracts.js';
import type { SupervisionDeps } from './deps.js';
import { supervisionError } from './errors.js';
import { findVisibleInspection, inspectionDetail } from './inspection.queries.js';
import { inspections, supervisionTransfers } from './schema.js';
import { transferJurisdictionVisibility, transferVisibility } from './visibility.js';

/**
 * 移交执法: a problem found in an inspection goes to an enforcement agency whose jurisdiction covers the subject,
 * with the inspection (checklist, photos, findings) as its evidence. One transfer per inspection.
 */
export async function transferInspection(deps: SupervisionDeps, ctx: CommandContext, inspectionId: string, input: { toAgencyId: string; reason: string }): Promise<InspectionOut> {
  const actor = agencyActorIn(ctx);
  const inspection = await findVisibleInspection(deps.db, actor, inspectionId);
  if (!inspection) throw supervisionError('INSPECTION_NOT_FOUND');
  if (inspection.conclusion !== 'problem') throw supervisionError('TRANSFER_NEEDS_PROBLEM');
  const [target] = await activeAgencies(deps.db, [input.toAgencyId]);
  if (!target || target.kind !== 'enforcement' || !inAgencyJurisdiction(target, inspection.regionCode)) throw supervisionError('TRANSFER_TARGET_INVALID');
  try {
    await withTransaction(deps.db, ctx, async (tx) => {
      const [taken] = await tx.select({ id: supervisionTransfers.id }).from(supervisionTransfers).where(eq(supervisionTransfers.inspectionId, inspectionId)).for('update');
      if (taken) throw supervisionError('ALREADY_TRANSFERRED');
      const [row] = await tx
        .insert(supervisionTransfers)
        .values({ inspectionId, toAgencyId: target.id, fromAgencyId: actor.agency.id, regionCode: inspection.regionCode, reason: input.reason, createdBy: actor.userId })
        .returning({ id: supervisionTransfers.id });
      await recordAudit(tx, ctx, { action: 'supervision.transfer', targetType: 'inspection', targetId: inspectionId, regionCode: inspection.regionCode, after: { transferId: row!.id, toAgencyId: target.id, reason: input.reason } });
    });
  } catch (err) {
    // Two transfers of one inspection at once: the second finds no row to lock and waits on the unique index.
    if (pgErrorCode(err) === '23505') throw supervisionError('ALREADY_TRANSFERRED');
    throw err;
  }
  return inspectionDetail(deps.db, actor, inspectionId);
}

/** The enforcement agencies an inspection's problem may go to: those whose jurisdiction covers the subject. */
export async function transferOptions(deps: SupervisionDeps, actor: AgencyActor, inspectionId: string) {
  const inspection = await findVisibleInspection(deps.db, actor, inspectionId);
  if (!inspection) throw supervisionError('INSPECTION_NOT_FOUND');
  return { items: await enforcementAgenciesOver(deps.db, inspection.regionCode) };
}

type TransferRow = typeof supervisionTransfers.$inferSelect;

async function toOut(db: Executor, rows: { t: TransferRow; subjectId: string; subjectName: string; findings: string | null }[]): Promise<TransferOut[]> {
  const names = await agencyNames(db, rows.flatMap((r) => [r.t.fromAgencyId, r.t.toAgencyId]));
  return rows.map(({ t, subjectId, subjectName, findings }) => ({
    id: t.id,
    inspectionId: t.inspectionId,
    subjectId,
    subjectName,
    fromAgencyName: names.get(t.fromAgencyId) ?? '',
    toAgencyId: t.toAgencyId,
    toAgencyName: names.get(t.toAgencyId) ?? '',
    regionCode: t.regionCode,
    reason: t.reason,
    findings,
    status: t.status,
    caseId: t.caseId,
    createdAt: t.createdAt,
  }));
}

const transferColumns = { t: supervisionTransfers, subjectId: inspections.subjectId, subjectName: inspections.subjectName, findings: inspections.findings };

/** 移交收件箱: transfers sent to the actor's enforcement agency, waiting ones by default, newest first. */
export async function transfersTo(db: Executor, actor: AgencyActor, q: { status?: string | undefined; box?: 'inbox' | 'jurisdiction' | undefined; limit: number; cursor?: string | undefined } & ListScope) {
  const page = keyset({ sort: supervisionTransfers.createdAt, id: supervisionTransfers.id, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const filters: (SQL | undefined)[] = [
    (q.box === 'jurisdiction' ? transferJurisdictionVisibility : transferVisibility).filter(actor),
    q.status ? eq(supervisionTransfers.status, q.status) : undefined,
    ...listScopeWhere(q, supervisionTransfers.regionCode, supervisionTransfers.createdAt),
  ];
  const [rows, total] = await Promise.all([
    db
      .select(transferColumns)
      .from(supervisionTransfers)
      .innerJoin(inspections, eq(inspections.id, supervisionTransfers.inspectionId))
      .where(and(...filters, page.where))
      .orderBy(...page.orderBy)
      .limit(page.take),
    // Every transfer has its inspection (a foreign key): the transfers alone are counted.
    firstPageTotal(db, q.cursor, () => db.select({ id: supervisionTransfers.id }).from(supervisionTransfers).where(and(...filters)).$dynamic()),
  ]);
  const result = page.page(rows, (r) => [r.t.createdAt, r.t.id]);
  return { items: await toOut(db, result.items), nextCursor: result.nextCursor, ...totalField(total) };
}

/** A waiting transfer to the actor's agency, locked in the case's transaction; what the case is opened with. */
export async function takeTransfer(tx: Tx, actor: AgencyActor, transferId: string) {
  const [row] = await tx
    .select(transferColumns)
    .from(supervisionTransfers)
    .innerJoin(inspections, eq(inspections.id, supervisionTransfers.inspectionId))
    .where(and(eq(supervisionTransfers.id, transferId), transferVisibility.filter(actor)))
    .for('update', { of: supervisionTransfers });
  if (!row) throw supervisionError('TRANSFER_NOT_FOUND');
  if (row.t.status !== 'pending') throw supervisionError('TRANSFER_TAKEN');
  return { ...(await toOut(tx, [row]))[0]!, markTaken: (caseId: string) => tx.update(supervisionTransfers).set({ status: 'accepted', caseId }).where(eq(supervisionTransfers.id, transferId)) };
}

/** The transfer a case came from, for the case page (the inspection's evidence is one link away). */
export async function transferById(db: Executor, id: string): Promise<TransferOut | undefined> {
  const rows = await db.select(transferColumns).from(supervisionTransfers).innerJoin(inspections, eq(inspections.id, supervisionTransfers.inspectionId)).where(eq(supervisionTransfers.id, id)).orderBy(desc(supervisionTransfers.createdAt));
  return (await toOut(db, rows))[0];
}
