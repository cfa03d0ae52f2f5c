import type { In, Out } from '../../app/contract';
import type * as ops from '../../../../src/domains/ops/contracts';
import type * as feedback from '../../../../src/domains/ops/feedback/contracts';
import type { JOB_STATES } from '../../../../src/domains/ops/job-states.shared';

// The audit log, jobs, backups and feedback as the console reads and sends them: the server's contracts
// (src/domains/ops/contracts.ts, src/domains/ops/feedback/contracts.ts), dates as ISO strings.

export { JOB_STATES } from '../../../../src/domains/ops/job-states.shared';
export type JobState = (typeof JOB_STATES)[number];
export type AuditEntry = Out<typeof ops.auditEntryOut>;
/** The audit log's filters (its query without the paging). */
export type AuditFilters = In<typeof ops.auditFilterQuery>;
export type QueueJob = Out<typeof ops.jobOut>;
export type RetriedJob = Out<typeof ops.retriedJobOut>;
export type BackupRun = Out<typeof ops.backupRunOut>;

export { FEEDBACK_KINDS, FEEDBACK_STATES, SATISFACTION } from '../../../../src/domains/ops/feedback/feedback-states.shared';
export type { FeedbackKind, FeedbackState, Satisfaction } from '../../../../src/domains/ops/feedback/feedback-states.shared';
export type FeedbackSummary = Out<typeof feedback.feedbackSummaryOut>;
export type FeedbackEvent = Out<typeof feedback.feedbackEventOut>;
export type Feedback = Out<typeof feedback.feedbackOut>;
export type FeedbackRequest = In<typeof feedback.feedbackIn>;
/** The handlers' list filters (its query without the paging). */
export type FeedbackFilters = Omit<In<typeof feedback.feedbackListQuery>, 'limit' | 'cursor'>;
export type FeedbackStats = Out<typeof feedback.feedbackStatsOut>;
