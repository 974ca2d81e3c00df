import type { Server } from 'restify';
import { invalid } from '../../domain/errors.js';
import { storedUrls } from '../../domain/urls/stored-url.js';
import { crisisOnSchema, type AdminCrisisState, type CrisisNotice } from '../contract/crisis.js';
import type { VersionedCrisisState } from '../../storage/repos/crisis.js';
import type { HttpContext } from '../context.js';
import { crisisInstructions } from '../pages/crisis-page.js';
import { markdownToHtml } from '../../domain/text/markdown-policy.js';
import { admin, parse, user } from '../request.js';

/** Crisis "one voice" mode: everyone may read it; only admins switch it. */
export function crisisRoutes(server: Server, ctx: HttpContext): void {
  const { crisis, crisisWatch } = ctx;
  const forAdmins = ({ version: _version, ...state }: VersionedCrisisState): AdminCrisisState => ({
    ...state,
    cardUpdateDays: ctx.config.crisisUpdateDays,
  });

  server.get('/api/v1/crisis', async (req, res) => {
    const who = await user(ctx.auth, req);
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
    res.send(200, notice);
  });

  server.get('/api/v1/admin/crisis', async (req, res) => {
    await admin(ctx.auth, req);
    res.send(200, forAdmins(await crisis.state()));
  });

  /** On. Twice is harmless: the second call changes nothing and is not logged. */
  server.post('/api/v1/admin/crisis', async (req, res) => {
    const who = await admin(ctx.auth, req);
    const input = parse(crisisOnSchema, req.body);
    const { urls, problems } = storedUrls({ statementUrl: input.statementUrl }, { allowHttpLocalhost: ctx.config.env !== 'production' });
    if (problems.statementUrl) throw invalid('Some fields are not valid', problems);
    const { state, changed } = await crisis.switchOn({ ...input, statementUrl: urls.statementUrl || undefined }, who);
    crisisWatch.set(state);
    if (changed) {
      ctx.log.warn({ notifyEveryone: input.notifyEveryone }, 'crisis mode switched on');
      ctx.nudgeWorker?.(); // the crisis card and the card updates start now, not at the next tick
    }
    res.send(changed ? 201 : 200, forAdmins(state));
  });

  server.post('/api/v1/admin/crisis/off', async (req, res) => {
    const who = await admin(ctx.auth, req);
    const { state, changed } = await crisis.switchOff(who);
    crisisWatch.set(state);
    if (changed) {
      ctx.log.warn('crisis mode switched off');
      ctx.nudgeWorker?.();
    }
    res.send(200, forAdmins(state));
  });

  server.get('/api/v1/admin/crisis/audit', async (req, res) => {
    await admin(ctx.auth, req);
    res.send(200, { items: await crisis.audit() });
  });
}
