import { notFound } from '../../domain/errors.js';
import { isLocalRequest } from '../auth/identity.js';
import { meEndpoints } from '../contract/endpoints/me.js';
import { authRequest } from '../request.js';
import type { HttpContext } from '../context.js';
import type { Route } from '../serve.js';

/** Development only: the demo people the tab offers to sign in as. */
export function devRoutes(route: Route, ctx: HttpContext): void {
  route.public(meEndpoints.devPeople, async ({ req }) => {
    if (ctx.auth.mode !== 'dev' || !isLocalRequest(authRequest(req))) throw notFound('Route');
    const cutoff = Date.now() - ctx.config.onboardingDays * 86_400_000;
    const people = (await ctx.people.demoPeople()).map((p) => ({
      key: p.devKey as string,
      displayName: p.displayName,
      role: p.role,
      department: p.department,
      language: p.language,
      newHire: p.joinedAt !== null && new Date(p.joinedAt).getTime() > cutoff,
    }));
    return { items: people };
  });
}
