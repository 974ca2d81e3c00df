import type { Server } from 'restify';
import { notFound } from '../../domain/errors.js';
import { feedQuerySchema, type ShareLink } from '../contract/items.js';
import type { HttpContext } from '../context.js';
import { parse, user, UUID } from '../request.js';

export function feedRoutes(server: Server, ctx: HttpContext): void {
  server.get('/api/v1/items', async (req, res) => {
    const who = await user(ctx.auth, req);
    const query = parse(feedQuerySchema, req.query);
    const page = await ctx.items.feed(
      { personId: who.id, language: who.language, department: who.department, location: who.location },
      query,
    );
    res.send(200, page);
  });

  /** The caller's share page for a live item: the same address every time. */
  server.post('/api/v1/items/:id/share-link', async (req, res) => {
    const who = await user(ctx.auth, req);
    const id = String(req.params.id);
    if (!UUID.test(id) || !(await ctx.items.visibleTo(id, who))) throw notFound('Item');
    const token = await ctx.sharing.shareToken(id, who.id);
    const link: ShareLink = { url: `${ctx.config.publicUrl}/s/${token}` };
    res.send(200, link);
  });
}
