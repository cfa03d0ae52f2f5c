import { App as AntApp, ConfigProvider } from 'antd';
import type { Locale } from 'antd/es/locale';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from './api-error';
import { THEME } from './theme';
import type { MessageKey } from './messages.zh';
import { loadAllWords, useWordsVersion, wordsLoaded, zhWords } from './words';

export type Lang = 'zh' | 'en';
type Vars = Record<string, string | number>;

export type I18n = {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, vars?: Vars) => string;
  /** The text to show for any thrown error: the server's message in the current language. */
  errorText: (error: unknown) => string;
};

const STORAGE_KEY = 'tracenet.lang';

type Words = { messages: Partial<Record<MessageKey, string>>; antd: Locale };
// The Chinese words as loaded so far (words.ts): one object that grows as domains' words arrive.
const ZH: Words = { messages: zhWords(), antd: zhCN };

/**
 * The English words (the console's and antd's) load when English is chosen: most readers use Chinese, and a phone
 * opening a page cold should not download a second language (issue 15 §9).
 */
let english: Promise<Words> | null = null;
function loadEnglish(): Promise<Words> {
  english ??= Promise.all([import('./english').then((m) => m.loadEnglishWords()), import('antd/es/locale/en_US')]).then(([messages, a]) => ({ messages, antd: a.default }));
  english.catch(() => (english = null));
  return english;
}

function initialLang(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'zh' || stored === 'en') return stored;
  } catch {
    /* storage unavailable */
  }
  return 'zh';
}

function fill(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const [words, setWords] = useState<Words | null>(() => (lang === 'zh' ? ZH : null));

  // A switch to English takes effect once its words have come (a moment on a slow network); until then the page
  // stays as it was, or, for a reader who chose English before, blank rather than in the other language.
  useEffect(() => {
    let current = true;
    if (lang === 'zh') setWords(ZH);
    else
      void loadEnglish().then(
        (loaded) => current && setWords(loaded),
        () => current && setLangState('zh'),
      );
    return () => {
      current = false;
    };
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* storage unavailable */
    }
  }, []);

  const version = useWordsVersion();
  const shown: Lang | null = words === ZH ? 'zh' : words ? 'en' : null;

  // Once the first page has shown, every domain's words load in the background: moving on to another page then
  // waits for none of them. Not before: on a phone's first load they would share its network with the page's code.
  useEffect(() => {
    const later = () => setTimeout(() => void loadAllWords().catch(() => undefined), 1000);
    if (document.readyState === 'complete') later();
    else window.addEventListener('load', later, { once: true });
    return () => window.removeEventListener('load', later);
  }, []);
  useEffect(() => {
    if (!shown) return;
    document.documentElement.lang = shown === 'zh' ? 'zh-CN' : 'en';
    document.title = shown === 'zh' ? '追溯一张网 Tracenet' : 'Tracenet 追溯一张网';
    dayjs.locale(shown === 'zh' ? 'zh-cn' : 'en');
  }, [shown]);

  const value = useMemo<I18n | null>(() => {
    if (!words || !shown) return null;
    const dict = words.messages;
    const t = (key: MessageKey, vars?: Vars) => {
      const text = dict[key];
      if (text !== undefined) return fill(text, vars);
      // A word of a domain whose words have not come yet (a page waits for its own domain's): blank for the moment,
      // never the raw key; they are asked for now, and the page shows them as they come.
      if (shown === 'zh' && !wordsLoaded('all')) {
        void loadAllWords().catch(() => undefined);
        return '';
      }
      return key;
    };
    const errorText = (error: unknown) => {
      if (error instanceof ApiError) return error.messages[shown];
      if (error instanceof Error) return error.message;
      return String(error);
    };
    return { lang: shown, setLang, t, errorText };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version`: the Chinese words' object grows in place; a new `t` when it has, so that what uses it shows them
  }, [words, shown, setLang, version]);

  if (!value || !words) return null;
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={words.antd} theme={THEME}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
