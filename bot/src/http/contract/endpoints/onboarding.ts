import { listOf, noContent, pageOf } from '../../../domain/model/common.js';
import { endpoint, uuidParam } from '../endpoint.js';
import {
  newHireCandidateSchema,
  newHireMarkSchema,
  newHireSearchSchema,
  onboardingMarkSchema,
  onboardingSchema,
  onboardingStepAdminSchema,
  onboardingStepInputSchema,
  onboardingStepsQuerySchema,
} from '../../../domain/model/onboarding.js';

const step = { id: uuidParam('Step') };

export const onboardingEndpoints = {
  /** My checklist in the request's language, with my progress (person.progress.read: mine only). */
  onboarding: endpoint({ method: 'GET', path: '/api/v1/onboarding', response: onboardingSchema, permission: 'app.use' }),
  /** Tick or untick a manual step; answers the whole checklist. 409 for steps that tick themselves. */
  markOnboardingStep: endpoint({ method: 'POST', path: '/api/v1/onboarding/steps/:id', params: step, body: onboardingMarkSchema, response: onboardingSchema, permission: 'app.use' }),
  adminOnboardingSteps: endpoint({ method: 'GET', path: '/api/v1/admin/onboarding/steps', query: onboardingStepsQuerySchema, response: pageOf(onboardingStepAdminSchema), permission: 'onboarding.manage' }),
  createOnboardingStep: endpoint({ method: 'POST', path: '/api/v1/admin/onboarding/steps', body: onboardingStepInputSchema, response: onboardingStepAdminSchema, status: 201, permission: 'onboarding.manage' }),
  updateOnboardingStep: endpoint({ method: 'PUT', path: '/api/v1/admin/onboarding/steps/:id', params: step, body: onboardingStepInputSchema, response: onboardingStepAdminSchema, permission: 'onboarding.manage' }),
  /** Off the checklist for everyone; progress on it no longer counts. */
  removeOnboardingStep: endpoint({ method: 'DELETE', path: '/api/v1/admin/onboarding/steps/:id', params: step, response: noContent, status: 204, permission: 'onboarding.manage' }),
  /** Colleagues whose name contains `q` (at least 2 characters), with whether they count as new. */
  newHireCandidates: endpoint({ method: 'GET', path: '/api/v1/admin/onboarding/people', query: newHireSearchSchema, response: listOf(newHireCandidateSchema), permission: 'onboarding.manage' }),
  /** New until `until`, or back to the join date (null). */
  markNewHire: endpoint({ method: 'PUT', path: '/api/v1/admin/people/:id/new-hire', params: { id: uuidParam('Person') }, body: newHireMarkSchema, response: noContent, status: 204, permission: 'onboarding.manage' }),
};
