import { z } from 'zod';
import { thanksCard } from '../../cards/thanks-card.js';
import { thankMessage } from '../../storage/repos/thanks.js';
import { defineKind, idRef } from '../kind.js';
import { NAMED, reachable } from '../recipients.js';
import { wants } from '../wants.js';

const unlessStopped = wants('unlessStopped');

/**
 * A personal thank-you from the content team, to the one person it is for. Not a nudge and
 * not content: everyone who did not say "stop" gets it (held during a crisis, then sent).
 * The payload names the thank-you; its words are read from the thanks table when rendered.
 */
export const thanksKind = defineKind({
  name: 'thanks',
  payload: z.object({ thanksId: idRef }).strict(),
  audience: ['people'],
  wants: unlessStopped,
  recipients: reachable(NAMED, unlessStopped),
  onceKey: (p) => p.thanksId,
  view: () => ({}),
  async render(d, ctx) {
    const message = await thankMessage(ctx.db, d.payload.thanksId, d.personId);
    if (message === undefined) return 'gone';
    return thanksCard({ message, boardUrl: ctx.tab('leaderboard') }, d.person.language);
  },
});
