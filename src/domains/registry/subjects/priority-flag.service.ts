import { eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { agencyActorIn } from '../../../platform/http/context.js';
import type { RegistryDeps } from '../deps.js';
import { canSetPriorityFlag } from '../policies.js';
import { subjects } from '../schema.js';
import { subjectVisibility } from '../visibility.js';
import { PRIORITY_FLAG_SETTER, PRIORITY_FLAGS, type PriorityFlag } from './priority-flags.shared.js';
import type { SubjectDetailOut } from './subject.contracts.js';
import { subjectError } from './subject.errors.js';
import { lockSubject } from './subject.queries.js';
import { subjectDetail } from './subject.service.js';

/**
 * 设定 / 取消重点主体标识: the agency whose level recognises the flag, on a registered subject of its jurisdiction,
 * with a reason kept in the audit log (the subject's history shows it). Setting a flag it has, or clearing one it
 * lacks, is refused rather than recorded as an act nobody did.
 */
export async function setPriorityFlag(deps: RegistryDeps, ctx: CommandContext, id: string, input: { flag: PriorityFlag; set: boolean; reason: string }): Promise<SubjectDetailOut> {
  const actor = agencyActorIn(ctx);
  await withTransaction(deps.db, ctx, async (tx) => {
    const s = await lockSubject(tx, id);
    if (!s || !subjectVisibility.allows(actor, s)) throw subjectError('SUBJECT_NOT_FOUND');
    if (!canSetPriorityFlag(actor, input.flag, s)) throw subjectError('PRIORITY_FLAG_NOT_YOURS', { flag: input.flag, setter: PRIORITY_FLAG_SETTER[input.flag] });
    if (s.status === 'temporary') throw subjectError('PRIORITY_FLAG_TEMPORARY');
    const had = s.priorityFlags.includes(input.flag);
    if (had === input.set) throw subjectError('PRIORITY_FLAG_UNCHANGED', { flag: input.flag, set: input.set });
    const next = input.set ? [...s.priorityFlags, input.flag] : s.priorityFlags.filter((f) => f !== input.flag);
    // Kept in the order of PRIORITY_FLAGS, so the same set is always the same array (the analytics trigger compares them).
    const ordered = PRIORITY_FLAGS.filter((f) => next.includes(f));
    await tx.update(subjects).set({ priorityFlags: ordered, updatedAt: new Date() }).where(eq(subjects.id, id));
    await recordAudit(tx, ctx, {
      action: input.set ? 'subject.priority_set' : 'subject.priority_clear',
      targetType: 'subject',
      targetId: id,
      regionCode: s.regionCode,
      before: { priorityFlags: s.priorityFlags },
      after: { priorityFlags: ordered, flag: input.flag, reason: input.reason },
    });
  });
  return subjectDetail(deps, actor, id);
}
