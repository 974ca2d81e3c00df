import { campaignsService } from '../domain/campaigns/campaigns-service.js';
import { noPointsProgram, type PointsProgramPort } from '../domain/campaigns/disclosure.js';
import { enqueueIn } from '../notifications/enqueue.js';
import { campaignResultKind } from '../notifications/kinds/campaign-result.js';
import type { Db } from '../storage/db.js';
import { recordEvents } from '../storage/events/record-events.js';
import { campaignsRepo, claimEndedCampaigns } from '../storage/repos/campaigns.js';

/** The campaign rules bound to storage. Points plug in through `points` (answers false until they exist). */
export function campaignsServiceFor(db: Db, o: { points?: PointsProgramPort; now?: () => Date } = {}) {
  return campaignsService({ store: campaignsRepo(db), points: o.points ?? noPointsProgram, now: o.now ?? (() => new Date()) });
}

/**
 * Ended campaigns whose results are not planned: each marked and its thank-you cards queued
 * in one transaction (the kind's once-key is a second guard), so each campaign's cards are
 * planned exactly once across retries, takeovers and processes.
 */
export async function planCampaignResults(db: Db, now: Date): Promise<string[]> {
  return db.transaction(async (tx) => {
    const ended = await claimEndedCampaigns(tx, now);
    for (const campaignId of ended) await enqueueIn(tx, campaignResultKind, { campaignId }, 'by_kind', 'now');
    await recordEvents(
      tx,
      ended.map((campaignId) => ({ type: 'campaign.ended' as const, subject: `campaign:${campaignId}` as const, payload: { campaignId } })),
    );
    return ended;
  });
}
