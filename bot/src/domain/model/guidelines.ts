import { z } from 'zod';
import { isoDateTime, LANGUAGES, pageQuery, perLanguageText, type Language } from './common.js';

export const GUIDELINE_TITLE_MAX = 120;
export const GUIDELINE_BODY_MAX = 20_000;
export const GUIDELINE_NOTE_MAX = 300;

const text = (max: number) => z.string().trim().max(max, 'field.maxChars');
const perLanguage = (max: number) => z.object({ de: text(max).default(''), en: text(max).default('') }).strict();

/**
 * What an admin writes: title and Markdown text per language, and a short note on what
 * changed. A language is written when it has a title and a text; at least one must be,
 * the other falls back to it. Raw HTML is accepted and shown as text when rendered.
 */
const contentShape = {
  title: perLanguage(GUIDELINE_TITLE_MAX),
  body: perLanguage(GUIDELINE_BODY_MAX),
  changeNote: perLanguage(GUIDELINE_NOTE_MAX).default({ de: '', en: '' }),
  position: z.number().int().min(0).max(1000).optional(),
};

function checkLanguages(input: { title: Record<Language, string>; body: Record<Language, string> }, ctx: z.RefinementCtx): void {
  for (const lang of LANGUAGES) {
    if (input.title[lang] && !input.body[lang]) ctx.addIssue({ code: 'custom', path: ['body', lang], message: 'guideline.titleWithoutBody' });
    if (input.body[lang] && !input.title[lang]) ctx.addIssue({ code: 'custom', path: ['title', lang], message: 'guideline.bodyWithoutTitle' });
  }
  if (LANGUAGES.every((lang) => !input.title[lang] && !input.body[lang])) {
    ctx.addIssue({ code: 'custom', path: ['body'], message: 'guideline.someLanguage' });
  }
}

/** POST /api/v1/admin/guidelines — a new page and its first version. */
export const guidelineCreateSchema = z
  .object({
    slug: z
      .string()
      .trim()
      .min(1, 'field.required')
      .max(60, 'field.maxChars')
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'guideline.slug'),
    ...contentShape,
  })
  .strict()
  .superRefine(checkLanguages);
export type GuidelineCreateInput = z.infer<typeof guidelineCreateSchema>;

/**
 * PUT /api/v1/admin/guidelines/:id — a new version. `baseVersion` is the version the admin
 * edited: if someone saved meanwhile, the save is refused (409) instead of overwriting theirs.
 */
export const guidelineUpdateSchema = z
  .object({ baseVersion: z.number().int().min(1), ...contentShape })
  .strict()
  .superRefine(checkLanguages);
export type GuidelineUpdateInput = z.infer<typeof guidelineUpdateSchema>;

/** POST /api/v1/guidelines/:id/acknowledge — the version the person read. */
export const guidelineAcknowledgeSchema = z.object({ version: z.number().int().min(1) }).strict();

/** A piece of a word diff: unchanged, added in the newer text, or removed from the older one. */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** What an employee reads: the current version in their language, rendered. */
export interface Guideline {
  id: string;
  slug: string;
  version: number;
  title: string;
  /** Markdown rendered on the server (markdown-it, raw HTML shown as text, links only http(s) and mailto): safe as it is. */
  html: string;
  /** When the current version was saved. */
  updatedAt: string;
  /** What changed in the current version, in the reader's language; null when the admin wrote none. */
  changeNote: string | null;
  /** The newest version this person acknowledged; null if none. Only this person ever sees it. */
  acknowledgedVersion: number | null;
  acknowledgedAt: string | null;
  /**
   * When the person acknowledged an older version: what changed in the text since then
   * (their language, Markdown source); null otherwise.
   */
  changesSinceRead: DiffPart[] | null;
}

/** One saved version, both languages, as admins see it. */
export interface GuidelineVersion {
  version: number;
  title: Record<Language, string>;
  body: Record<Language, string>;
  changeNote: Record<Language, string>;
  createdAt: string;
  /** Who saved it; null when that person no longer exists. */
  createdBy: string | null;
}

/** Admins: a page with its current version. No acknowledgements: who read what is private. */
export interface AdminGuideline {
  id: string;
  slug: string;
  position: number;
  current: GuidelineVersion;
}

/** The history of a page, newest first. */
export interface GuidelineVersionSummary {
  version: number;
  changeNote: Record<Language, string>;
  createdAt: string;
  createdBy: string | null;
}

/** GET …/versions/:from/diff/:to — word diffs per field. */
export interface GuidelineDiff {
  from: number;
  to: number;
  title: Record<Language, DiffPart[]>;
  body: Record<Language, DiffPart[]>;
}

const diffPartSchema = z.strictObject({ kind: z.enum(['same', 'added', 'removed']), text: z.string() });
const diffsPerLanguage = z.strictObject({ de: z.array(diffPartSchema), en: z.array(diffPartSchema) });

export const guidelineSchema: z.ZodType<Guideline> = z.strictObject({
  id: z.uuid(),
  slug: z.string(),
  version: z.number().int(),
  title: z.string(),
  html: z.string(),
  updatedAt: isoDateTime,
  changeNote: z.string().nullable(),
  acknowledgedVersion: z.number().int().nullable(),
  acknowledgedAt: isoDateTime.nullable(),
  changesSinceRead: z.array(diffPartSchema).nullable(),
});

export const guidelineVersionSchema: z.ZodType<GuidelineVersion> = z.strictObject({
  version: z.number().int(),
  title: perLanguageText,
  body: perLanguageText,
  changeNote: perLanguageText,
  createdAt: isoDateTime,
  createdBy: z.string().nullable(),
});

const adminGuidelineShape = { id: z.uuid(), slug: z.string(), position: z.number().int(), current: guidelineVersionSchema };
export const adminGuidelineSchema: z.ZodType<AdminGuideline> = z.strictObject(adminGuidelineShape);

/** PUT /api/v1/admin/guidelines/:id — the page, and whether the save made a new version. */
export const savedGuidelineSchema: z.ZodType<AdminGuideline & { created: boolean }> = z.strictObject({ ...adminGuidelineShape, created: z.boolean() });

export const guidelineVersionSummarySchema: z.ZodType<GuidelineVersionSummary> = z.strictObject({
  version: z.number().int(),
  changeNote: perLanguageText,
  createdAt: isoDateTime,
  createdBy: z.string().nullable(),
});

export const guidelineDiffSchema: z.ZodType<GuidelineDiff> = z.strictObject({
  from: z.number().int(),
  to: z.number().int(),
  title: diffsPerLanguage,
  body: diffsPerLanguage,
});

/** The admin list (by position) and a page's history (newest first), paged. */
export const adminGuidelinesQuerySchema = z.strictObject(pageQuery(100, 100));
export const guidelineVersionsQuerySchema = z.strictObject(pageQuery(50, 100));
