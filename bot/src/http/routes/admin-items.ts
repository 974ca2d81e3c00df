import type { Request, Server } from 'restify';
import { notFound } from '../../domain/errors.js';
import { adminItemsQuerySchema, itemInputSchema, publishInputSchema } from '../contract/items.js';
import type { HttpContext } from '../context.js';
import type { SavedItem } from '../contract/items.js';
import { localize, requestLanguage } from '../localize.js';
import { admin, parse, UUID } from '../request.js';

function itemId(raw: unknown): string {
  const id = String(raw);
  if (!UUID.test(id)) throw notFound('Item');
  return id;
}

/** Warnings in the language of the admin's tab. */
function localized(saved: SavedItem, req: Request, fallback: 'de' | 'en'): SavedItem {
  const lang = requestLanguage(req.header('accept-language'), fallback);
  return { ...saved, warnings: saved.warnings.map((w) => ({ ...w, message: localize(w.message, lang) })) };
}

export function adminItemRoutes(server: Server, ctx: HttpContext): void {
  const svc = ctx.itemsService;

  server.get('/api/v1/admin/items', async (req, res) => {
    await admin(ctx.auth, req);
    res.send(200, await ctx.items.adminList(parse(adminItemsQuerySchema, req.query)));
  });

  server.post('/api/v1/admin/items', async (req, res) => {
    const who = await admin(ctx.auth, req);
    res.send(201, localized(await svc.create(parse(itemInputSchema, req.body), who.id), req, who.language));
  });

  server.get('/api/v1/admin/items/:id', async (req, res) => {
    await admin(ctx.auth, req);
    res.send(200, await svc.get(itemId(req.params.id)));
  });

  server.put('/api/v1/admin/items/:id', async (req, res) => {
    const who = await admin(ctx.auth, req);
    const id = itemId(req.params.id);
    res.send(200, localized(await svc.update(id, parse(itemInputSchema, req.body)), req, who.language));
  });

  server.post('/api/v1/admin/items/:id/publish', async (req, res) => {
    await admin(ctx.auth, req);
    const id = itemId(req.params.id);
    const { at } = parse(publishInputSchema, req.body);
    res.send(200, await svc.publish(id, at));
  });

  server.post('/api/v1/admin/items/:id/archive', async (req, res) => {
    await admin(ctx.auth, req);
    res.send(200, await svc.archive(itemId(req.params.id)));
  });

  /** Departments and locations known from the directory, for the audience picker. */
  server.get('/api/v1/admin/audiences', async (req, res) => {
    await admin(ctx.auth, req);
    res.send(200, await ctx.people.audienceValues());
  });
}
