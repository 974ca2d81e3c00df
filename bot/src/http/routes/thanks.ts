import { thanksService } from '../../services/thanks.js';
import { thanksEndpoints as endpoints } from '../contract/endpoints/thanks.js';
import type { HttpContext } from '../context.js';
import type { Route } from '../serve.js';

/**
 * Thanks from the content team: admins thank someone on the leaderboard by its entry id;
 * the receiver alone reads theirs and chooses whether others see one.
 */
export function thanksRoutes(route: Route, ctx: HttpContext): void {
  const thanks = thanksService(ctx.db);
  route(endpoints.sendThanks, async ({ who, body }) => {
    const sent = await thanks.send(body, who.id);
    ctx.nudgeWorker?.();
    return sent;
  });
  route(endpoints.myThanks, async ({ who }) => ({ items: await thanks.mine(who.id) }));
  route(endpoints.showThanks, async ({ who, params, body }) => thanks.setShown(who.id, params.id, body.shown));
  route(endpoints.shownThanks, async () => ({ items: await thanks.shown() }));
}
