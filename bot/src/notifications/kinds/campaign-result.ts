import { z } from 'zod';
import { campaignResultCard } from '../../cards/campaign-result-card.js';
import { campaignResult, campaignWindows, TOOK_PART } from '../../storage/repos/campaigns.js';
import { pointsRepo } from '../../storage/repos/points.js';
import type { Queryable } from '../../storage/db.js';
import { defineKind, idRef } from '../kind.js';
import { reachable } from '../recipients.js';
import { wants } from '../wants.js';

const unlessSilenced = wants('unlessSilenced');

/**
 * After a campaign ends: the team's result and a thank-you to the people who took part
 * (shared at least one covered item within its window), fixed when the send starts. A
 * thank-you, never a nudge: not for people who chose "nothing" or typed `stop`. Crisis mode
 * holds it (priority 0) and the planning job waits; it is sent once the crisis is over.
 */
export const campaignResultKind = defineKind({
  name: 'campaign_result',
  payload: z.object({ campaignId: idRef }).strict(),
  audience: ['by_kind'],
  wants: unlessSilenced,
  recipients: reachable({ from: 'campaigns cp', where: `cp.id = (s.payload->>'campaignId')::uuid and ${TOOK_PART}` }, unlessSilenced),
  onceKey: (p) => p.campaignId,
  view: () => ({}),
  async render(d, ctx) {
    const result = await campaignResult(ctx.db, d.payload.campaignId);
    if (!result) return 'campaign_gone';
    const rank = await rankOnBoard(ctx.db, d.payload.campaignId, d.personId);
    return campaignResultCard({ ...result, ...(rank ? { rank } : {}), campaignsUrl: ctx.tab('share') }, d.person.language);
  },
});

/**
 * My place on the campaign's leaderboard — only for someone who opted in to the board, while
 * points are on, and only with points in the campaign; everyone else gets the team result only.
 */
async function rankOnBoard(db: Queryable, campaignId: string, personId: string): Promise<number | undefined> {
  const points = pointsRepo(db);
  if (!(await points.rules()).enabled) return undefined;
  const window = await campaignWindows(db)(campaignId);
  if (!window) return undefined;
  const { me } = await points.board(window, personId, 'department');
  return me.optedIn && me.rank !== null && (me.points ?? 0) > 0 ? me.rank : undefined;
}
