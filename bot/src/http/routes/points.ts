import { boardWindow, checkSettingsChange } from '../../domain/points/my-settings.js';
import { MIN_TEAM_MEMBERS } from '../../domain/points/points-rules.js';
import { pointsEndpoints } from '../contract/endpoints/points.js';
import type { HttpContext } from '../context.js';
import type { Route } from '../serve.js';

/** Points, the opt-in leaderboard and my settings (issue 12 §4, §5). */
export function pointsRoutes(route: Route, ctx: HttpContext): void {
  const { points } = ctx;
  route(pointsEndpoints.pointsRules, () => points.repo.rules());

  route(pointsEndpoints.savePointsRules, ({ who, body }) => points.repo.saveRules(body, who.id));

  route(pointsEndpoints.recomputePoints, () => points.recompute());

  /** Only ever the caller's ledger: there is no parameter that could name someone else. */
  route(pointsEndpoints.myPoints, async ({ who, query }) => {
    const window = { from: query.from ? new Date(query.from) : null, to: query.to ? new Date(query.to) : null };
    const [rules, ledger] = await Promise.all([points.repo.rules(), points.repo.ledger(who.id, window, query)]);
    return { programOn: rules.enabled, ...ledger };
  });

  route(pointsEndpoints.leaderboard, async ({ who, query }) => {
    const window = await boardWindow(query, { now: points.now(), timeZone: ctx.config.timeZone, campaigns: points.campaigns });
    const rules = await points.repo.rules();
    const board = rules.enabled
      ? await points.repo.board(window, who.id, query.teams)
      : { top: [], me: { optedIn: (await ctx.settings.get(who.id)).leaderboard.optIn, rank: null, points: null }, teams: [] };
    return {
      period: query.period,
      from: window.from?.toISOString() ?? null,
      to: window.to?.toISOString() ?? null,
      programOn: rules.enabled,
      top: board.top,
      me: board.me,
      teams: { by: query.teams, minMembers: MIN_TEAM_MEMBERS, items: board.teams.map((t) => ({ rank: t.rank, name: t.name, points: t.points })) },
    };
  });

  route(pointsEndpoints.mySettings, ({ who }) => ctx.settings.get(who.id));

  route(pointsEndpoints.saveMySettings, ({ who, body }) => ctx.settings.update(who.id, checkSettingsChange(body)));
}
