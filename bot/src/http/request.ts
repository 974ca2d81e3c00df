import type { Request } from 'restify';
import type { z } from 'zod';
import { forbidden, invalid } from '../domain/errors.js';
import { relayedByProxy, type Identity, type Authenticator } from './auth/identity.js';
import { validationError } from './error-mapper.js';

/** Validates `value` against `schema`; bad input becomes a 400 with per-field reasons. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const text = unstorableTextAt(value ?? {});
  if (text) throw invalid('Some fields are not valid', { [text.field]: text.problem });
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

/** A lone UTF-16 surrogate: half a character, which no text encoding can store. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a string cannot be stored as text, if it cannot. */
function textProblem(value: string): string | undefined {
  if (value.includes('\u0000')) return 'must not contain a NUL character';
  if (LONE_SURROGATE.test(value)) return 'is not valid text (it holds half a character)';
  return undefined;
}

/**
 * The first string (or key) in a body or query that Postgres could not store as text — a
 * NUL character, or half a UTF-16 character — with its path, for every route at once. No
 * person types either; JSON can carry both.
 */
export function unstorableTextAt(value: unknown, path: string[] = [], depth = 0): { field: string; problem: string } | undefined {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { field: path.join('.') || '_', problem } : undefined;
  }
  if (typeof value !== 'object' || value === null || depth > 32) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const keyProblem = textProblem(key);
    if (keyProblem) return { field: [...path, '?'].join('.'), problem: keyProblem };
    const found = unstorableTextAt(child, [...path, key], depth + 1);
    if (found) return found;
  }
  return undefined;
}
