import type { Request } from 'restify';
import type { z } from 'zod';
import { forbidden, invalid } from '../domain/errors.js';
import { relayedByProxy, type Identity, type Authenticator } from './auth/identity.js';
import { validationError } from './error-mapper.js';

/** Validates `value` against `schema`; bad input becomes a 400 with per-field reasons. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const nul = nulCharacterAt(value ?? {});
  if (nul !== undefined) throw invalid('Some fields are not valid', { [nul || '_']: 'must not contain a NUL character' });
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw validationError(result.error);
  return result.data;
}

export function authRequest(req: Request) {
  return {
    authorization: req.header('authorization'),
    remoteAddress: req.socket.remoteAddress,
    host: req.header('host'),
    forwarded: relayedByProxy(req.headers),
    acceptLanguage: req.header('accept-language'),
  };
}

export function user(auth: Authenticator, req: Request): Promise<Identity> {
  return auth.authenticate(authRequest(req));
}

export async function admin(auth: Authenticator, req: Request): Promise<Identity> {
  const who = await user(auth, req);
  if (who.role !== 'admin') throw forbidden();
  return who;
}

/** A route parameter that must be a uuid; anything else is simply not found. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The path of the first string (or key) holding a NUL character, for every body and query
 * at once: Postgres cannot store one in text, and no person types one.
 */
export function nulCharacterAt(value: unknown, path: string[] = [], depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') : undefined;
  if (typeof value !== 'object' || value === null || depth > 32) return undefined;
  for (const [key, child] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key.replaceAll('\u0000', '')].join('.');
    const found = nulCharacterAt(child, [...path, key], depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
