// The domain's words in English, found by name and fetched with all English when it is chosen (app/english.ts).
import type { EnglishOf } from '../../app/console-domain';
import type { helpConsole } from '.';
import { shellEn } from './messages.shell.en';
import { helpEn } from './messages.help.en';

export const words: EnglishOf<typeof helpConsole> = { ...shellEn, ...helpEn };
