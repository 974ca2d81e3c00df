import type { Person } from '../../storage/repos/people.js';

/** Who is calling, as the routes see it. */
export type Identity = Person;

export interface AuthRequest {
  authorization: string | undefined;
  remoteAddress: string | undefined;
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

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
