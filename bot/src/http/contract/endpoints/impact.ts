import { impactQuerySchema, impactSchema } from '../../../domain/model/impact.js';
import { endpoint } from '../endpoint.js';

export const impactEndpoints = {
  /** My impact: my shares, clicks and unique readers over a period — mine only (person.numbers.read). */
  myImpact: endpoint({ method: 'GET', path: '/api/v1/me/impact', query: impactQuerySchema, response: impactSchema, permission: 'app.use' }),
};
