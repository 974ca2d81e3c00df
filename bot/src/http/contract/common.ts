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
