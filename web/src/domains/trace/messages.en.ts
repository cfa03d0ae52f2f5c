// The domain's words in English, one file to fetch when English is chosen (index.ts).
import { traceEn } from './messages.trace.en';
import { lookupEn } from './messages.lookup.en';
import { correctionsEn } from './messages.corrections.en';

export const traceWords = { ...traceEn, ...lookupEn, ...correctionsEn };
