import type { Server } from 'restify';
import type { Me } from '../contract/me.js';
import type { HttpContext } from '../context.js';
import { requestLanguage } from '../localize.js';
import { user } from '../request.js';

export function meRoutes(server: Server, ctx: HttpContext): void {
  server.get('/api/v1/me', async (req, res) => {
    const who = await user(ctx.auth, req);
    const me: Me = {
      id: who.id,
      displayName: who.displayName,
      role: who.role,
      language: who.language,
      department: who.department,
      location: who.location,
    };
    res.send(200, me);
  });

  /** The caller's own shares and the clicks they brought: nobody else's. */
  server.get('/api/v1/me/shares', async (req, res) => {
    const who = await user(ctx.auth, req);
    res.send(200, await ctx.sharing.myShares(who.id));
  });

  server.get('/api/v1/topics', async (req, res) => {
    const who = await user(ctx.auth, req);
    res.send(200, { items: await ctx.topics.list(requestLanguage(req.header('accept-language'), who.language)) });
  });
}
