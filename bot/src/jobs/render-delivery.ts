import type { AdaptiveCard } from '../cards/adaptive-card.js';
import { allClearCard, crisisNoticeCard } from '../cards/crisis-card.js';
import { DIGEST_MAX_ITEMS, DIGEST_MAX_TRAININGS, digestCard } from '../cards/digest-card.js';
import { newContentCard } from '../cards/new-content-card.js';
import { wantsAnnouncement } from '../domain/delivery/recipients.js';
import { suggestedText } from '../domain/sharing/compose-share.js';
import { NETWORKS, type Network } from '../domain/sharing/networks.js';
import type { Posts } from '../http/contract/items.js';
import type { Db } from '../storage/db.js';
import type { ClaimedDelivery } from '../storage/repos/deliveries.js';
import { audience, LIVE } from '../storage/repos/items.js';
import { sharingRepo } from '../storage/repos/sharing.js';
import { trainingsRepo } from '../storage/repos/trainings.js';
import { ONBOARDING_DONE_SQL } from '../storage/repos/onboarding.js';
import { trainingCard, trainingCardModel } from '../cards/training-card.js';
import { AppError } from '../domain/errors.js';
import { tabLinks, type TabPage } from '../domain/tab-links.js';
import { onboardingReminderCard } from '../cards/onboarding-card.js';
import type { VersionedCrisisState } from '../storage/repos/crisis.js';
import { crisisInstructions } from '../http/pages/crisis-page.js';

/**
 * The activity to send (or, with `replaces`, the card it updates in place), or why this
 * person gets nothing after all.
 */
export type Rendered =
  | { activity: Record<string, unknown>; replaces?: string }
  | {
      skip: 'blocked' | 'gone' | 'opted_out' | 'item_not_live' | 'nothing_new' | 'crisis' | 'crisis_over' | 'training_closed' | 'not_registered'
        | 'onboarding_done';
    };

export interface Renderer {
  (d: ClaimedDelivery): Promise<Rendered>;
  /** Optional: database work for a whole batch at once, before its cards are rendered. */
  prepare?(batch: ClaimedDelivery[]): Promise<void>;
}

interface ItemRow {
  title: string;
  why: string;
  image_url: string | null;
  live: boolean;
  posts: Posts | null;
}

/** An item is read once per few seconds, not once per recipient. */
const ITEM_CACHE_MS = 5_000;

/**
 * Turns a claimed delivery into the card this person gets, checked once more at the
 * moment of sending: the chat still works, they still want it, the item is still live.
 */
