import type { SaveWarning } from '../domain/audiences/audience-warnings.js';
import { render } from '../domain/messages/message.js';
import type { FieldWarning, Language } from '../domain/model/common.js';

/** A save's warnings (items, sessions) in the language of the admin's tab. */
export const wordedWarnings = (warnings: readonly SaveWarning[], lang: Language): FieldWarning[] =>
  warnings.map((w) => ({ field: w.field, message: render(w.reason, lang) }));
