// The domain's words in English, found by name and fetched with all English when it is chosen (app/english.ts).
import type { EnglishOf } from '../../app/console-domain';
import type { traceConsole } from '.';
import { shellEn } from './messages.shell.en';
import { traceEn } from './messages.trace.en';
import { lookupEn } from './messages.lookup.en';
import { correctionsEn } from './messages.corrections.en';
import { showcaseEn } from './messages.showcase.en';
import { fsmaPeriodEn } from './messages.fsma-period.en';
import { animalEn } from './messages.animal.en';

export const words: EnglishOf<typeof traceConsole> = { ...shellEn, ...traceEn, ...lookupEn, ...correctionsEn, ...showcaseEn, ...fsmaPeriodEn, ...animalEn };
