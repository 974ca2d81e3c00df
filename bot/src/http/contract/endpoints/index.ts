import { analyticsEndpoints } from './analytics.js';
import { campaignEndpoints } from './campaigns.js';
import { conversionEndpoints } from './conversions.js';
import { crisisEndpoints } from './crisis.js';
import { directoryEndpoints } from './directory.js';
import { guidelineEndpoints } from './guidelines.js';
import { impactEndpoints } from './impact.js';
import { jobEndpoints } from './jobs.js';
import { announcementEndpoints, itemEndpoints } from './items.js';
import { meEndpoints } from './me.js';
import { onboardingEndpoints } from './onboarding.js';
import { thanksEndpoints } from './thanks.js';
import { pointsEndpoints } from './points.js';
import { trainingEndpoints } from './trainings.js';

/**
 * Every JSON endpoint of /api/v1, by name. The server serves each (and refuses to start
 * when one is not served); the tab's client has one method per name.
 */
export const ENDPOINTS = {
  ...meEndpoints,
  ...itemEndpoints,
  ...announcementEndpoints,
  ...crisisEndpoints,
  ...guidelineEndpoints,
  ...trainingEndpoints,
  ...onboardingEndpoints,
  ...jobEndpoints,
  ...thanksEndpoints,
  ...pointsEndpoints,
  ...campaignEndpoints,
  ...impactEndpoints,
  ...analyticsEndpoints,
  ...conversionEndpoints,
  ...directoryEndpoints,
};
export type Endpoints = typeof ENDPOINTS;
export type EndpointName = keyof Endpoints;
