import { CONSOLE_DOMAINS } from '../domains';
import { en } from './messages.en';
import type { MessageKey } from './messages.zh';

// Each domain's English (web/src/domains/<d>/messages.en.ts), found by its name and bundled into this file, which
// loads when English is chosen: the main chunk names none of them (issue 15 §9).
const DOMAIN_WORDS = import.meta.glob<Record<string, string>>('../domains/*/messages.en.ts', { eager: true, import: 'words' });

/** Every word of the console in English: the shell's, then each listed domain's in the list's order (as in Chinese). */
export async function loadEnglishWords(): Promise<Record<MessageKey, string>> {
  const domains = CONSOLE_DOMAINS.map((d) => DOMAIN_WORDS[`../domains/${d.name}/messages.en.ts`] ?? {});
  return Object.assign({}, en, ...domains) as Record<MessageKey, string>;
}
