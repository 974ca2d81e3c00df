import type { Server } from 'restify';
import { invalid, notFound } from '../../domain/errors.js';
import { storedUrls } from '../../domain/urls/stored-url.js';
import { newHireMarkSchema, newHireSearchSchema, onboardingMarkSchema, onboardingStepInputSchema, type OnboardingStepInput } from '../contract/onboarding.js';
import type { HttpContext } from '../context.js';
import { requestLanguage } from '../localize.js';
import { admin, parse, user, UUID } from '../request.js';

function id(raw: unknown, what: string): string {
  const value = String(raw);
  if (!UUID.test(value)) throw notFound(what);
  return value;
}

/** Onboarding: everyone sees their checklist; admins define it and may mark new hires. */
export function onboardingRoutes(server: Server, ctx: HttpContext): void {
  const { onboarding } = ctx;
  const policy = { allowHttpLocalhost: ctx.config.env !== 'production' };
  const checked = (input: OnboardingStepInput): OnboardingStepInput => {
    const { urls, problems } = storedUrls({ linkUrl: input.linkUrl }, policy);
    if (problems.linkUrl) throw invalid('Some fields are not valid', problems);
    return { ...input, ...urls };
  };

  server.get('/api/v1/onboarding', async (req, res) => {
    const who = await user(ctx.auth, req);
    res.send(200, await onboarding.mine(who.id, requestLanguage(req.header('accept-language'), who.language)));
  });

  server.post('/api/v1/onboarding/steps/:id', async (req, res) => {
    const who = await user(ctx.auth, req);
    const { done } = parse(onboardingMarkSchema, req.body);
    await onboarding.mark(who.id, id(req.params.id, 'Step'), done);
    res.send(200, await onboarding.mine(who.id, requestLanguage(req.header('accept-language'), who.language)));
  });

  server.get('/api/v1/admin/onboarding/steps', async (req, res) => {
    await admin(ctx.auth, req);
    res.send(200, { items: await onboarding.steps() });
  });

  server.post('/api/v1/admin/onboarding/steps', async (req, res) => {
    await admin(ctx.auth, req);
    const stepId = await onboarding.createStep(checked(parse(onboardingStepInputSchema, req.body)));
    res.send(201, (await onboarding.steps()).find((s) => s.id === stepId));
  });

  server.put('/api/v1/admin/onboarding/steps/:id', async (req, res) => {
    await admin(ctx.auth, req);
    const stepId = id(req.params.id, 'Step');
    await onboarding.updateStep(stepId, checked(parse(onboardingStepInputSchema, req.body)));
    res.send(200, (await onboarding.steps()).find((s) => s.id === stepId));
  });

  server.del('/api/v1/admin/onboarding/steps/:id', async (req, res) => {
    await admin(ctx.auth, req);
    await onboarding.archiveStep(id(req.params.id, 'Step'));
    res.send(204);
  });

  server.get('/api/v1/admin/onboarding/people', async (req, res) => {
    await admin(ctx.auth, req);
    const { q } = parse(newHireSearchSchema, req.query);
    res.send(200, { items: await onboarding.searchPeople(q) });
  });

  server.put('/api/v1/admin/people/:id/new-hire', async (req, res) => {
    await admin(ctx.auth, req);
    const { until } = parse(newHireMarkSchema, req.body);
    await onboarding.markNewHire(id(req.params.id, 'Person'), until ? new Date(until) : null);
    res.send(204);
  });
}
