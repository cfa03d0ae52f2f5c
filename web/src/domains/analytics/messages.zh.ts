// The domain's words in Chinese but those the shell shows (messages.shell.zh.ts): a chunk of their own, which
// loads with the domain's pages (app/words.ts), not with the main code (issue 15 §9).
import { analyticsZh } from './messages.analytics.zh';
import { monitorsZh } from './messages.monitors.zh';

export const words = { ...analyticsZh, ...monitorsZh };
