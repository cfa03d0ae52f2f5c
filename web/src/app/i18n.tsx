import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from './api-error';
import { en } from './messages.en';
import { zh, type MessageKey } from './messages.zh';

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
const dictionaries: Record<Lang, Record<MessageKey, string>> = { zh, en };

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

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* storage unavailable */
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = lang === 'zh' ? '追溯一张网 Tracenet' : 'Tracenet 追溯一张网';
    dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  }, [lang]);

  const value = useMemo<I18n>(() => {
    const dict = dictionaries[lang];
    const t = (key: MessageKey, vars?: Vars) => fill(dict[key] ?? key, vars);
    const errorText = (error: unknown) => {
      if (error instanceof ApiError) return error.messages[lang];
      if (error instanceof Error) return error.message;
      return String(error);
    };
    return { lang, setLang, t, errorText };
  }, [lang, setLang]);

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={{ token: { colorPrimary: '#389e0d', colorPrimaryBg: '#eef8e6', colorPrimaryBgHover: '#d9f2c4', borderRadius: 6 } }}>
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
