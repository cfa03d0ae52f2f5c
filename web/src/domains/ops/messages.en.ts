// The domain's words in English, found by name and fetched with all English when it is chosen (app/english.ts).
import type { EnglishOf } from '../../app/console-domain';
import type { opsConsole } from '.';
import { shellEn } from './messages.shell.en';
import { opsEn } from './messages.ops.en';
import { feedbackEn } from './messages.feedback.en';
import { incidentsEn } from './messages.incidents.en';
import { auditFieldsEn } from './messages.audit-fields.en';
import { jobsEn } from './messages.jobs.en';

export const words: EnglishOf<typeof opsConsole> = { ...shellEn, ...opsEn, ...feedbackEn, ...incidentsEn, ...auditFieldsEn, ...jobsEn };
