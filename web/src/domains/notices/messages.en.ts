// The domain's words in English, found by name and fetched with all English when it is chosen (app/english.ts).
import type { EnglishOf } from '../../app/console-domain';
import type { noticesConsole } from '.';
import { shellEn } from './messages.shell.en';
import { noticesEn } from './messages.notices.en';

export const words: EnglishOf<typeof noticesConsole> = { ...shellEn, ...noticesEn };
