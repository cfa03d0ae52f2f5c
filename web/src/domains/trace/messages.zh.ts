// The domain's words in Chinese but those the shell shows (messages.shell.zh.ts): a chunk of their own, which
// loads with the domain's pages (app/words.ts), not with the main code (issue 15 §9).
import { correctionsZh } from './messages.corrections.zh';
import { lookupZh } from './messages.lookup.zh';
import { traceZh } from './messages.trace.zh';
import { showcaseZh } from './messages.showcase.zh';
import { fsmaPeriodZh } from './messages.fsma-period.zh';
import { animalZh } from './messages.animal.zh';

export const words = {
  ...traceZh,
  ...lookupZh,
  ...correctionsZh,
  ...showcaseZh,
  ...fsmaPeriodZh,
  ...animalZh,
};
