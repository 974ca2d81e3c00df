import { emptyBody } from '../../../domain/model/common.js';
import {
  leaderboardQuerySchema,
  leaderboardSchema,
  myPointsQuerySchema,
  myPointsSchema,
  mySettingsInputSchema,
  mySettingsSchema,
  pointsRulesInputSchema,
  pointsRulesSchema,
  recomputeResultSchema,
} from '../../../domain/model/points.js';
import { endpoint } from '../endpoint.js';

export const pointsEndpoints = {
  /** The points program's rules (off by default). */
  pointsRules: endpoint({ method: 'GET', path: '/api/v1/admin/points/rules', response: pointsRulesSchema, permission: 'points.manage' }),
  savePointsRules: endpoint({ method: 'PUT', path: '/api/v1/admin/points/rules', body: pointsRulesInputSchema, response: pointsRulesSchema, permission: 'points.manage' }),
  /** Rebuilds every ledger from the events under the current rules. */
  recomputePoints: endpoint({ method: 'POST', path: '/api/v1/admin/points/recompute', body: emptyBody, response: recomputeResultSchema, permission: 'points.manage' }),
  /** My points and why I have them: the caller's own ledger only (person.numbers.read). */
  myPoints: endpoint({ method: 'GET', path: '/api/v1/me/points', query: myPointsQuerySchema, response: myPointsSchema, permission: 'app.use' }),
  /** The opt-in leaderboard: the same answer for employees and admins. */
  leaderboard: endpoint({ method: 'GET', path: '/api/v1/leaderboard', query: leaderboardQuerySchema, response: leaderboardSchema, permission: 'app.use' }),
  /** My settings: results cards, the leaderboard opt-in, notifications and language. */
  mySettings: endpoint({ method: 'GET', path: '/api/v1/me/settings', response: mySettingsSchema, permission: 'app.use' }),
  saveMySettings: endpoint({ method: 'PUT', path: '/api/v1/me/settings', body: mySettingsInputSchema, response: mySettingsSchema, permission: 'app.use' }),
};
