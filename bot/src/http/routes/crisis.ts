import { crisisNotice, forAdmins } from '../../domain/crisis/crisis-state.js';
import { markdownToHtml } from '../../domain/text/markdown-policy.js';
import { crisisEndpoints } from '../contract/endpoints/crisis.js';
import type { HttpContext } from '../context.js';
import { answer, type Route } from '../serve.js';

/** Crisis "one voice" mode: everyone may read it; only who may manage it switches it. */
export function crisisRoutes(route: Route, ctx: HttpContext): void {
  const { crisisService: crisis, crisisWatch } = ctx;
  const days = ctx.config.crisisUpdateDays;

  route(crisisEndpoints.crisis, async ({ who }) => crisisNotice(crisisWatch.current() ?? (await crisisWatch.refresh()), who.language, markdownToHtml));

  route(crisisEndpoints.adminCrisis, async () => forAdmins(await crisis.state(), days));

  /** On. Twice is harmless: the second call changes nothing and is not logged. */
  route(crisisEndpoints.crisisOn, async ({ who, body }) => {
    const { state, changed } = await crisis.switchOn(body, who);
    crisisWatch.set(state);
    if (changed) {
      ctx.log.warn({ notifyEveryone: body.notifyEveryone }, 'crisis mode switched on');
      ctx.nudgeWorker?.(); // the crisis card and the card updates start now, not at the next tick
    }
    return answer(changed ? 201 : 200, forAdmins(state, days));
  });

  route(crisisEndpoints.crisisOff, async ({ who }) => {
    const { state, changed } = await crisis.switchOff(who);
    crisisWatch.set(state);
    if (changed) {
      ctx.log.warn('crisis mode switched off');
      ctx.nudgeWorker?.();
    }
    return forAdmins(state, days);
  });

  route(crisisEndpoints.crisisAudit, async ({ query }) => crisis.audit(query));
}
