import { acceptedLanguage, type Language } from '../domain/model/common.js';

/** The language to answer in: the tab's UI language (Accept-Language), else the fallback (the person's). */
export function requestLanguage(acceptLanguage: string | undefined, fallback: Language): Language {
  return acceptedLanguage(acceptLanguage) ?? fallback;
}
