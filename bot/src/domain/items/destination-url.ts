export interface UrlPolicy {
  /** Development only: http://localhost and 127.0.0.1 destinations for demos and tests. */
  allowHttpLocalhost: boolean;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Destinations and images must be https (no javascript:, data:, file:, credentials in
 * the URL). Returns the reason a URL is refused, or undefined when it is fine.
 */
export function urlProblem(raw: string, policy: UrlPolicy): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a valid URL';
  }
  if (url.username || url.password) return 'must not contain a user name or password';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && policy.allowHttpLocalhost && LOCAL_HOSTS.has(url.hostname)) return undefined;
  return 'must start with https://';
}
