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

/** What saving on top of `baseVersion` does: nothing new (same content), or version n. */
export type SavePlan = { newVersion: number | null };

/**
 * A save edits the version the admin had open: if someone saved meanwhile, it is refused
 * (stale) instead of overwriting theirs. A save that changes no title or text keeps the
 * current version; any other is the next version.
 */
export function planSave(current: { version: number } & GuidelineContent, baseVersion: number, input: GuidelineContent): SavePlan | 'stale' {
  if (current.version !== baseVersion) return 'stale';
  return { newVersion: sameContent(current, input) ? null : current.version + 1 };
}

/**
 * "I have read this" holds for the current version only: an older one is outdated, one
 * that does not exist (or a page without versions) is unknown.
 */
export function acknowledgement(latestVersion: number | undefined, version: number): 'current' | 'outdated' | 'unknown' {
  if (!latestVersion || version > latestVersion) return 'unknown';
  return version < latestVersion ? 'outdated' : 'current';
}