export function deliveryRenderer(
  db: Db,
  publicUrl: string,
  options: { now?: () => number; crisis?: () => Promise<VersionedCrisisState>; tabLink?: (page: TabPage) => string } = {},
): Renderer {
  const now = options.now ?? Date.now;
  const tab = options.tabLink ?? tabLinks(publicUrl, undefined);
  // Crisis cards decide by the switch as it is in the database, read at most every 100 ms:
  // this process's cached view may be a poll behind another instance's switch, and a
  // crisis card skipped on a stale view would be skipped for good.
  let cached: { at: number; state: Promise<VersionedCrisisState> } | undefined;
  const crisis = async (): Promise<VersionedCrisisState | undefined> => {
    if (!options.crisis) return undefined;
    if (!cached || now() - cached.at > 100) {
      const state = options.crisis();
      cached = { at: now(), state };
      state.catch(() => {
        if (cached?.state === state) cached = undefined; // a failed read is not kept
      });
    }
    // A failed read fails the render: the card is retried, not skipped.
    const state = await cached.state;
    return state.active ? state : undefined;
  };
  const sharing = sharingRepo(db);
  const trainings = trainingsRepo(db);
  const items = new Map<string, { at: number; row: ItemRow | undefined }>();

  async function item(id: string): Promise<ItemRow | undefined> {
    const cached = items.get(id);
    if (cached && now() - cached.at < ITEM_CACHE_MS) return cached.row;
    const [row] = await db.query<ItemRow>(
      `select i.title, i.why, i.image_url, (${LIVE}) as live,
         (select json_object_agg(p.network, p.text) from item_posts p where p.item_id = i.id) as posts
       from items i where i.id = $1`,
      [id],
    );
    items.set(id, { at: now(), row });
    return row;
  }

  // Tokens made for a batch in one statement (prepare), used once by its render.
  const prepared = new Map<string, string>();
  const tokenFor = async (itemId: string, personId: string): Promise<string> => {
    const key = `${itemId}:${personId}`;
    const token = prepared.get(key);
    if (token === undefined) return sharing.shareToken(itemId, personId);
    prepared.delete(key);
    return token;
  };

  const shareUrl = (token: string, network?: Network) => `${publicUrl}/s/${token}${network ? `?network=${network}` : ''}`;

  async function itemCard(d: ClaimedDelivery): Promise<AdaptiveCard | 'item_not_live'> {
    const row = d.itemId ? await item(d.itemId) : undefined;
    if (!row?.live || !d.itemId) return 'item_not_live';
    const token = await tokenFor(d.itemId, d.personId);
    const userId = d.conversation.reference.user?.id;
    return newContentCard(
      {
        itemId: d.itemId,
        title: row.title,
        why: row.why,
        imageUrl: row.image_url,
        suggestedText: suggestedText(row.posts ?? {}, 'linkedin'),
        shareUrls: Object.fromEntries(NETWORKS.map((n) => [n, shareUrl(token, n)])),
        state: 'new',
        // The card re-renders for its reader when viewed: shared ✓, expired, paused.
        ...(userId ? { recipientUserId: userId } : {}),
      },
      d.person.language,
    );
  }

  /**
   * A card already delivered, as it should look now: paused (no share buttons) while crisis
   * mode is on, else as the per-user refresh would show it (shared ✓, expired, not for me).
   */
  async function updatedItemCard(d: ClaimedDelivery): Promise<AdaptiveCard | 'item_not_live' | 'crisis'> {
    const row = d.itemId ? await item(d.itemId) : undefined;
    if (!row || !d.itemId || !d.activityId) return 'item_not_live';
    const userId = d.conversation.reference.user?.id;
    const base = {
      itemId: d.itemId,
      title: row.title,
      why: row.why,
      imageUrl: row.image_url,
      suggestedText: suggestedText(row.posts ?? {}, 'linkedin'),
      ...(userId ? { recipientUserId: userId } : {}),
    };
    if (d.cardState === 'paused') return newContentCard({ ...base, shareUrls: {}, state: 'paused' }, d.person.language);
    // Back to normal, unless crisis mode came on again meanwhile (its switch pauses them anew).
    if (await crisis()) return 'crisis';
    const [mine] = await db.query<{ not_for_me: boolean }>(
      'select exists (select 1 from feedback f where f.item_id = $1 and f.person_id = $2) as not_for_me',
      [d.itemId, d.personId],
    );
    const shared = await sharing.sharedOn(d.itemId, d.personId);
    const state = mine?.not_for_me ? 'not_for_me' : !row.live ? 'expired' : shared.networks.length > 0 ? 'shared' : 'new';
    const token = row.live ? await tokenFor(d.itemId, d.personId) : undefined;
    const shareUrls = token ? Object.fromEntries(NETWORKS.map((n) => [n, shareUrl(token, n)])) : {};
    return newContentCard({ ...base, shareUrls, state, sharedOn: shared.networks, clicks: shared.clicks }, d.person.language);
  }

  async function crisisCard(d: ClaimedDelivery): Promise<AdaptiveCard | 'crisis' | 'crisis_over'> {
    const state = await crisis();
    if (d.subject === 'all_clear') return state ? 'crisis' : allClearCard({ tabUrl: tab('share') }, d.person.language);
    if (!state) return 'crisis_over';
    return crisisNoticeCard(
      {
        instructions: crisisInstructions(state, d.person.language),
        statementUrl: state.statementUrl,
        spokesperson: state.spokesperson,
        crisisPageUrl: tab('crisis'),
      },
      d.person.language,
    );
  }

  /**
   * A session as this person should see it now. An announcement goes out only while the
   * session is open; a reminder or a seat notice only to people still registered.
   */
  async function trainingFor(d: ClaimedDelivery): Promise<AdaptiveCard | 'training_closed' | 'not_registered'> {
    if (!d.trainingId) return 'training_closed';
    const training = await trainings.get(d.trainingId, { id: d.personId }).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'not_found') return undefined;
      throw err;
    });
    if (!training) return 'training_closed';
    const open = training.status === 'scheduled' && Date.parse(training.startsAt) > now();
    if (d.notice !== 'cancelled' && !open) return 'training_closed';
    if ((d.notice === 'seat' || d.notice === 'reminder_24h' || d.notice === 'reminder_1h') && training.mine.status !== 'registered') return 'not_registered';
    if (d.notice === 'changed' && training.mine.status !== 'registered' && training.mine.status !== 'waitlisted') return 'not_registered';
    return trainingCard(
      trainingCardModel(training, {
        notice: d.notice ?? 'announce',
        tabUrl: tab('trainings'),
        recipientUserId: d.conversation.reference.user?.id,
        now: new Date(now()),
      }),
      d.person.language,
    );
  }

  /** The onboarding reminder, with their progress as it is now; nothing if they finished meanwhile. */
  async function onboardingReminder(d: ClaimedDelivery): Promise<AdaptiveCard | 'onboarding_done'> {
    const [row] = await db.query<{ done: number; total: number }>(
      `select count(*) filter (where ${ONBOARDING_DONE_SQL('$1')})::int as done, count(*)::int as total from onboarding_steps s where not s.archived`,
      [d.personId],
    );
    if (!row || row.done >= row.total) return 'onboarding_done';
    return onboardingReminderCard({ done: row.done, total: row.total, onboardingUrl: tab('onboarding') }, d.person.language);
  }

  async function digest(d: ClaimedDelivery): Promise<AdaptiveCard | 'nothing_new'> {
    const rows = await db.query<{ id: string; title: string; why: string; total: number }>(
      `select i.id, i.title, i.why, count(*) over ()::int as total from items i
       where ${LIVE} and i.publish_at > $1 and i.publish_at <= $2 and ${audience('$3', '$4')}
       order by (i.language = $5) desc, i.publish_at desc, i.id
       limit ${DIGEST_MAX_ITEMS}`,
      [d.coversFrom ?? new Date(d.sendAt.getTime() - 7 * 86_400_000), d.sendAt, d.person.department, d.person.location, d.person.language],
    );
    // Sessions in the next two weeks meant for them, still open.
    const sessions = await db.query<{ id: string; title: string; starts_at: Date }>(
      `select t.id, t.title, t.starts_at from trainings t
       where t.status = 'scheduled' and t.starts_at > $1 and t.starts_at <= $1::timestamptz + interval '14 days'
         and (cardinality(t.audience_departments) = 0 or $2::text = any(t.audience_departments))
         and (cardinality(t.audience_locations) = 0 or $3::text = any(t.audience_locations))
       order by t.starts_at, t.id limit ${DIGEST_MAX_TRAININGS + 5}`,
      [d.sendAt, d.person.department, d.person.location],
    );
    if (rows.length === 0 && sessions.length === 0) return 'nothing_new';
    const shown = await Promise.all(
      rows.map(async (r) => ({ title: r.title, why: r.why, shareUrl: shareUrl(await sharing.shareToken(r.id, d.personId)) })),
    );
    // The card says "…and N more" for what does not fit; those need no links.
    const hidden = Array.from({ length: Math.max(0, (rows[0]?.total ?? 0) - shown.length) }, () => ({ title: '', why: '', shareUrl: '' }));
    return digestCard(
      {
        weekOf: d.period ?? d.sendAt.toISOString().slice(0, 10),
        items: [...shown, ...hidden],
        trainings: sessions.map((t) => ({ title: t.title, startsAt: t.starts_at.toISOString(), url: tab('trainings') })),
        tabUrl: tab('share'),
      },
      d.person.language,
    );
  }

  const render: Renderer = async (d) => {
    try {
      return await renderOne(d);
    } finally {
      if (d.itemId) prepared.delete(`${d.itemId}:${d.personId}`); // skipped ones too: nothing lingers
    }
  };
  const renderOne = async (d: ClaimedDelivery): Promise<Rendered> => {
    if (d.conversation.status !== 'active') return { skip: d.conversation.status };
    if (!wantsAnnouncement(d.preferences, d.subject)) return { skip: 'opted_out' };
    const card =
      d.subject === 'item' ? await itemCard(d)
      : d.subject === 'digest' ? await digest(d)
      : d.subject === 'card_update' ? await updatedItemCard(d)
      : d.subject === 'training' || d.subject === 'training_notice' ? await trainingFor(d)
      : d.subject === 'onboarding_reminder' ? await onboardingReminder(d)
      : await crisisCard(d);
    if (typeof card === 'string') return { skip: card };
    const { reference } = d.conversation;
    return {
      ...(d.subject === 'card_update' && d.activityId ? { replaces: d.activityId } : {}),
      activity: {
        type: 'message',
        attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
        conversation: { id: d.conversation.id, tenantId: d.conversation.tenantId, conversationType: 'personal' },
        channelData: { tenant: { id: d.conversation.tenantId } },
        ...(reference.user ? { recipient: reference.user } : {}),
        ...(reference.bot ? { from: reference.bot } : {}),
      },
    };
  };
  render.prepare = async (batch) => {
    const pairs = batch.flatMap((d) => ((d.subject === 'item' || (d.subject === 'card_update' && d.cardState === 'normal')) && d.itemId && d.conversation.status === 'active' ? [{ itemId: d.itemId, personId: d.personId }] : []));
    for (const [key, token] of await sharing.shareTokens(pairs)) prepared.set(key, token);
  };
  return render;
}
