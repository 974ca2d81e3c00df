import type { Request } from 'restify';
import { forbidden } from '../domain/errors.js';
import { actorOf, can } from '../domain/permissions/policy.js';
import type { Permission } from '../domain/permissions/roles.js';
import { relayedByProxy, type Identity, type Authenticator } from './auth/identity.js';

export { parse } from './validation.js';

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

/** The signed-in caller, if the policy lets them do `permission`; else 401 or 403. */
export async function authorize(auth: Authenticator, req: Request, permission: Permission): Promise<Identity> {
  const who = await user(auth, req);
  if (!can(actorOf(who), permission)) throw forbidden();
  return who;
}
