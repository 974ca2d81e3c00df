export interface UrlPolicy {
  /** Development only: http://localhost and 127.0.0.1 destinations for demos and tests. */
  allowHttpLocalhost: boolean;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
/** C0 controls, DEL and C1 controls: never part of an address anyone meant to type. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
export const MAX_URL_LENGTH = 2048;

import { msg, render, type Message } from '../messages/message.js';

export type StoredUrl = { ok: true; url: string } | { ok: false; problem: string; reason: Message };

const refused = (reason: Message): StoredUrl => ({ ok: false, problem: render(reason, 'en'), reason });

/**
 * The one gate for every URL an admin stores (item destinations and images, training
 * links, onboarding links, the crisis statement). Only https (http://localhost in
 * development), no user name or password, no control characters (a CR/LF would split a
 * `Location` header; the URL parser would silently drop tabs and line breaks instead).
 * The result is what the WHATWG parser makes of it: pure ASCII (non-ASCII path and query
 * percent-encoded, host names in punycode), so it is safe in a `Location` header, an
 * `.ics` file and a card, and stored exactly as it will be used.
 */
export function storedUrl(raw: string, policy: UrlPolicy): StoredUrl {
  const trimmed = raw.trim();
  if (CONTROL.test(trimmed)) return refused(msg('url.control'));
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return refused(msg('url.invalid'));
  }
  if (url.username || url.password) return refused(msg('url.credentials'));
  const https = url.protocol === 'https:';
  const localHttp = url.protocol === 'http:' && policy.allowHttpLocalhost && LOCAL_HOSTS.has(url.hostname);
  if (!https && !localHttp) return refused(msg('url.https'));
  if (url.href.length > MAX_URL_LENGTH) return refused(msg('field.maxChars', { max: MAX_URL_LENGTH }));
  return { ok: true, url: url.href };
}

/** Why a URL is refused, or undefined when `storedUrl` accepts it. */
export function urlProblem(raw: string, policy: UrlPolicy): string | undefined {
  const result = storedUrl(raw, policy);
  return result.ok ? undefined : result.problem;
}

/**
 * Several optional URL fields at once: each accepted one normalised, each refused one
 * named with its reason (the caller throws `invalid(reasons)` when there are any).
 */
export function checkUrls<K extends string>(
  values: Partial<Record<K, string | null | undefined>>,
  policy: UrlPolicy,
): { urls: Partial<Record<K, string | null | undefined>>; reasons: Partial<Record<K, Message>> } {
  const urls: Partial<Record<K, string | null | undefined>> = {};
  const reasons: Partial<Record<K, Message>> = {};
  for (const key of Object.keys(values) as K[]) {
    const value = values[key];
    if (!value) {
      urls[key] = value;
      continue;
    }
    const result = storedUrl(value, policy);
    if (result.ok) urls[key] = result.url;
    else reasons[key] = result.reason;
  }
  return { urls, reasons };
}

/** `checkUrls` with the reasons in English words (logs, tests). */
export function storedUrls<K extends string>(
  values: Partial<Record<K, string | null | undefined>>,
  policy: UrlPolicy,
): { urls: Partial<Record<K, string | null | undefined>>; problems: Partial<Record<K, string>> } {
  const { urls, reasons } = checkUrls(values, policy);
  const problems: Partial<Record<K, string>> = {};
  for (const key of Object.keys(reasons) as K[]) problems[key] = render(reasons[key] as Message, 'en');
  return { urls, problems };
}
