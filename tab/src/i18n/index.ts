import type { Language } from '@contract';
import { de } from './de/index.js';
import { en, type Strings } from './en/index.js';

export type { Strings };

export const DICTIONARIES: Record<Language, Strings> = { de, en };

/** Our language for a BCP 47 tag ("de-AT" → de); English for everything else. */
export function languageOf(tag: string | null | undefined): Language {
  return tag?.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/** The tag for Intl: the host's own tag when it matches the UI language, else a default. */
export function intlLocale(language: Language, hostTag: string | null | undefined): string {
  if (hostTag && languageOf(hostTag) === language) return hostTag;
  return language === 'de' ? 'de-DE' : 'en-GB';
}
