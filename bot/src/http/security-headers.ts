import type { ServerResponse } from 'node:http';

/** Teams hosts the tab in an iframe; nobody else may frame Chorus. */
export const TEAMS_FRAME_ANCESTORS =
  "'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.microsoft.us https://*.cloud.microsoft https://*.office.com https://outlook.office.com https://*.microsoft365.com";

/** Share pages, link pages and their error pages: our own script and stylesheet, never framed. */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** Everything else (JSON, files): nothing to load, nothing to run, never framed. */
export const DEFAULT_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Replaces (never adds to) the security headers: restify's `res.header` appends, and two
 * Content-Security-Policy headers would both apply.
 */
export function setSecurityHeaders(res: ServerResponse, csp: string): void {
  res.setHeader('Content-Security-Policy', csp);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
}
