import type { Response } from 'restify';

/** Teams hosts the tab in an iframe; nobody else may frame Chorus. */
export const TEAMS_FRAME_ANCESTORS =
  "'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.microsoft.us https://*.cloud.microsoft https://*.office.com https://outlook.office.com https://*.microsoft365.com";

export function setSecurityHeaders(res: Response, csp: string): void {
  res.header('Content-Security-Policy', csp);
  res.header('X-Content-Type-Options', 'nosniff');
  res.header('Referrer-Policy', 'strict-origin-when-cross-origin');
}

export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
