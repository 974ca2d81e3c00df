import { invalid } from '../../domain/errors.js';
import { checkUrls } from '../../domain/urls/stored-url.js';
import type { AdminCrisisState, CrisisNotice } from '../../domain/model/crisis.js';
import { crisisEndpoints } from '../contract/endpoints/crisis.js';
import type { VersionedCrisisState } from '../../storage/repos/crisis.js';
import type { HttpContext } from '../context.js';
import { crisisInstructions } from '../pages/crisis-page.js';
import { markdownToHtml } from '../../domain/text/markdown-policy.js';
import { answer, type Route } from '../serve.js';

/** Crisis "one voice" mode: everyone may read it; only who may manage it switches it. */
export function crisisRoutes(route: Route, ctx: HttpContext): void {
  const { crisis, crisisWatch } = ctx;
  const forAdmins = ({ version: _version, ...state }: VersionedCrisisState): AdminCrisisState => ({
    ...state,
    cardUpdateDays: ctx.config.crisisUpdateDays,
  });

  route(crisisEndpoints.crisis, async ({ who }) => {
    const state = crisisWatch.current() ?? (await crisisWatch.refresh());
    const notice: CrisisNotice = state.active
      ? {
          active: true,
          instructions: crisisInstructions(state, who.language),
          instructionsHtml: markdownToHtml(crisisInstructions(state, who.language)),
          statementUrl: state.statementUrl,
          spokesperson: state.spokesperson,
          startedAt: state.startedAt,
        }
      : { active: false, instructions: null, instructionsHtml: null, statementUrl: null, spokesperson: null, startedAt: null };
    return notice;
  });

  route(crisisEndpoints.adminCrisis, async () => forAdmins(await crisis.state()));

  /** On. Twice is harmless: the second call changes nothing and is not logged. */
  route(crisisEndpoints.crisisOn, async ({ who, body: input }) => {
    const { urls, reasons } = checkUrls({ statementUrl: input.statementUrl }, { allowHttpLocalhost: ctx.config.env !== 'production' });
    if (reasons.statementUrl) throw invalid(reasons);
    const { state, changed } = await crisis.switchOn({ ...input, statementUrl: urls.statementUrl || undefined }, who);
    crisisWatch.set(state);
    if (changed) {
      ctx.log.warn({ notifyEveryone: input.notifyEveryone }, 'crisis mode switched on');
      ctx.nudgeWorker?.(); // the crisis card and the card updates start now, not at the next tick
    }
    return answer(changed ? 201 : 200, forAdmins(state));
  });

  route(crisisEndpoints.crisisOff, async ({ who }) => {
    const { state, changed } = await crisis.switchOff(who);
    crisisWatch.set(state);
    if (changed) {
      ctx.log.warn('crisis mode switched off');
      ctx.nudgeWorker?.();
    }
    return forAdmins(state);
  });

  route(crisisEndpoints.crisisAudit, async ({ query }) => crisis.audit(query));
}
