import { itemInputSchema, isMessageKey, NETWORKS, checkPostText, renderMessage, type AdminItem, type ItemInput, type ItemKind, type Language, type Network } from '@contract';
import type { z } from 'zod';
import type { Strings } from '../../../i18n/index.js';
import { fromLocalInput, toLocalInput } from './local-time.js';

/** The editor's state: what the inputs show, strings and lists, before validation. */
export interface ItemForm {
  kind: ItemKind;
  title: string;
  url: string;
  why: string;
  imageUrl: string;
  language: Language;
  topics: string[];
  departments: string[];
  locations: string[];
  /** datetime-local value, '' for none */
  expiresAt: string;
  hashtags: string[];
  posts: Record<Network, string>;
}

/** Messages per field path, as the server sends them ("posts.x", "audience.departments.2"). */
export type FieldErrors = Record<string, string>;

export function emptyForm(language: Language): ItemForm {
  return {
    kind: 'article',
    title: '',
    url: '',
    why: '',
    imageUrl: '',
    language,
    topics: [],
    departments: [],
    locations: [],
    expiresAt: '',
    hashtags: [],
    posts: { linkedin: '', x: '', facebook: '', xing: '' },
  };
}

export function formFromItem(item: AdminItem): ItemForm {
  return {
    kind: item.kind,
    title: item.title,
    url: item.url,
    why: item.why,
    imageUrl: item.imageUrl ?? '',
    language: item.language,
    topics: item.topics,
    departments: item.audience.departments,
    locations: item.audience.locations,
    expiresAt: toLocalInput(item.expiresAt),
    hashtags: item.hashtags,
    posts: {
      linkedin: item.posts.linkedin ?? '',
      x: item.posts.x ?? '',
      facebook: item.posts.facebook ?? '',
      xing: item.posts.xing ?? '',
    },
  };
}

/** The request body before validation: empty texts are left out, empty optionals are null. */
export function formToCandidate(form: ItemForm): unknown {
  const posts: Partial<Record<Network, string>> = {};
  for (const network of NETWORKS) {
    if (form.posts[network].trim()) posts[network] = form.posts[network];
  }
  return {
    kind: form.kind,
    title: form.title,
    url: form.url,
    why: form.why,
    imageUrl: form.imageUrl.trim() ? form.imageUrl : null,
    language: form.language,
    topics: form.topics,
    audience: { departments: form.departments, locations: form.locations },
    posts,
    hashtags: form.hashtags,
    expiresAt: fromLocalInput(form.expiresAt),
  };
}

function issueMessage(issue: z.core.$ZodIssue, form: ItemForm, t: Strings): string {
  const key = issue.path.join('.');
  if (key === 'posts.x') {
    const check = checkPostText('x', form.posts.x, form.hashtags);
    if (check.tooLong) return t.tooLong(check.count, check.max);
  }
  if (issue.code === 'too_small' && issue.origin === 'string') return t.required;
  if (issue.code === 'too_big' && issue.origin === 'string') return t.maxChars(Number(issue.maximum));
  // The schema names a message by key, as the server words it (parameters from the issue).
  if (isMessageKey(issue.message)) {
    const params = { ...('maximum' in issue ? { max: Number(issue.maximum) } : {}), ...(issue.code === 'custom' ? issue.params : {}) };
    return renderMessage({ key: issue.message, params }, t.lang);
  }
  return issue.message;
}

/** Validates with the API's own schema, so the browser and the server agree on every rule. */
export function validateForm(form: ItemForm, t: Strings): { input: ItemInput; errors: null } | { input: null; errors: FieldErrors } {
  const result = itemInputSchema.safeParse(formToCandidate(form));
  if (result.success) return { input: result.data, errors: null };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join('.') || '_';
    errors[key] ??= issueMessage(issue, form, t);
  }
  return { input: null, errors };
}

/** The message for a field or anything below it ("hashtags" covers "hashtags.3"). */
export function messageFor(messages: FieldErrors, field: string): string | undefined {
  if (messages[field]) return messages[field];
  const nested = Object.keys(messages).find((key) => key.startsWith(`${field}.`));
  return nested ? messages[nested] : undefined;
}
