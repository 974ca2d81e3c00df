import type { Strings } from '../en/index.js';
import { common } from './common.js';
import { feed } from './feed.js';
import { myShares } from './my-shares.js';
import { impact } from './impact.js';
import { items } from './items.js';
import { announcements } from './announcements.js';
import { crisis } from './crisis.js';
import { guidelines } from './guidelines.js';
import { trainings } from './trainings.js';
import { onboarding } from './onboarding.js';
import { points } from './points.js';
import { thanks } from './thanks.js';
import { campaigns } from './campaigns.js';
import { analytics } from './analytics.js';
import { directory } from './directory.js';

/** The German texts, one file per feature, with the same keys as the English ones. */
export const de: Strings = { ...common, ...feed, ...myShares, ...impact, ...items, ...announcements, ...crisis, ...guidelines, ...trainings, ...onboarding, ...points, ...thanks, ...campaigns, ...analytics, ...directory };
