// The domain's words in English, found by name and fetched with all English when it is chosen (app/english.ts).
import type { EnglishOf } from '../../app/console-domain';
import type { marketConsole } from '.';
import { shellEn } from './messages.shell.en';
import { marketEn } from './messages.market.en';

export const words: EnglishOf<typeof marketConsole> = { ...shellEn, ...marketEn };
