import { notFound } from '../../domain/errors.js';
import { itemEndpoints } from '../contract/endpoints/items.js';
import type { HttpContext } from '../context.js';
import type { Route } from '../serve.js';

export function feedRoutes(route: Route, ctx: HttpContext): void {
  route(itemEndpoints.feed, async ({ who, query }) =>
    ctx.items.feed({ personId: who.id, language: who.language, department: who.department, location: who.location }, query),
  );

  /** The caller's share page for a live item: the same address every time. */
  route(itemEndpoints.shareLink, async ({ who, params }) => {
    if (!(await ctx.items.visibleTo(params.id, who))) throw notFound('Item');
    const token = await ctx.sharing.shareToken(params.id, who.id);
    return { url: `${ctx.config.publicUrl}/s/${token}` };
  });
}
