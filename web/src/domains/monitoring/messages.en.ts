// The domain's words in English, found by name and fetched with all English when it is chosen (app/english.ts).
import type { EnglishOf } from '../../app/console-domain';
import type { monitoringConsole } from '.';
import { shellEn } from './messages.shell.en';
import { monitoringEn } from './messages.monitoring.en';
import { referenceEn } from './messages.reference.en';

export const words: EnglishOf<typeof monitoringConsole> = { ...shellEn, ...monitoringEn, ...referenceEn };
