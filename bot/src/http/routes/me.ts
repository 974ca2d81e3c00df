import { actorOf, permissionsOf } from '../../domain/permissions/policy.js';
import { meEndpoints } from '../contract/endpoints/me.js';
import type { HttpContext } from '../context.js';
import type { Route } from '../serve.js';

export function meRoutes(route: Route, ctx: HttpContext): void {
  route(meEndpoints.me, async ({ who }) => {
    const actor = actorOf(who);
    return {
      id: who.id,
      displayName: who.displayName,
      role: who.role,
      roles: [...actor.roles],
      permissions: permissionsOf(actor),
      language: who.language,
      department: who.department,
      location: who.location,
    };
  });

  /** The caller's own shares and the clicks they brought: nobody else's (person.numbers.read). */
  route(meEndpoints.myShares, async ({ who, query }) => ctx.sharing.myShares(who.id, query));

  route(meEndpoints.topics, async ({ lang }) => ({ items: await ctx.topics.list(lang) }));
}
