import { jobEndpoints } from '../contract/endpoints/jobs.js';
import type { HttpContext } from '../context.js';
import type { Route } from '../serve.js';

/** Background jobs as operators see them. */
export function adminJobRoutes(route: Route, ctx: HttpContext): void {
  route(jobEndpoints.jobs, async () => ({ items: await ctx.jobs.list() }));
}
