import type { Language } from '@contract';

/** The forms a count can take; `#` is replaced by the number, formatted for the language. */
export interface PluralForms {
  one: string;
  other: string;
}

/**
 * Counted words by the language's plural rules (Intl.PluralRules), the number by
 * Intl.NumberFormat ("1,234 clicks", "1.234 Klicks").
 */
export function plural(lang: Language): (n: number, forms: PluralForms) => string {
  const rules = new Intl.PluralRules(lang);
  const numbers = new Intl.NumberFormat(lang);
  return (n, forms) => (rules.select(n) === 'one' ? forms.one : forms.other).replace('#', numbers.format(n));
}
