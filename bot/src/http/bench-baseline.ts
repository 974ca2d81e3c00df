// The feed benchmark's baseline (npm run bench -- feed; issue 13 §6): a feed page that is
// already computed, served through the same server, sign-in, permission check and JSON
// answer as GET /api/v1/items. Feed time minus baseline time is what the feed's own work
// costs. Only served when BENCH_BASELINE is set, which config refuses in production; not
// declared among the tab's endpoints (http/contract), so it is no part of the API.
import { pageOf, type Page } from '../domain/model/common.js';
import { feedItemSchema, type FeedItem } from '../domain/model/items.js';
import { endpoint } from './contract/endpoint.js';
import type { HttpContext } from './context.js';
import type { Route } from './serve.js';

export const fixedFeedEndpoint = endpoint({ method: 'GET', path: '/api/v1/bench/fixed-feed', response: pageOf(feedItemSchema), permission: 'app.use' });

export function benchBaselineRoutes(route: Route, ctx: HttpContext): void {
  if (!ctx.config.benchBaseline || ctx.config.env === 'production') return;
  // The first caller's first page, kept: every later call answers the same page of the same size.
  let fixed: Promise<Page<FeedItem>> | undefined;
  route(fixedFeedEndpoint, async ({ who }) => {
    fixed ??= ctx.items.feed({ personId: who.id, language: who.language, department: who.department, location: who.location }, { limit: 20 }).catch((err: unknown) => {
      fixed = undefined; // the next caller tries again
      throw err;
    });
    return fixed;
  });
}
