// The domain's words in English, found by name and fetched with all English when it is chosen (app/english.ts).
import type { EnglishOf } from '../../app/console-domain';
import type { analyticsConsole } from '.';
import { shellEn } from './messages.shell.en';
import { analyticsEn } from './messages.analytics.en';
import { monitorsEn } from './messages.monitors.en';

export const words: EnglishOf<typeof analyticsConsole> = { ...shellEn, ...analyticsEn, ...monitorsEn };
