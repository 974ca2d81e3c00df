import type { Language } from '../model/common.js';
import type { AdminGuideline, Guideline, GuidelineDiff, GuidelineVersion } from '../model/guidelines.js';
import { markdownToHtml } from '../text/markdown-policy.js';
import { inLanguage, readingLanguage } from './guideline-rules.js';
import { textDiff } from './text-diff.js';

/** A current page as a reader sees it, with what the reader acknowledged (theirs only). */
export interface ReaderGuideline {
  page: AdminGuideline;
  acknowledgedVersion: number | null;
  acknowledgedAt: string | null;
}

/** The reader confirmed an older version: the changes since are shown against it. */
export function readSinceOutdated({ page, acknowledgedVersion }: ReaderGuideline): number | null {
  return acknowledgedVersion !== null && acknowledgedVersion < page.current.version ? acknowledgedVersion : null;
}

/** The current version in the reader's language, rendered; what changed since they last read it. */
export function readerView({ page, acknowledgedVersion, acknowledgedAt }: ReaderGuideline, lang: Language, read?: GuidelineVersion): Guideline {
  const v = page.current;
  const reading = readingLanguage(v.body, lang);
  const note = inLanguage(v.changeNote, reading);
  return {
    id: page.id,
    slug: page.slug,
    version: v.version,
    title: inLanguage(v.title, reading),
    html: markdownToHtml(v.body[reading]),
    updatedAt: v.createdAt,
    changeNote: note || null,
    acknowledgedVersion,
    acknowledgedAt,
    changesSinceRead: read ? textDiff(inLanguage(read.body, reading), v.body[reading]) : null,
  };
}

/** Word diffs of title and text, per language, from one version to another. */
export function versionDiff(from: GuidelineVersion, to: GuidelineVersion): GuidelineDiff {
  return {
    from: from.version,
    to: to.version,
    title: { de: textDiff(from.title.de, to.title.de), en: textDiff(from.title.en, to.title.en) },
    body: { de: textDiff(from.body.de, to.body.de), en: textDiff(from.body.en, to.body.en) },
  };
}
