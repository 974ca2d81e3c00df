import { z } from 'zod';

export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const languageSchema = z.enum(LANGUAGES);

/** Ours among a BCP 47 tag ("de-AT" → de), or null for any other language. */
export function languageOfTag(tag: string | undefined): Language | null {
  const t = (tag ?? '').trim().toLowerCase();
  return t.startsWith('de') ? 'de' : t.startsWith('en') ? 'en' : null;
}

/** The first language of an Accept-Language header, if it is one of ours. */
export function acceptedLanguage(header: string | undefined): Language | null {
  return languageOfTag((header ?? '').split(',')[0]);
}

export const ERROR_CODES = [
  'invalid',
  'unauthenticated',
  'forbidden',
  'not_found',
  'gone',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'crisis_active',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Every /api/v1 error: a stable code, a sentence, and per-field reasons for bad input. */
export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; fields?: Record<string, string> };
}

export interface Page<T> {
  items: T[];
  /** Opaque; pass back as `cursor` for the next page. null on the last page. */
  nextCursor: string | null;
}

/** An instant as the API writes it (`toISOString()`). */
export const isoDateTime = z.iso.datetime({ offset: true });

/** A keyset-paged list: `{ items, nextCursor }`. */
export const pageOf = <T extends z.ZodType>(item: T) => z.strictObject({ items: z.array(item), nextCursor: z.string().nullable() });

/** A short list that is complete in one answer: `{ items }`. */
export const listOf = <T extends z.ZodType>(item: T) => z.strictObject({ items: z.array(item) });

/** The query of a paged list: the cursor from the previous page and a page size. */
export const pageQuery = (defaultLimit: number, maxLimit: number) => ({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(maxLimit).default(defaultLimit),
});

const audienceValue = z.string().trim().max(80, 'field.maxChars').min(1);

/** Who an item or a session is for, as admins send it: departments and locations (none: everyone). */
export const audienceInputSchema = z
  .object({
    departments: z.array(audienceValue).max(50).default([]),
    locations: z.array(audienceValue).max(50).default([]),
  })
  .strict()
  .default({ departments: [], locations: [] });

/** A hint about what was saved (not an error), worded in the admin's language: `field` says what it is about. */
export const fieldWarningSchema = z.strictObject({ field: z.string(), message: z.string() });
export type FieldWarning = z.infer<typeof fieldWarningSchema>;

/** Per language, both always present. */
export const perLanguageText = z.strictObject({ de: z.string(), en: z.string() });

/** An action without input: `{}` or no body at all. */
export const emptyBody = z.strictObject({}).default({});

/** Answers without a body (204). */
export const noContent = z.undefined();
