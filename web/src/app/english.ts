import { CONSOLE_DOMAINS } from '../domains';
import type { MessageKey } from './messages.zh';

/** Every word of the console in English: the shell's and each domain's, fetched when English is chosen (issue 15 §9). */
export async function loadEnglishWords(): Promise<Record<MessageKey, string>> {
  const [shell, ...domains] = await Promise.all([import('./messages.en'), ...CONSOLE_DOMAINS.map((d) => d.messages.en())]);
  return Object.assign({}, shell.en, ...domains) as Record<MessageKey, string>;
}
