import { and, desc, eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { withTransaction } from '../../../platform/db/tx.js';
import type { RegistryDeps } from '../deps.js';
import { subjectApplications } from '../schema.js';

/** At most this many codes come back (one identity number applying again and again). */
const MAX_CODES = 10;

/**
 * 找回查询码: the tracking codes of the applications made with this identity number AND this phone. Both are looked up
 * by their keyed hashes in one query, so a wrong number and a wrong phone cost the same and answer the same empty
 * list; knowing a number alone tells nothing (no enumeration oracle, issue 19). Every look-up is audited, found or not,
 * so the work done does not depend on the answer either. The route limits it per address.
 */
export async function recoverTrackingCodes(deps: RegistryDeps, ctx: CommandContext, input: { idNumber: string; phone: string }) {
  const rows = await deps.db
    .select({ id: subjectApplications.id, trackingCode: subjectApplications.trackingCode, name: subjectApplications.name, status: subjectApplications.status, submittedAt: subjectApplications.submittedAt, regionCode: subjectApplications.regionCode })
    .from(subjectApplications)
    .where(and(eq(subjectApplications.idHash, deps.pii.hash(input.idNumber)), eq(subjectApplications.phoneHash, deps.pii.hash(input.phone))))
    .orderBy(desc(subjectApplications.submittedAt))
    .limit(MAX_CODES);
  await withTransaction(deps.db, ctx, async (tx) => {
    const first = rows[0];
    await recordAudit(tx, ctx, {
      action: 'application.recover_code',
      targetType: 'subject_application',
      targetId: first?.id ?? 'none',
      regionCode: first?.regionCode ?? '',
      after: { found: rows.length },
    });
  });
  return { items: rows.map(({ trackingCode, name, status, submittedAt }) => ({ trackingCode, name, status, submittedAt })) };
}
