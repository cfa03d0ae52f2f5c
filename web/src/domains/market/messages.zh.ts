// The domain's words in Chinese but those the shell shows (messages.shell.zh.ts): they load with its pages.
import { marketZh } from './messages.market.zh';

export const words = marketZh;
