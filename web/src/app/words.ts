import { useSyncExternalStore } from 'react';
import { CONSOLE_DOMAINS } from '../domains';
import { shellZh, type MessageKey } from './messages.zh';

// The console's Chinese words as they arrive (issue 15 §9): the main code carries the shell's and each domain's
// shell words (menu labels, header widgets); each domain's other words are a chunk of their own, loaded with its
// pages. A page of a domain waits for them (App.tsx): a page a phone opens cold (lazyPage) for its own domain's only,
// any other page for every domain's, since pages use words of other domains too (a recall notice's, a subject's
// status). Once the first page has shown, the rest load in the background, so moving on waits for nothing.

export type WordsOf = string | 'all';

const words: Partial<Record<MessageKey, string>> = { ...shellZh };
const loading = new Map<string, Promise<void>>();
const loaded = new Set<string>();
const listeners = new Set<() => void>();
let version = 0;
let all: Promise<void> | null = null;

/** One domain's words; the same promise until they fail (a failed fetch is tried again at the next need). */
export function loadDomainWords(name: string): Promise<void> {
  let pending = loading.get(name);
  if (pending) return pending;
  const domain = CONSOLE_DOMAINS.find((d) => d.name === name);
  if (!domain) return Promise.resolve();
  pending = domain.messages.zh().then((more) => {
    Object.assign(words, more);
    loaded.add(name);
    version += 1;
    for (const listener of listeners) listener();
  });
  pending.catch(() => loading.delete(name));
  loading.set(name, pending);
  return pending;
}

/** Every domain's words. */
export function loadAllWords(): Promise<void> {
  all ??= Promise.all(CONSOLE_DOMAINS.map((d) => loadDomainWords(d.name))).then(() => undefined);
  all.catch(() => (all = null));
  return all;
}

export const wordsFor = (of: WordsOf): Promise<void> => (of === 'all' ? loadAllWords() : loadDomainWords(of));

export const wordsLoaded = (of: WordsOf): boolean => (of === 'all' ? CONSOLE_DOMAINS.every((d) => loaded.has(d.name)) : loaded.has(of));

/** The Chinese words loaded so far (one object, added to as domains' words arrive). */
export const zhWords = (): Partial<Record<MessageKey, string>> => words;

/** Every Chinese word of the console, once all have loaded (tests compare it with the English). */
export async function loadChineseWords(): Promise<Record<MessageKey, string>> {
  await loadAllWords();
  return { ...words } as Record<MessageKey, string>;
}

/** Re-renders the caller as more words arrive. */
export function useWordsVersion(): number {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => version,
  );
}
