import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { unauthenticated } from '../../domain/errors.js';
import { acceptedLanguage } from '../contract/common.js';
import type { PeopleRepo } from '../../storage/repos/people.js';
import { bearer, type Authenticator } from './identity.js';

export interface EntraOptions {
  clientId: string;
  tenantIds: string[];
  /** https://login.microsoftonline.com, or a fake Entra on loopback in tests */
  authorityHost: string;
  adminRole: string;
  adminGroupId: string;
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
 * maps it to a person. Admin is an app role or a group membership from the token.
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
      if (!tid || !o.tenantIds.includes(tid)) throw unauthenticated('This organisation is not allowed to use Chorus');
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
        throw unauthenticated('The sign-in token is not valid');
      }
      if (claims.tid !== tid || !claims.oid) throw unauthenticated('The sign-in token is not valid');
      if (!(claims.scp ?? '').split(' ').includes('access_as_user')) throw unauthenticated('The sign-in token lacks the access_as_user scope');
      const admin =
        (claims.roles ?? []).includes(o.adminRole) || (o.adminGroupId !== '' && (claims.groups ?? []).includes(o.adminGroupId));
      return people.upsertFromEntra({
        oid: claims.oid,
        tid,
        name: claims.name ?? 'Colleague',
        role: admin ? 'admin' : 'employee',
        // Teams hands the tab the user's locale; the tab sends it along.
        language: acceptedLanguage(acceptLanguage),
      });
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
