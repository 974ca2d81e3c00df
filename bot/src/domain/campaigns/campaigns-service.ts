import { conflict, invalid, notFound } from '../errors.js';
import { msg } from '../messages/message.js';
import type { Page } from '../model/common.js';
import type { AdminCampaign, Campaign, CampaignInput, CampaignsOverview, Disclosure, DisclosureInput, DisclosureSettings } from '../model/campaigns.js';
import { disclosureApplies, type PointsProgramPort } from './disclosure.js';

/** What the campaign rules need from storage (storage/repos/campaigns.ts). Progress is computed there, in SQL. */
export interface CampaignStore {
  page(page: { cursor?: string | undefined; limit: number }, now: Date): Promise<Page<AdminCampaign>>;
  get(id: string, now: Date): Promise<AdminCampaign | undefined>;
  /** Running at `now`, with progress; soonest end first. */
  running(now: Date): Promise<Campaign[]>;
  create(input: CampaignInput): Promise<string>;
  /** false: no such campaign. */
  update(id: string, input: CampaignInput): Promise<boolean>;
  remove(id: string): Promise<boolean>;
  /** Whether its thank-you cards were planned (then it is history: no more edits). */
  resultsPlanned(id: string): Promise<boolean | undefined>;
  unknownItems(ids: readonly string[]): Promise<string[]>;
  topicExists(id: string): Promise<boolean>;
  prizeCampaignRunning(now: Date): Promise<boolean>;
  disclosure(): Promise<{ text: string; removable: boolean }>;
  saveDisclosure(input: DisclosureInput): Promise<void>;
}

export interface CampaignsServiceDeps {
  store: CampaignStore;
  points: PointsProgramPort;
  now: () => Date;
}

/**
 * How far back a new start may lie: "from today" is natural, a window laid over last month's
 * activity is not — it would thank people for what they did before the campaign existed, and
 * windows drawn after the fact could slice the leaderboard into anyone's days.
 */
export const START_GRACE_MS = 24 * 3_600_000;

export function campaignsService({ store, points, now }: CampaignsServiceDeps) {
  /** Items and topic must exist: a campaign about nothing would count nothing, silently. */
  async function checkCovers(input: CampaignInput): Promise<void> {
    const unknown = await store.unknownItems(input.itemIds);
    if (unknown.length > 0) throw invalid({ itemIds: msg('campaign.unknownItems', { ids: unknown.join(', ') }) });
    if (input.topic && !(await store.topicExists(input.topic))) throw invalid({ topic: msg('item.unknownTopic', { topics: input.topic }) });
  }

  async function activeDisclosure(): Promise<Disclosure | null> {
    const settings = await store.disclosure();
    if (!settings.text) return null;
    const [pointsOn, prizeCampaignRunning] = await Promise.all([points.pointsOn(), store.prizeCampaignRunning(now())]);
    return disclosureApplies(settings, { pointsOn, prizeCampaignRunning }) ? settings : null;
  }

  return {
    adminPage: (page: { cursor?: string | undefined; limit: number }) => store.page(page, now()),

    async create(input: CampaignInput): Promise<AdminCampaign> {
      // A new campaign must still be ahead of its end: one that ended already would thank people at once.
      if (new Date(input.endsAt) <= now()) throw invalid({ endsAt: 'field.future' });
      if (new Date(input.startsAt).getTime() < now().getTime() - START_GRACE_MS) throw invalid({ startsAt: 'campaign.startTooEarly' });
      await checkCovers(input);
      const id = await store.create(input);
      return (await store.get(id, now())) as AdminCampaign;
    },

    /** Any change, including ending it now (endsAt = now); not once its results were sent. */
    async update(id: string, input: CampaignInput): Promise<AdminCampaign> {
      const planned = await store.resultsPlanned(id);
      if (planned === undefined) throw notFound('Campaign');
      if (planned) throw conflict('campaign.resultsSent');
      const stored = await store.get(id, now());
      if (!stored) throw notFound('Campaign');
      const started = new Date(stored.startsAt) <= now();
      // Once running, its start is history and its end can come now or later, not earlier.
      // (Compared by the minute: the tab's date-time field has no seconds.)
      const minute = (iso: string) => Math.floor(new Date(iso).getTime() / 60_000);
      if (started && minute(input.startsAt) !== minute(stored.startsAt)) throw invalid({ startsAt: 'campaign.startFixed' });
      if (started && new Date(input.endsAt).getTime() < now().getTime() - 60_000) throw invalid({ endsAt: 'field.notPast' });
      if (!started && new Date(input.startsAt).getTime() < now().getTime() - START_GRACE_MS) throw invalid({ startsAt: 'campaign.startTooEarly' });
      await checkCovers(input);
      if (!(await store.update(id, input))) {
        // Gone meanwhile, or its results were planned meanwhile.
        throw (await store.resultsPlanned(id)) ? conflict('campaign.resultsSent') : notFound('Campaign');
      }
      return (await store.get(id, now())) as AdminCampaign;
    },

    async remove(id: string): Promise<void> {
      if (!(await store.remove(id))) throw notFound('Campaign');
    },

    /** What employees see: running campaigns and the disclosure while it applies. */
    async overview(): Promise<CampaignsOverview> {
      const [items, disclosure] = await Promise.all([store.running(now()), activeDisclosure()]);
      return { items, disclosure };
    },

    activeDisclosure,

    async disclosureSettings(): Promise<DisclosureSettings> {
      const settings = await store.disclosure();
      return { ...settings, applies: (await activeDisclosure()) !== null };
    },

    async saveDisclosure(input: DisclosureInput): Promise<DisclosureSettings> {
      await store.saveDisclosure(input);
      const settings = await store.disclosure();
      return { ...settings, applies: (await activeDisclosure()) !== null };
    },
  };
}
export type CampaignsService = ReturnType<typeof campaignsService>;
