import type { Role } from '../../domain/permissions/roles.js';
import type { Person } from '../../storage/repos/people.js';

/**
 * Who is calling, as the routes see it. `roles` when the sign-in carries them (Entra);
 * otherwise the stored role stands for them (see `actorOf`).
 */
export type Identity = Person & { roles?: readonly Role[] };

export interface AuthRequest {
  authorization: string | undefined;
  remoteAddress: string | undefined;
  /** The Host header: dev sign-in also insists the browser addressed localhost. */
  host?: string | undefined;
  /** True when a proxy or tunnel relayed the request (any header a proxy adds: see `PROXY_HEADER`). */
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

/**
 * Headers that proxies, tunnels, CDNs and load balancers add (Forwarded, Via,
 * X-Forwarded-*, X-Real-IP, CF-Connecting-IP, True-Client-IP, X-Client-IP, Azure's
 * X-ARR-* and X-Original-*, …). Any one of them means the request was relayed, so it is
 * not from this computer, whatever the socket says.
 */
const PROXY_HEADER =
  /^(forwarded|via|x-real-ip|client-ip|x-client-port|x-forwarded(-.*)?|x-original-.*|x-arr-.*|x-azure-.*|x-ms-forwarded-.*|.*-client-ip|.*-connecting-ip|x-proxy-.*)$/i;

export function relayedByProxy(headers: Record<string, unknown>): boolean {
  return Object.keys(headers).some((name) => PROXY_HEADER.test(name));
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
