// The domain's words in Chinese but those the shell shows (messages.shell.zh.ts): a chunk of their own, which
// loads with the domain's pages (app/words.ts), not with the main code (issue 15 §9).
import { auditFieldsZh } from './messages.audit-fields.zh';
import { feedbackZh } from './messages.feedback.zh';
import { incidentsZh } from './messages.incidents.zh';
import { jobsZh } from './messages.jobs.zh';
import { opsZh } from './messages.ops.zh';

export const words = { ...opsZh, ...feedbackZh, ...incidentsZh, ...auditFieldsZh, ...jobsZh };
