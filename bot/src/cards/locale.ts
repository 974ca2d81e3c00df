/** The languages every card speaks. Same values as the API's `Language`. */
export type Locale = 'de' | 'en';

/** The tag handed to Intl for dates and numbers (the tab uses the same defaults). */
export const INTL_LOCALE: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };

export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale]).format(n);
}
