import { z } from 'zod';
import { onboardingReminderCard } from '../../cards/onboarding-card.js';
import { ONBOARDING_DONE_SQL } from '../../storage/repos/onboarding-done.js';
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
    const [row] = await ctx.db.query<{ done: number; total: number }>(
      `select count(*) filter (where ${ONBOARDING_DONE_SQL('$1')})::int as done, count(*)::int as total from onboarding_steps s where not s.archived`,
      [d.personId],
    );
    if (!row || row.done >= row.total) return 'onboarding_done';
    return onboardingReminderCard({ done: row.done, total: row.total, onboardingUrl: ctx.tab('onboarding') }, d.person.language);
  },
});
