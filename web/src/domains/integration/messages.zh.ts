// The domain's words in Chinese but those the shell shows (messages.shell.zh.ts): a chunk of their own, which
// loads with the domain's pages (app/words.ts), not with the main code (issue 15 §9).
import { epcisZh } from './messages.epcis.zh';
import { integrationZh } from './messages.integration.zh';
import { exchangeZh } from './messages.exchange.zh';
import { certificationZh } from './messages.certification.zh';
import { outboundZh } from './messages.outbound.zh';

export const words = {
  ...integrationZh,
  ...epcisZh,
  ...exchangeZh,
  ...certificationZh,
  ...outboundZh,
};
