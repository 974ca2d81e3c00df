import { announcementEndpoints } from '../contract/endpoints/items.js';
import type { HttpContext } from '../context.js';
import type { Route } from '../serve.js';

/** Announcing items and steering what is being sent. */
export function adminAnnouncementRoutes(route: Route, ctx: HttpContext): void {
  route(announcementEndpoints.announce, async ({ who, params, body }) =>
    ctx.announcementsService.announceItem(params.id, body.at ? new Date(body.at) : undefined, who.id),
  );
  route(announcementEndpoints.announcements, async ({ query }) => ctx.announcements.list(query));
  route(announcementEndpoints.announcement, async ({ params }) => ctx.announcements.get(params.id));
  route(announcementEndpoints.cancelAnnouncement, async ({ params }) => ctx.announcements.cancel(params.id));
}
