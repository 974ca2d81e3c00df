import type { Server } from 'restify';
import { notFound } from '../../domain/errors.js';
import type { DemoPerson } from '../contract/me.js';
import { isLocalRequest } from '../auth/identity.js';
import { authRequest } from '../request.js';
import type { HttpContext } from '../context.js';

/** Development only: the demo people the tab offers to sign in as. */
export function devRoutes(server: Server, ctx: HttpContext): void {
  server.get('/api/v1/dev/people', async (req, res) => {
    if (ctx.auth.mode !== 'dev' || !isLocalRequest(authRequest(req))) throw notFound('Route');
    const cutoff = Date.now() - ctx.config.onboardingDays * 86_400_000;
    const people: DemoPerson[] = (await ctx.people.demoPeople()).map((p) => ({
      key: p.devKey as string,
      displayName: p.displayName,
      role: p.role,
      department: p.department,
      language: p.language,
      newHire: p.joinedAt !== null && new Date(p.joinedAt).getTime() > cutoff,
    }));
    res.send(200, { items: people });
  });
}
