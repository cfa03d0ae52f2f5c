// The domain's words in English, one file to fetch when English is chosen (index.ts).
import { opsEn } from './messages.ops.en';
import { feedbackEn } from './messages.feedback.en';
import { incidentsEn } from './messages.incidents.en';
import { auditFieldsEn } from './messages.audit-fields.en';
import { jobsEn } from './messages.jobs.en';

export const opsWords = { ...opsEn, ...feedbackEn, ...incidentsEn, ...auditFieldsEn, ...jobsEn };
