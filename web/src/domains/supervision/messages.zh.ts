// The domain's words in Chinese but those the shell shows (messages.shell.zh.ts): a chunk of their own, which
// loads with the domain's pages (app/words.ts), not with the main code (issue 15 §9).
import { supervisionZh } from './messages.supervision.zh';

export const words = supervisionZh;
