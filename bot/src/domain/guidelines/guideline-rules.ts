import type { Language } from '../model/common.js'; // types only: the domain stays pure

/** A text written in German and/or English. */
export type Bilingual = Record<Language, string>;

/** The reader's language, or the other one when only that was written. */
export function inLanguage(text: Bilingual, lang: Language): string {
  return text[lang] || text[lang === 'de' ? 'en' : 'de'];
}

/**
 * The language a page is read in: the reader's own when its text is written, else the other.
 * Title, text and change note then come from the same language.
 */
export function readingLanguage(body: Bilingual, lang: Language): Language {
  return body[lang] ? lang : lang === 'de' ? 'en' : 'de';
}

export interface GuidelineContent {
  title: Bilingual;
  body: Bilingual;
}

/** A save that changes neither title nor text makes no new version. */
export function sameContent(a: GuidelineContent, b: GuidelineContent): boolean {
  return a.title.de === b.title.de && a.title.en === b.title.en && a.body.de === b.body.de && a.body.en === b.body.en;
}
