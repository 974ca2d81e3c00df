import type { Server } from 'restify';
import { notFound } from '../../domain/errors.js';
import { announceInputSchema, announcementsQuerySchema } from '../contract/announcements.js';
import type { HttpContext } from '../context.js';
import { admin, parse, UUID } from '../request.js';

function id(raw: unknown, what: string): string {
  const value = String(raw);
  if (!UUID.test(value)) throw notFound(what);
  return value;
}

/** Announcing items and steering what is being sent: admins only. */
export function adminAnnouncementRoutes(server: Server, ctx: HttpContext): void {
  server.post('/api/v1/admin/items/:id/announce', async (req, res) => {
    const who = await admin(ctx.auth, req);
    const itemId = id(req.params.id, 'Item');
    const { at } = parse(announceInputSchema, req.body);
    res.send(201, await ctx.announcements.announceItem(itemId, at ? new Date(at) : undefined, who.id));
  });

  server.get('/api/v1/admin/announcements', async (req, res) => {
    await admin(ctx.auth, req);
    res.send(200, await ctx.announcements.list(parse(announcementsQuerySchema, req.query)));
  });

  server.get('/api/v1/admin/announcements/:id', async (req, res) => {
    await admin(ctx.auth, req);
    res.send(200, await ctx.announcements.get(id(req.params.id, 'Announcement')));
  });

  server.post('/api/v1/admin/announcements/:id/cancel', async (req, res) => {
    await admin(ctx.auth, req);
    res.send(200, await ctx.announcements.cancel(id(req.params.id, 'Announcement')));
  });
}
