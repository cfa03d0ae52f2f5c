import { and, eq } from 'drizzle-orm';
import type { AgencyActor, CommandContext } from '../../../platform/auth/actor.js';
import { agencyActorIn } from '../../../platform/http/context.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Tx } from '../../../platform/db/client.js';
import { pgErrorCode } from '../../../platform/db/rows.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { regionWithin } from '../../../platform/auth/visibility.js';
import type { AgencyOut, AllocateIn, UserOut } from '../contracts.js';
import type { RegistryDeps } from '../deps.js';
import { registryError } from '../errors.js';
import { findAllocationOption, manageableRoles, REGION_LEVEL, regionFitsLevel } from '../policies.js';
import { findRegion } from '../../regions/index.js';
import { findVisibleAgency, listUsersOfAgency } from './queries.js';
import { agencies } from '../schema.js';
import { DEPARTMENT_INDUSTRIES } from '../departments.js';
import { insertUser } from './user.service.js';

/**
 * 账号分配: creates a lower or same-level agency together with its first account, exactly as the
 * allocation rules allow the actor (policies.ts). All or nothing.
 */
export async function allocateAgency(deps: RegistryDeps, ctx: CommandContext, input: AllocateIn): Promise<{ agency: AgencyOut; account: UserOut }> {
  const actor = agencyActorIn(ctx);
  const option = findAllocationOption(actor, input.kind, input.level);
  if (!option) throw registryError('ALLOCATION_NOT_ALLOWED', { kind: input.kind, level: input.level });
  if (!regionFitsLevel(input.level, input.regionCode)) {
    throw registryError('REGION_LEVEL_MISMATCH', { level: input.level, digits: [0, 2, 4, 6, 9][REGION_LEVEL[input.level]] });
  }
  if (!regionWithin(input.regionCode, option.regionWithin)) throw registryError('REGION_OUT_OF_JURISDICTION', { regionCode: input.regionCode });
  if (input.department !== 'agriculture' && input.kind !== 'supervision') throw registryError('DEPARTMENT_FOR_SUPERVISION', { kind: input.kind });
  if (input.department === 'agriculture' && input.industries) throw registryError('INDUSTRIES_FOR_DEPARTMENT');
  const industries = input.industries ? [...new Set(input.industries)].sort() : DEPARTMENT_INDUSTRIES[input.department];

  return withTransaction(deps.db, ctx, async (tx) => {
    // The ministry's level has no region row: '' is the whole country.
    const region = input.level === 'ministry' ? { level: 0 } : await findRegion(tx, input.regionCode);
    if (!region || region.level !== option.regionLevel) throw registryError('REGION_NOT_FOUND', { regionCode: input.regionCode });
    if (input.kind === 'supervision') {
      const existing = await tx
        .select({ id: agencies.id })
        .from(agencies)
        .where(and(eq(agencies.kind, 'supervision'), eq(agencies.level, input.level), eq(agencies.regionCode, input.regionCode), eq(agencies.department, input.department)));
      if (existing.length) throw registryError('AGENCY_EXISTS', { agencyId: existing[0]!.id, department: input.department });
    }
    const row = await insertAgency(tx, { name: input.name, kind: input.kind, level: input.level, regionCode: input.regionCode, department: input.department, industries, parentId: actor.agency.id, createdBy: actor.userId });
    await recordAudit(tx, ctx, {
      action: 'agency.create',
      targetType: 'agency',
      targetId: row.id,
      regionCode: input.regionCode,
      after: { name: row.name, kind: row.kind, level: row.level, regionCode: row.regionCode, department: row.department, industries: row.industries, parentId: row.parentId },
    });
    const account = await insertUser(deps, tx, ctx, row, { ...input.account, role: option.accountRole });
    const agency = await findVisibleAgency(tx, actor, row.id);
    return { agency: agency!, account };
  });
}

/**
 * allocateAgency's look-up sees only committed agencies: two allocations of one region running at once both pass it,
 * and the partial unique index (one supervision agency per level and region) stops the second here.
 */
async function insertAgency(tx: Tx, values: typeof agencies.$inferInsert) {
  try {
    const [row] = await tx.insert(agencies).values(values).returning();
    return row!;
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw registryError('AGENCY_EXISTS', { regionCode: values.regionCode, department: values.department });
    throw err;
  }
}

export async function agencyDetail(deps: RegistryDeps, actor: AgencyActor, id: string): Promise<AgencyOut> {
  const agency = await findVisibleAgency(deps.db, actor, id);
  if (!agency) throw registryError('AGENCY_NOT_FOUND');
  return agency;
}

export async function agencyUsers(deps: RegistryDeps, actor: AgencyActor, id: string, q: { q?: string | undefined; status?: string | undefined; limit: number; cursor?: string | undefined }) {
  const agency = await findVisibleAgency(deps.db, actor, id);
  if (!agency) throw registryError('AGENCY_NOT_FOUND');
  // Only the accounts the actor manages: a parent agency sees the administrators it appointed, not their staff.
  const roles = manageableRoles(actor, agency);
  if (roles.length === 0) throw registryError('ACCOUNTS_NOT_MANAGED');
  return listUsersOfAgency(deps.db, deps.pii, id, roles, q);
}
