import { forbidden, unauthenticated } from '../../domain/errors.js';
import type { PeopleRepo } from '../../storage/repos/people.js';
import { bearer, isLocalRequest, type Authenticator } from './identity.js';

/**
 * Local development: the tab picks a demo person and sends `Bearer dev.<key>`. Only
 * answered for requests from this computer, to localhost, not relayed by a tunnel; config refuses this mode in production and on any
 * PUBLIC_URL that is not localhost.
 */
export function devAuthenticator(people: PeopleRepo): Authenticator {
  return {
    mode: 'dev',
    async authenticate(req) {
      const { authorization } = req;
      if (!isLocalRequest(req)) throw forbidden('auth.devLocalOnly');
      const token = bearer(authorization);
      if (!token?.startsWith('dev.')) throw unauthenticated('auth.chooseDemoPerson');
      const person = await people.byDevKey(token.slice(4));
      if (!person) throw unauthenticated('auth.unknownDemoPerson');
      return person;
    },
  };
}
