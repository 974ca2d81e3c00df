import { impactPeriod } from '../../domain/impact/impact-report.js';
import { TenantDays } from '../../domain/time/tenant-day.js';
import { impactEndpoints } from '../contract/endpoints/impact.js';
import type { HttpContext } from '../context.js';
import type { Route } from '../serve.js';

export function impactRoutes(route: Route, ctx: HttpContext): void {
  const days = new TenantDays(ctx.config.timeZone);
  /** The caller's own results over a period of the tenant's days: there is no way to ask for someone else's. */
  route(impactEndpoints.myImpact, async ({ who, query }) => {
    const period = impactPeriod(query, days.dayAt(ctx.clock.now()));
    return ctx.impact.of(who.id, period);
  });
}
