/**
 * Every text of the console comes from one message file per language (vi.json, the
 * default, and en.json); numbers and dates are formatted for the chosen language.
 */
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import en from './en.json';
import vi from './vi.json';

export type Lang = 'vi' | 'en';
export type MessageKey = keyof typeof vi;
const MESSAGES: Record<Lang, Record<MessageKey, string>> = { vi, en };
const LANG_STORAGE = 'tthc-console-lang';
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate;
  number(n: number | null | undefined, digits?: number): string;
  percent(share: number | null | undefined): string;
  dateTime(iso: string | null | undefined): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  return localStorage.getItem(LANG_STORAGE) === 'en' ? 'en' : 'vi';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(LANG_STORAGE, l);
    document.documentElement.lang = l;
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(() => {
    const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
    const messages = MESSAGES[lang];
    const dateFormat = new Intl.DateTimeFormat('en-GB', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: TIME_ZONE,
    });
    return {
      lang,
      setLang,
      t: (key, vars) =>
        messages[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
          vars && name in vars ? String(vars[name]) : whole,
        ),
      number: (n, digits = 0) =>
        n === null || n === undefined ? '–' : n.toLocaleString(locale, { maximumFractionDigits: digits }),
      percent: (share) =>
        share === null || share === undefined
          ? '–'
          : share.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 }),
      // 01/12/2026 18:32 in both languages: the order Vietnamese offices write.
      dateTime: (iso) => (iso ? dateFormat.format(new Date(iso)).replace(',', '') : '–'),
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
