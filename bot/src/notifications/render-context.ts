import { AppError } from '../domain/errors.js';
import type { Network } from '../domain/sharing/networks.js';
import { tabLinks, type TabPage } from '../domain/tab-links.js';
import type { Posts } from '../domain/model/items.js';
import type { Training } from '../domain/model/trainings.js';
import type { Db } from '../storage/db.js';
import type { VersionedCrisisState } from '../storage/repos/crisis.js';
import { LIVE } from '../storage/repos/items.js';
import { sharingRepo, type SharingRepo } from '../storage/repos/sharing.js';
import { trainingsRepo } from '../storage/repos/trainings.js';
import { activeDisclosureIn, campaignsRepo } from '../storage/repos/campaigns.js';
import type { Campaign } from '../domain/model/campaigns.js';

/** An item as cards show it. */
export interface CardItem {
  title: string;
  why: string;
  image_url: string | null;
  live: boolean;
  posts: Posts | null;
}

/** What kinds may use to render a card; built once per renderer, shared by every kind. */
export interface RenderContext {
  db: Db;
  sharing: SharingRepo;
  now(): number;
  /** ONBOARDING_DAYS: how long after joining someone counts as a new hire. */
  newHireDays: number;
  /** Where a card's button opens a tab page (a Teams deep link when the app id is known). */
  tab(page: TabPage): string;
  shareUrl(token: string, network?: Network): string;
  /** This person's share token for the item: made ahead for the batch when the kind asked (shareTokenFor). */
  shareToken(itemId: string, personId: string): Promise<string>;
  /** The item, read at most once per few seconds however many cards show it. */
  item(id: string): Promise<CardItem | undefined>;
  /** The running campaign covering the item, with progress, read at most once per few seconds per item. */
  campaignFor(itemId: string): Promise<Campaign | undefined>;
  /** The disclosure while it applies (suggested posts end with it), read at most once per few seconds. */
  disclosure(): Promise<{ text: string; removable: boolean } | null>;
  /** The session as this person sees it; undefined when it does not exist. */
  training(id: string, personId: string): Promise<Training | undefined>;
  /** The crisis state while crisis mode is on, else undefined. A failed read throws (the card is retried). */
  crisis(): Promise<VersionedCrisisState | undefined>;
}

/** An item is read once per few seconds, not once per recipient. */
const ITEM_CACHE_MS = 5_000;

export interface RenderContextOptions {
  now?: () => number;
  crisis?: () => Promise<VersionedCrisisState>;
  tabLink?: (page: TabPage) => string;
  /** ONBOARDING_DAYS (default 60). */
  newHireDays?: number;
}

/** The render context plus the batch-wide token work the renderer does ahead. */
export function renderContext(db: Db, publicUrl: string, options: RenderContextOptions = {}) {
  const now = options.now ?? Date.now;
  const sharing = sharingRepo(db);
  const trainings = trainingsRepo(db);
  const items = new Map<string, { at: number; row: CardItem | undefined }>();
  const campaigns = campaignsRepo(db);
  const campaignOf = new Map<string, { at: number; row: Promise<Campaign | undefined> }>();
  let disclosureRead: { at: number; row: Promise<{ text: string; removable: boolean } | null> } | undefined;
  // Crisis cards decide by the switch as it is in the database, read at most every 100 ms:
  // this process's cached view may be a poll behind another instance's switch, and a
  // crisis card skipped on a stale view would be skipped for good.
  let cached: { at: number; state: Promise<VersionedCrisisState> } | undefined;
  // Tokens made for a batch in one statement, used once by its render.
  const prepared = new Map<string, string>();

  const ctx: RenderContext = {
    db,
    sharing,
    now,
    newHireDays: options.newHireDays ?? 60,
    tab: options.tabLink ?? tabLinks(publicUrl, undefined),
    shareUrl: (token, network) => `${publicUrl}/s/${token}${network ? `?network=${network}` : ''}`,
    async shareToken(itemId, personId) {
      const key = `${itemId}:${personId}`;
      const token = prepared.get(key);
      if (token === undefined) return sharing.shareToken(itemId, personId);
      prepared.delete(key);
      return token;
    },
    async item(id) {
      const hit = items.get(id);
      if (hit && now() - hit.at < ITEM_CACHE_MS) return hit.row;
      const [row] = await db.query<CardItem>(
        `select i.title, i.why, i.image_url, (${LIVE}) as live,
           (select json_object_agg(p.network, p.text) from item_posts p where p.item_id = i.id) as posts
         from items i where i.id = $1`,
        [id],
      );
      items.set(id, { at: now(), row });
      return row;
    },
    campaignFor(itemId) {
      const hit = campaignOf.get(itemId);
      if (hit && now() - hit.at < ITEM_CACHE_MS) return hit.row;
      const row = campaigns.coveringItem(itemId, new Date(now())).then((found) => found[0]);
      row.catch(() => campaignOf.delete(itemId));
      campaignOf.set(itemId, { at: now(), row });
      return row;
    },
    disclosure() {
      if (!disclosureRead || now() - disclosureRead.at > ITEM_CACHE_MS) {
        const row = activeDisclosureIn(db, new Date(now()));
        row.catch(() => (disclosureRead = undefined));
        disclosureRead = { at: now(), row };
      }
      return disclosureRead.row;
    },
    training: (id, personId) =>
      trainings.get(id, { id: personId }).catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'not_found') return undefined;
        throw err;
      }),
    async crisis() {
      if (!options.crisis) return undefined;
      if (!cached || now() - cached.at > 100) {
        const state = options.crisis();
        cached = { at: now(), state };
        state.catch(() => {
          if (cached?.state === state) cached = undefined; // a failed read is not kept
        });
      }
      const state = await cached.state;
      return state.active ? state : undefined;
    },
  };
  return {
    ctx,
    /** Share tokens for these pairs in one statement, for the renders that follow. */
    async prepareTokens(pairs: Array<{ itemId: string; personId: string }>): Promise<void> {
      if (pairs.length === 0) return;
      for (const [key, token] of await sharing.shareTokens(pairs)) prepared.set(key, token);
    },
    /** A token made ahead and not used (the card was skipped): nothing lingers. */
    forgetToken: (itemId: string, personId: string) => void prepared.delete(`${itemId}:${personId}`),
  };
}
