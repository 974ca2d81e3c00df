import type { Request } from 'restify';
import type { z } from 'zod';
import { forbidden } from '../domain/errors.js';
import type { Identity, Authenticator } from './auth/identity.js';
import { validationError } from './error-mapper.js';

/** Validates `value` against `schema`; bad input becomes a 400 with per-field reasons. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw validationError(result.error);
  return result.data;
}

export function authRequest(req: Request) {
  return {
    authorization: req.header('authorization'),
    remoteAddress: req.socket.remoteAddress,
    host: req.header('host'),
    forwarded: Boolean(req.header('forwarded') || req.header('x-forwarded-for') || req.header('x-forwarded-host')),
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
