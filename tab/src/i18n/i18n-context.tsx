import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Language } from '@contract';
import { DICTIONARIES, intlLocale, type Strings } from './index.js';

export interface I18n {
  lang: Language;
  t: Strings;
  /** BCP 47 tag for Intl. */
  locale: string;
  date(iso: string): string;
  dateTime(iso: string): string;
  /** The time of day alone when `iso` is today, else date and time. */
  timeOrDateTime(iso: string): string;
  /** A number by locale, with at most `fractionDigits` decimals. */
  number(value: number, fractionDigits?: number): string;
  /** "LinkedIn and X" / "LinkedIn und X" */
  list(values: readonly string[]): string;
}

const I18nContext = createContext<I18n | null>(null);

export function makeI18n(lang: Language, hostTag: string | null): I18n {
  const locale = intlLocale(lang, hostTag);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  const numbers = new Map<number, Intl.NumberFormat>();
  const numberFormat = (digits: number) => {
    let format = numbers.get(digits);
    if (!format) numbers.set(digits, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits })));
    return format;
  };
  return {
    lang,
    t: DICTIONARIES[lang],
    locale,
    date: (iso) => date.format(new Date(iso)),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    timeOrDateTime: (iso) => {
      const when = new Date(iso);
      return when.toDateString() === new Date().toDateString() ? time.format(when) : dateTime.format(when);
    },
    number: (value, fractionDigits = 0) => numberFormat(fractionDigits).format(value),
    list: (values) => list.format(values),
  };
}

export function I18nProvider({ lang, hostTag, children }: { lang: Language; hostTag: string | null; children: ReactNode }) {
  const value = useMemo(() => makeI18n(lang, hostTag), [lang, hostTag]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The UI language, or null outside the provider (the app shell asks before it knows). */
export function useOptionalLanguage(): Language | null {
  return useContext(I18nContext)?.lang ?? null;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
