import { z } from 'zod';
import { onboardingReminderCard } from '../../cards/onboarding-card.js';
import { checklistProgress, NO_PROGRESS } from '../../domain/onboarding/checklist.js';
import { loadProgress, loadSteps } from '../../storage/repos/onboarding.js';
import { defineKind } from '../kind.js';
import { NAMED, reachable } from '../recipients.js';
import { wants } from '../wants.js';

const unlessSilenced = wants('unlessSilenced');

/**
 * The one friendly reminder to new hires whose checklist is unfinished a week after their
 * start, with their progress as it is when it is sent; nothing if they finished meanwhile.
 */
export const onboardingReminderKind = defineKind({
  name: 'onboarding_reminder',
  payload: z.object({}).strict(),
  audience: ['people'],
  wants: unlessSilenced,
  recipients: reachable(NAMED, unlessSilenced),
  view: () => ({}),
  async render(d, ctx) {
    const [steps, progress] = await Promise.all([loadSteps(ctx.db), loadProgress(ctx.db, [d.personId])]);
    const { done, total, finished } = checklistProgress(steps, progress.get(d.personId) ?? NO_PROGRESS);
    if (finished) return 'onboarding_done';
    return onboardingReminderCard({ done, total, onboardingUrl: ctx.tab('onboarding') }, d.person.language);
  },
});
