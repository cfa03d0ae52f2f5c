// The domain's words in English, one file to fetch when English is chosen (index.ts).
import { subjectEn } from './messages.subject.en';
import { subjectExtraEn } from './messages.subject-extra.en';
import { passwordEn } from './messages.password.en';

export const registryWords = { ...subjectEn, ...subjectExtraEn, ...passwordEn };
