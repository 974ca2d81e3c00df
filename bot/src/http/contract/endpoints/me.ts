import { listOf } from '../../../domain/model/common.js';
import { endpoint } from '../endpoint.js';
import { topicSchema } from '../../../domain/model/items.js';
import { demoPersonSchema, meSchema, mySharesQuerySchema, mySharesSchema } from '../../../domain/model/me.js';

export const meEndpoints = {
  /** Who I am and what I may do. */
  me: endpoint({ method: 'GET', path: '/api/v1/me', response: meSchema, permission: 'app.use' }),
  /** My own shares and the clicks they brought: nobody else's (person.numbers.read). */
  myShares: endpoint({ method: 'GET', path: '/api/v1/me/shares', query: mySharesQuerySchema, response: mySharesSchema, permission: 'app.use' }),
  /** Topic names in the request's language. */
  topics: endpoint({ method: 'GET', path: '/api/v1/topics', response: listOf(topicSchema), permission: 'app.use' }),
  /** Development only: the demo people to sign in as (no sign-in needed to ask). */
  devPeople: endpoint({ method: 'GET', path: '/api/v1/dev/people', response: listOf(demoPersonSchema), permission: null }),
};
