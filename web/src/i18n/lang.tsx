import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatRate, formatUsd, formatWon, formatInteger, type Lang } from '../../../src/i18n/format.js';
import { strings, type StringKey } from './strings.js';

export interface I18n {
  readonly lang: Lang;
  readonly setLang: (lang: Lang) => void;
  readonly t: (key: StringKey) => string;
  readonly won: (won: number) => string;
  readonly usd: (usd: number) => string;
  readonly rate: (rate: number, opts?: { signed?: boolean; digits?: number }) => string;
  readonly int: (n: number) => string;
  /** A decimal in the locale's style: "0.6180" in both languages, kept separate so it can change in one place. */
  readonly num: (n: number, digits?: number) => string;
}

const LangContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  const stored = window.localStorage.getItem('sma-lang');
  if (stored === 'ko' || stored === 'en') return stored;
  return navigator.language.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    window.localStorage.setItem('sma-lang', l);
    setLangState(l);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key) => strings[lang][key],
      won: (w) => formatWon(w, lang),
      usd: (u) => formatUsd(u, lang),
      rate: (r, opts) => formatRate(r, opts),
      int: (n) => formatInteger(n),
      num: (n, digits = 4) => n.toFixed(digits),
    }),
    [lang, setLang],
  );
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(LangContext);
  if (!ctx) throw new Error('useI18n outside LangProvider');
  return ctx;
}

/** A page's own strings, kept in its lazy chunk: `{ en: {...}, ko: {...} }` with the same keys. */
export type PageStrings<T extends Record<string, string>> = {
  readonly en: T;
  readonly ko: { readonly [K in keyof T]: string };
};

export function usePageStrings<T extends Record<string, string>>(
  d: PageStrings<T>,
): { readonly [K in keyof T]: string } {
  return d[useI18n().lang];
}
