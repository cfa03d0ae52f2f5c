// The domain's words in English, found by name and fetched with all English when it is chosen (app/english.ts).
import type { EnglishOf } from '../../app/console-domain';
import type { registryConsole } from '.';
import { shellEn } from './messages.shell.en';
import { subjectEn } from './messages.subject.en';
import { subjectExtraEn } from './messages.subject-extra.en';
import { passwordEn } from './messages.password.en';

export const words: EnglishOf<typeof registryConsole> = { ...shellEn, ...subjectEn, ...subjectExtraEn, ...passwordEn };
