import { z } from 'zod';
import { invalid, type Message } from '../domain/errors.js';
import { isMessageKey, msg } from '../domain/messages/message.js';

const zodLocales = { en: z.locales.en(), de: z.locales.de() };

/** zod's own words for an issue our schemas do not name, in both languages; the edge picks one. */
function zodWords(issue: z.core.$ZodIssue): Message {
  const words = (locale: { localeError: z.core.$ZodErrorMap }) => {
    const result = locale.localeError(issue as unknown as z.core.$ZodRawIssue);
    return (typeof result === 'string' ? result : result?.message) ?? issue.message;
  };
  return msg('zod.issue', { en: words(zodLocales.en), de: words(zodLocales.de) });
}

/**
 * One issue as a message. Our schemas name a message key instead of words; its
 * parameters come from the issue (a limit) or, for our own checks, from `params`.
 */
export function issueMessage(issue: z.core.$ZodIssue): Message {
  if (!isMessageKey(issue.message)) return zodWords(issue);
  const params: Record<string, string | number> = {};
  if ('maximum' in issue) params.max = Number(issue.maximum);
  if ('minimum' in issue) params.min = Number(issue.minimum);
  if (issue.code === 'custom' && issue.params) Object.assign(params, issue.params);
  return msg(issue.message, Object.keys(params).length ? params : undefined);
}

/** zod issues → one message per field path ("posts.x", "audience.departments.2"). */
export function fieldsFromZod(error: z.ZodError): Record<string, Message> {
  const fields: Record<string, Message> = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] = msg('field.unknown');
      continue;
    }
    const key = issue.path.join('.') || '_';
    fields[key] ??= issueMessage(issue);
  }
  return fields;
}

/** A lone UTF-16 surrogate: half a character, which no text encoding can store. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a string cannot be stored as text, if it cannot. */
function textProblem(value: string): Message | undefined {
  if (value.includes('\u0000')) return msg('text.nul');
  if (LONE_SURROGATE.test(value)) return msg('text.halfChar');
  return undefined;
}

/**
 * The first string (or key) in a body or query that Postgres could not store as text — a
 * NUL character, or half a UTF-16 character — with its path, for every route at once. No
 * person types either; JSON can carry both.
 */
export function unstorableTextAt(value: unknown, path: string[] = [], depth = 0): { field: string; problem: Message } | undefined {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { field: path.join('.') || '_', problem } : undefined;
  }
  if (typeof value !== 'object' || value === null || depth > 32) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const keyProblem = textProblem(key);
    if (keyProblem) return { field: [...path, '?'].join('.'), problem: keyProblem };
    const found = unstorableTextAt(child, [...path, key], depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Validates `value` against `schema`; bad input becomes a 400 with a reason per field. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const text = unstorableTextAt(value ?? {});
  if (text) throw invalid({ [text.field]: text.problem });
  // reportInput: zod's locales name the type that was sent ("received number").
  const result = schema.safeParse(value ?? {}, { reportInput: true });
  if (!result.success) throw invalid(fieldsFromZod(result.error));
  return result.data;
}
