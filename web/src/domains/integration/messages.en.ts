// The domain's words in English, found by name and fetched with all English when it is chosen (app/english.ts).
import type { EnglishOf } from '../../app/console-domain';
import type { integrationConsole } from '.';
import { shellEn } from './messages.shell.en';
import { integrationEn } from './messages.integration.en';
import { epcisEn } from './messages.epcis.en';
import { exchangeEn } from './messages.exchange.en';
import { certificationEn } from './messages.certification.en';
import { outboundEn } from './messages.outbound.en';

export const words: EnglishOf<typeof integrationConsole> = { ...shellEn, ...integrationEn, ...epcisEn, ...exchangeEn, ...certificationEn, ...outboundEn };
