// The domain's words in English, found by name and fetched with all English when it is chosen (app/english.ts).
import type { EnglishOf } from '../../app/console-domain';
import type { supervisionConsole } from '.';
import { shellEn } from './messages.shell.en';
import { supervisionEn } from './messages.supervision.en';

export const words: EnglishOf<typeof supervisionConsole> = { ...shellEn, ...supervisionEn };
