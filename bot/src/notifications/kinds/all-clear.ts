import { z } from 'zod';
import { allClearCard } from '../../cards/crisis-card.js';
import { defineKind, idRef } from '../kind.js';
import { followUp, SOURCE, SOURCE_SETTLED } from '../recipients.js';
import { wants } from '../wants.js';

/** Crisis mode is over: to the people a crisis notice (the source) reached. */
export const allClearKind = defineKind({
  name: 'all_clear',
  payload: z.object({ sourceAnnouncementId: idRef }).strict(),
  audience: ['by_kind'],
  priority: 2,
  wants: wants('unlessStopped'),
  recipients: followUp({
    replacesCards: false,
    // Once: not for people who got any all-clear since this crisis card (a quick on-off-on
    // may have cancelled an earlier one midway).
    where: `not exists (
      select 1 from announcements sib join deliveries x on x.announcement_id = sib.id and x.person_id = d.person_id
      where sib.id <> s.id and sib.kind = 'all_clear' and x.status in ('sent', 'pending')
        and sib.created_at >= (select src.created_at from announcements src where src.id = ${SOURCE}))`,
  }),
  ready: SOURCE_SETTLED,
  // Switching on again stops an all-clear still going out.
  crisis: { cancelOnSwitchOn: true },
  view: () => ({}),
  async render(d, ctx) {
    if (await ctx.crisis()) return 'crisis';
    return allClearCard({ tabUrl: ctx.tab('share') }, d.person.language);
  },
});
