import { z } from 'zod';
import { crisisNoticeCard } from '../../cards/crisis-card.js';
import { crisisInstructions } from '../../domain/crisis/crisis-state.js';
import { defineKind } from '../kind.js';
import { IN_AUDIENCE, reachable } from '../recipients.js';
import { wants } from '../wants.js';

const unlessStopped = wants('unlessStopped');

/**
 * Crisis mode is on: what to do and what not to (instructions, statement, spokesperson), to
 * everybody reachable who did not say "stop". Not content to share, so people who chose no
 * announcements get it too. It goes ahead of every other card.
 */
export const crisisNoticeKind = defineKind({
  name: 'crisis_notice',
  payload: z.object({}).strict(),
  audience: ['groups'],
  priority: 2,
  wants: unlessStopped,
  recipients: reachable(IN_AUDIENCE, unlessStopped),
  // Switching off stops what is still going out (its all-clear follows).
  crisis: { cancelOnSwitchOff: true },
  view: () => ({}),
  // Decided by the switch as it is now: over already, nothing is sent.
  async render(d, ctx) {
    const state = await ctx.crisis();
    if (!state) return 'crisis_over';
    return crisisNoticeCard(
      {
        instructions: crisisInstructions(state, d.person.language),
        statementUrl: state.statementUrl,
        spokesperson: state.spokesperson,
        crisisPageUrl: ctx.tab('crisis'),
      },
      d.person.language,
    );
  },
});
