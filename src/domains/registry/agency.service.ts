import { and, eq } from 'drizzle-orm';
import type { Actor, CommandContext } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { withTransaction } from '../../platform/db/tx.js';
import type { AgencyOut, AllocateIn, UserOut } from './contracts.js';
import type { RegistryDeps } from './deps.js';
import { registryError } from './errors.js';
import { canListUsers, findAllocationOption, REGION_LEVEL, regionFitsLevel } from './policies.js';
import { findRegion, findVisibleAgency, listUsersOfAgency } from './queries.js';
import { agencies } from './schema.js';
import { insertUser } from './user.service.js';

/**
 * 账号分配: creates a lower or same-level agency together with its first account, exactly as the
 * allocation rules allow the actor (policies.ts). All or nothing.
 */
export async function allocateAgency(deps: RegistryDeps, ctx: CommandContext, input: AllocateIn): Promise<{ agency: AgencyOut; account: UserOut }> {
  const actor = ctx.actor!;
  const option = findAllocationOption(actor, input.kind, input.level);
  if (!option) throw registryError('ALLOCATION_NOT_ALLOWED', { kind: input.kind, level: input.level });
  if (!regionFitsLevel(input.level, input.regionCode)) {
    throw registryError('REGION_LEVEL_MISMATCH', { level: input.level, digits: [0, 2, 4, 6, 9][REGION_LEVEL[input.level]] });
  }
  if (!input.regionCode.startsWith(option.regionWithin)) throw registryError('REGION_OUT_OF_JURISDICTION', { regionCode: input.regionCode });

  return withTransaction(deps.db, ctx, async (tx) => {
    const region = await findRegion(tx, input.regionCode);
    if (!region || region.level !== option.regionLevel) throw registryError('REGION_NOT_FOUND', { regionCode: input.regionCode });
    if (input.kind === 'supervision') {
      const existing = await tx
        .select({ id: agencies.id })
        .from(agencies)
        .where(and(eq(agencies.kind, 'supervision'), eq(agencies.level, input.level), eq(agencies.regionCode, input.regionCode)));
      if (existing.length) throw registryError('AGENCY_EXISTS', { agencyId: existing[0]!.id });
    }
    const [row] = await tx
      .insert(agencies)
      .values({ name: input.name, kind: input.kind, level: input.level, regionCode: input.regionCode, parentId: actor.agency.id, createdBy: actor.userId })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'agency.create',
      targetType: 'agency',
      targetId: row!.id,
      regionCode: input.regionCode,
      after: { name: row!.name, kind: row!.kind, level: row!.level, regionCode: row!.regionCode, parentId: row!.parentId },
    });
    const account = await insertUser(deps, tx, ctx, row!, { ...input.account, role: option.accountRole });
    const agency = await findVisibleAgency(tx, actor, row!.id);
    return { agency: agency!, account };
  });
}

export async function agencyDetail(deps: RegistryDeps, actor: Actor, id: string): Promise<AgencyOut> {
  const agency = await findVisibleAgency(deps.db, actor, id);
  if (!agency) throw registryError('AGENCY_NOT_FOUND');
  return agency;
}

export async function agencyUsers(deps: RegistryDeps, actor: Actor, id: string, q: { q?: string | undefined; status?: string | undefined; limit: number; cursor?: string | undefined }) {
  const agency = await findVisibleAgency(deps.db, actor, id);
  if (!agency) throw registryError('AGENCY_NOT_FOUND');
  if (!canListUsers(actor, agency)) throw registryError('ALLOCATION_NOT_ALLOWED');
  return listUsersOfAgency(deps.db, deps.pii, id, q);
}
