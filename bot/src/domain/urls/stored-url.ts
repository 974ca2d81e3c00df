export interface UrlPolicy {
  /** Development only: http://localhost and 127.0.0.1 destinations for demos and tests. */
  allowHttpLocalhost: boolean;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
/** C0 controls, DEL and C1 controls: never part of an address anyone meant to type. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
export const MAX_URL_LENGTH = 2048;

export type StoredUrl = { ok: true; url: string } | { ok: false; problem: string };

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
  if (CONTROL.test(trimmed)) return { ok: false, problem: 'must not contain control characters or line breaks' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, problem: 'is not a valid URL' };
  }
  if (url.username || url.password) return { ok: false, problem: 'must not contain a user name or password' };
  const https = url.protocol === 'https:';
  const localHttp = url.protocol === 'http:' && policy.allowHttpLocalhost && LOCAL_HOSTS.has(url.hostname);
  if (!https && !localHttp) return { ok: false, problem: 'must start with https://' };
  if (url.href.length > MAX_URL_LENGTH) return { ok: false, problem: `at most ${MAX_URL_LENGTH} characters` };
  return { ok: true, url: url.href };
}

/** Why a URL is refused, or undefined when `storedUrl` accepts it. */
export function urlProblem(raw: string, policy: UrlPolicy): string | undefined {
  const result = storedUrl(raw, policy);
  return result.ok ? undefined : result.problem;
}

/**
 * Several optional URL fields at once: each accepted one normalised, each refused one
 * named with its reason (the caller throws `invalid` with them).
 */
export function storedUrls<K extends string>(
  values: Partial<Record<K, string | null | undefined>>,
  policy: UrlPolicy,
): { urls: Partial<Record<K, string | null | undefined>>; problems: Partial<Record<K, string>> } {
  const urls: Partial<Record<K, string | null | undefined>> = {};
  const problems: Partial<Record<K, string>> = {};
  for (const key of Object.keys(values) as K[]) {
    const value = values[key];
    if (!value) {
      urls[key] = value;
      continue;
    }
    const result = storedUrl(value, policy);
    if (result.ok) urls[key] = result.url;
    else problems[key] = result.problem;
  }
  return { urls, problems };
}
