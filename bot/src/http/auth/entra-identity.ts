import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { unauthenticated } from '../../domain/errors.js';
import { acceptedLanguage } from '../../domain/model/common.js';
import type { PeopleRepo } from '../../storage/repos/people.js';
import type { Role } from '../../domain/permissions/roles.js';
import { bearer, type Authenticator } from './identity.js';

export interface EntraOptions {
  clientId: string;
  tenantIds: string[];
  /** https://login.microsoftonline.com, or a fake Entra on loopback in tests */
  authorityHost: string;
  adminRole: string;
  adminGroupId: string;
  /** App roles that make a person an editor or an analyst (see domain/permissions/roles.ts). */
  editorRole: string;
  analystRole: string;
  /** The tab's host, for the v1 audience api://<host>/<clientId>. */
  publicHost: string;
}

interface EntraClaims extends JWTPayload {
  tid?: string;
  oid?: string;
  name?: string;
  scp?: string;
  roles?: string[];
  groups?: string[];
  ver?: string;
}

/**
 * Teams tab SSO: validates the token Teams issued for the tab (signature against the
 * tenant's JWKS, issuer v1 or v2, audience, allowed tenant, `access_as_user` scope) and
 * maps it to a person. Roles come from the token's app roles (and the admin group) on every call.
 */
export function entraAuthenticator(people: PeopleRepo, o: EntraOptions): Authenticator {
  const jwksByTenant = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
  const jwks = (tid: string) => {
    let set = jwksByTenant.get(tid);
    if (!set) {
      set = createRemoteJWKSet(new URL(`${o.authorityHost}/${tid}/discovery/v2.0/keys`));
      jwksByTenant.set(tid, set);
    }
    return set;
  };
  const audiences = [o.clientId, `api://${o.publicHost}/${o.clientId}`, `api://${o.clientId}`];

  return {
    mode: 'entra',
    async authenticate({ authorization, acceptLanguage }) {
      const token = bearer(authorization);
      if (!token) throw unauthenticated();
      const tid = unverifiedTenant(token);
      if (!tid || !o.tenantIds.includes(tid)) throw unauthenticated('auth.tenantNotAllowed');
      let claims: EntraClaims;
      try {
        ({ payload: claims } = await jwtVerify<EntraClaims>(token, jwks(tid), {
          issuer: [`https://sts.windows.net/${tid}/`, `${o.authorityHost}/${tid}/v2.0`],
          audience: audiences,
          algorithms: ['RS256'],
          requiredClaims: ['exp', 'iat'],
          clockTolerance: 60,
        }));
      } catch {
        throw unauthenticated('auth.tokenInvalid');
      }
      if (claims.tid !== tid || !claims.oid) throw unauthenticated('auth.tokenInvalid');
      if (!(claims.scp ?? '').split(' ').includes('access_as_user')) throw unauthenticated('auth.tokenScope');
      const appRoles = claims.roles ?? [];
      const admin = appRoles.includes(o.adminRole) || (o.adminGroupId !== '' && (claims.groups ?? []).includes(o.adminGroupId));
      const roles: Role[] = [
        ...(admin ? (['admin'] as const) : []),
        ...(appRoles.includes(o.editorRole) ? (['editor'] as const) : []),
        ...(appRoles.includes(o.analystRole) ? (['analyst'] as const) : []),
        'employee',
      ];
      const person = await people.upsertFromEntra({
        oid: claims.oid,
        tid,
        name: claims.name ?? 'Colleague',
        role: admin ? 'admin' : 'employee',
        // Teams hands the tab the user's locale; the tab sends it along.
        language: acceptedLanguage(acceptLanguage),
      });
      return { ...person, roles };
    },
  };
}

/** The tenant, read before verification only to pick the JWKS; verified right after. */
function unverifiedTenant(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { tid?: unknown };
    return typeof claims.tid === 'string' && /^[0-9a-f-]{36}$/i.test(claims.tid) ? claims.tid : undefined;
  } catch {
    return undefined;
  }
}
