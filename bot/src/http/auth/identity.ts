import type { Person } from '../../storage/repos/people.js';

/** Who is calling, as the routes see it. */
export type Identity = Person;

export interface AuthRequest {
  authorization: string | undefined;
  remoteAddress: string | undefined;
  /** The Host header: dev sign-in also insists the browser addressed localhost. */
  host?: string | undefined;
  /** True when a proxy or tunnel forwarded the request (Forwarded / X-Forwarded-*). */
  forwarded?: boolean;
  /** The tab's UI language (Accept-Language), if it sent one. */
  acceptLanguage?: string | undefined;
}

/** Turns a request into a person, or throws `unauthenticated`. */
export interface Authenticator {
  readonly mode: 'dev' | 'entra';
  authenticate(req: AuthRequest): Promise<Identity>;
}

export function bearer(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}

const LOCAL_HOST_HEADER = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

/**
 * A request from this computer, to this computer, not relayed: the socket is loopback,
 * no proxy or tunnel forwarded it, and the browser addressed localhost (which also
 * defeats DNS rebinding, where a foreign name resolves to 127.0.0.1).
 */
export function isLocalRequest(r: Pick<AuthRequest, 'remoteAddress' | 'host' | 'forwarded'>): boolean {
  return isLoopback(r.remoteAddress) && !r.forwarded && LOCAL_HOST_HEADER.test(r.host ?? '');
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
