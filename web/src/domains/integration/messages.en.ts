// The domain's words in English, one file to fetch when English is chosen (index.ts).
import { integrationEn } from './messages.integration.en';
import { epcisEn } from './messages.epcis.en';

export const integrationWords = { ...integrationEn, ...epcisEn };
