import type { Language } from '@contract';
import { ApiError } from '../api.js';
import type { Strings } from '../i18n/index.js';
import { errorText } from './error-state.js';

/** A Fluent `Field`'s props for the server's (or our) message about it. */
export const fieldProps = (error: string | undefined) => ({
  validationMessage: error,
  validationState: error ? ('error' as const) : ('none' as const),
});

/**
 * A refused save: the server's per-field messages (shown at the fields, with `invalid` as
 * the toast), or one message for everything else (network, conflict, sign-in).
 */
export function saveFailure(err: unknown, invalid: string, t: Strings): { fields?: Record<string, string>; message: string } {
  if (err instanceof ApiError && Object.keys(err.fields).length > 0) return { fields: err.fields, message: invalid };
  return { message: errorText(err, t) };
}

export type Bilingual = Record<Language, string>;

/** Binds one language of a German/English pair to an Input or Textarea. */
export const bilingualInput = (value: Bilingual, set: (v: Bilingual) => void, lang: Language) => ({
  value: value[lang],
  onChange: (_: unknown, d: { value: string }) => set({ ...value, [lang]: d.value }),
});
