import { invalid, notFound } from '../../domain/errors.js';
import { checkUrls } from '../../domain/urls/stored-url.js';
import type { OnboardingStepInput } from '../../domain/model/onboarding.js';
import { onboardingEndpoints as endpoints } from '../contract/endpoints/onboarding.js';
import type { HttpContext } from '../context.js';
import type { Route } from '../serve.js';

/** Onboarding: everyone sees their own checklist; editors define it and may mark new hires. */
export function onboardingRoutes(route: Route, ctx: HttpContext): void {
  const { onboarding } = ctx;
  const policy = { allowHttpLocalhost: ctx.config.env !== 'production' };
  const checked = (input: OnboardingStepInput): OnboardingStepInput => {
    const { urls, reasons } = checkUrls({ linkUrl: input.linkUrl }, policy);
    if (reasons.linkUrl) throw invalid(reasons);
    return { ...input, ...urls };
  };
  const step = async (id: string) => {
    const found = (await onboarding.steps()).find((s) => s.id === id);
    if (!found) throw notFound('Step');
    return found;
  };

  route(endpoints.onboarding, async ({ who, lang }) => onboarding.mine(who.id, lang));

  route(endpoints.markOnboardingStep, async ({ who, params, body, lang }) => {
    await onboarding.mark(who.id, params.id, body.done);
    return onboarding.mine(who.id, lang);
  });

  route(endpoints.adminOnboardingSteps, async ({ query }) => onboarding.stepsPage(query));

  route(endpoints.createOnboardingStep, async ({ body }) => step(await onboarding.createStep(checked(body))));

  route(endpoints.updateOnboardingStep, async ({ params, body }) => {
    await onboarding.updateStep(params.id, checked(body));
    return step(params.id);
  });

  route(endpoints.removeOnboardingStep, async ({ params }) => {
    await onboarding.archiveStep(params.id);
    return undefined;
  });

  route(endpoints.newHireCandidates, async ({ query }) => ({ items: await onboarding.searchPeople(query.q) }));

  route(endpoints.markNewHire, async ({ params, body }) => {
    await onboarding.markNewHire(params.id, body.until ? new Date(body.until) : null);
    return undefined;
  });
}
