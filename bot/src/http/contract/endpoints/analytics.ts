import {
  analyticsPeriodSchema,
  analyticsSettingsInputSchema,
  analyticsSettingsSchema,
  breakdownPageQuerySchema,
  breakdownSchema,
  funnelQuerySchema,
  funnelSchema,
  overviewSchema,
} from '../../../domain/model/analytics.js';
import { endpoint } from '../endpoint.js';

/**
 * The content team's dashboard (issue 13): aggregates only, over groups of at least the
 * minimum group. The CSV exports of the same tables are plain routes beside these
 * (`…/export.csv`, see http/routes/analytics.ts).
 */
export const analyticsEndpoints = {
  analyticsOverview: endpoint({ method: 'GET', path: '/api/v1/analytics/overview', query: analyticsPeriodSchema, response: overviewSchema, permission: 'analytics.read' }),
  analyticsBreakdown: endpoint({ method: 'GET', path: '/api/v1/analytics/breakdown', query: breakdownPageQuerySchema, response: breakdownSchema, permission: 'analytics.read' }),
  analyticsFunnel: endpoint({ method: 'GET', path: '/api/v1/analytics/funnel', query: funnelQuerySchema, response: funnelSchema, permission: 'analytics.read' }),
  analyticsSettings: endpoint({ method: 'GET', path: '/api/v1/admin/analytics/settings', response: analyticsSettingsSchema, permission: 'analytics.read' }),
  saveAnalyticsSettings: endpoint({ method: 'PUT', path: '/api/v1/admin/analytics/settings', body: analyticsSettingsInputSchema, response: analyticsSettingsSchema, permission: 'analytics.manage' }),
};
