import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { labApprovers, labProfiles } from './schema.js';

/** Whether the user is one of the lab's approvers (授权签字人). */
export async function isApprover(db: Executor, agencyId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: labApprovers.userId })
    .from(labApprovers)
    .where(and(eq(labApprovers.agencyId, agencyId), eq(labApprovers.userId, userId)));
  return Boolean(row);
}

/** The lab's qualification number (CMA) as its admin set it; null until set. */
export async function labCmaNo(db: Executor, agencyId: string): Promise<string | null> {
  const [row] = await db.select({ cmaNo: labProfiles.cmaNo }).from(labProfiles).where(eq(labProfiles.agencyId, agencyId));
  return row?.cmaNo ?? null;
}
