import { onboardingEndpoints as endpoints } from '../contract/endpoints/onboarding.js';
import type { HttpContext } from '../context.js';
import type { Route } from '../serve.js';

/** Onboarding: everyone sees their own checklist; editors define it and may mark new hires. */
export function onboardingRoutes(route: Route, ctx: HttpContext): void {
  const { onboardingService: onboarding } = ctx;

  route(endpoints.onboarding, async ({ who, lang }) => onboarding.mine(who.id, lang));

  route(endpoints.markOnboardingStep, async ({ who, params, body, lang }) => onboarding.mark(who.id, params.id, body.done, lang));

  route(endpoints.adminOnboardingSteps, async ({ query }) => onboarding.stepsPage(query));

  route(endpoints.createOnboardingStep, async ({ body }) => onboarding.createStep(body));

  route(endpoints.updateOnboardingStep, async ({ params, body }) => onboarding.updateStep(params.id, body));

  route(endpoints.removeOnboardingStep, async ({ params }) => {
    await onboarding.removeStep(params.id);
    return undefined;
  });

  route(endpoints.newHireCandidates, async ({ query }) => ({ items: await onboarding.searchPeople(query.q) }));

  route(endpoints.markNewHire, async ({ params, body }) => {
    await onboarding.markNewHire(params.id, body.until ? new Date(body.until) : null);
    return undefined;
  });
}
