import type { CampaignStatus } from '../model/campaigns.js';

/** Where a campaign stands at `now`: its window is [startsAt, endsAt). */
export function campaignStatus(c: { startsAt: Date; endsAt: Date }, now: Date): CampaignStatus {
  if (now < c.startsAt) return 'scheduled';
  return now < c.endsAt ? 'running' : 'ended';
}

/** Progress as a whole percentage of the goal, 0–100 (a goal passed shows as 100). */
export function progressPercent(progress: number, target: number): number {
  if (target <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((progress * 100) / target)));
}

/** Whether a campaign covers an item: named among its items, or carrying its topic. */
export function covers(c: { itemIds: readonly string[]; topic: string | null }, item: { id: string; topics: readonly string[] }): boolean {
  if (c.itemIds.length > 0) return c.itemIds.includes(item.id.toLowerCase());
  return c.topic !== null && item.topics.includes(c.topic);
}
