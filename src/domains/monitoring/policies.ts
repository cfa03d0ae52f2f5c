import type { AgencyActor } from '../../platform/auth/actor.js';
import { SAMPLING_TASK_KINDS as SAMPLING_KINDS } from './monitoring-values.shared.js';

/**
 * The task kinds a sample is taken under (seed 五(三)): risk monitoring, routine or special, and supervisory sampling;
 * a task an enforcement agency commissioned for its case is one of these too.
 */
export const SAMPLING_TASK_KINDS: readonly string[] = SAMPLING_KINDS;

/** Recipient statuses under which samples are taken: accepted and being worked on (not yet reported, closed or overdue). */
export const SAMPLING_STATUSES: readonly string[] = ['accepted', 'in_progress'];

export type SamplingRefusal = 'NOT_A_TESTING_AGENCY' | 'NOT_A_SAMPLING_TASK' | 'TASK_NOT_ACCEPTED' | 'TASK_NOT_OPEN' | 'NOT_ASSIGNED';

/** The actor's agency's receipt of the task (supervision's TaskReceipt, as far as the rule reads it). */
export type ReceiptFacts = { kind: string; status: string; accepted: boolean; assigneeIds: readonly string[] };

/**
 * Who may take a sample under a task: a user of a testing agency that received the task and accepted it, while it
 * is accepted or in progress, of a sampling kind, and who is one of the samplers assigned to it — or the agency's
 * admin, who assigns them. Answers the refusal that names the first rule broken, or null.
 */
export function samplingRefusal(actor: AgencyActor, receipt: ReceiptFacts): SamplingRefusal | null {
  if (actor.agency.kind !== 'testing') return 'NOT_A_TESTING_AGENCY';
  if (!SAMPLING_TASK_KINDS.includes(receipt.kind)) return 'NOT_A_SAMPLING_TASK';
  if (!receipt.accepted || receipt.status === 'published') return 'TASK_NOT_ACCEPTED';
  if (!SAMPLING_STATUSES.includes(receipt.status)) return 'TASK_NOT_OPEN';
  if (actor.role !== 'admin' && !receipt.assigneeIds.includes(actor.userId)) return 'NOT_ASSIGNED';
  return null;
}

/** The lab's own work on a sample (receive it, enter and correct its results): the users of the agency that took it. */
export function canWorkOnSample(actor: AgencyActor, sample: { agencyId: string }): boolean {
  return actor.agency.kind === 'testing' && actor.agency.id === sample.agencyId;
}

/** Supervision and enforcement agencies read the samples of their jurisdiction; a testing agency only its own. */
export function readsByRegion(actor: AgencyActor): boolean {
  return actor.agency.kind === 'supervision' || actor.agency.kind === 'enforcement';
}
