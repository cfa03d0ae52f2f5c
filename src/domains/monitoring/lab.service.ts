import { and, asc, eq, notInArray } from 'drizzle-orm';
import type { AgencyActor, CommandContext } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Executor } from '../../platform/db/client.js';
import { readsOf } from '../../platform/db/rows.js';
import { withTransaction } from '../../platform/db/tx.js';
import { agencyActorIn } from '../../platform/http/context.js';
import { activeMembersOf, agencyMembers, agencyNames, userNames } from '../registry/index.js';
import type { LabSettingsOut } from './contracts.js';
import type { MonitoringDeps } from './deps.js';
import { monitoringError } from './errors.js';
import { labApprovers, labProfiles } from './schema.js';

// 实验室设置: a testing agency's admin sets the qualification number its reports print (CMA) and which of its users
// approve reports (授权签字人). Every user of the lab reads them (the bench shows who may approve).

function assertLab(actor: AgencyActor): void {
  if (actor.agency.kind !== 'testing') throw monitoringError('NOT_A_TESTING_AGENCY');
}

export async function labSettings(db: Executor, actor: AgencyActor): Promise<LabSettingsOut> {
  assertLab(actor);
  const agencyId = actor.agency.id;
  const [[profile], approvers, names] = await readsOf(db, [
    () => db.select().from(labProfiles).where(eq(labProfiles.agencyId, agencyId)),
    () => db.select({ userId: labApprovers.userId }).from(labApprovers).where(eq(labApprovers.agencyId, agencyId)).orderBy(asc(labApprovers.grantedAt)),
    () => agencyNames(db, [agencyId]),
  ]);
  const approverNames = await userNames(db, approvers.map((a) => a.userId));
  return {
    agencyId,
    agencyName: names.get(agencyId) ?? '',
    cmaNo: profile?.cmaNo ?? null,
    approvers: approvers.map((a) => ({ userId: a.userId, displayName: approverNames.get(a.userId) ?? '' })),
    members: actor.role === 'admin' ? await activeMembersOf(db, agencyId) : [],
  };
}

/** The admin sets both at once (the form shows both); approvers must be active accounts of the lab. */
export async function updateLabSettings(deps: MonitoringDeps, ctx: CommandContext, input: { cmaNo: string | null; approverIds: string[] }): Promise<LabSettingsOut> {
  const actor = agencyActorIn(ctx);
  assertLab(actor);
  if (actor.role !== 'admin') throw monitoringError('NOT_LAB_ADMIN');
  const agencyId = actor.agency.id;
  const ids = [...new Set(input.approverIds)];
  await withTransaction(deps.db, ctx, async (tx) => {
    if ((await agencyMembers(tx, agencyId, ids)).length !== ids.length) throw monitoringError('APPROVER_NOT_MEMBER');
    const before = await labSettings(tx, actor);
    await tx
      .insert(labProfiles)
      .values({ agencyId, cmaNo: input.cmaNo, updatedBy: actor.userId })
      .onConflictDoUpdate({ target: labProfiles.agencyId, set: { cmaNo: input.cmaNo, updatedBy: actor.userId, updatedAt: new Date() } });
    await tx.delete(labApprovers).where(and(eq(labApprovers.agencyId, agencyId), ids.length ? notInArray(labApprovers.userId, ids) : undefined));
    if (ids.length) await tx.insert(labApprovers).values(ids.map((userId) => ({ agencyId, userId, grantedBy: actor.userId }))).onConflictDoNothing();
    await recordAudit(tx, ctx, {
      action: 'monitoring.lab_settings',
      targetType: 'agency',
      targetId: agencyId,
      regionCode: actor.agency.regionCode,
      before: { cmaNo: before.cmaNo, approvers: before.approvers.map((a) => a.userId) },
      after: { cmaNo: input.cmaNo, approvers: ids },
    });
  });
  return labSettings(deps.db, actor);
}

