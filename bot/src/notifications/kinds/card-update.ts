import { z } from 'zod';
import { newContentCard } from '../../cards/new-content-card.js';
import { suggestedPost } from '../../domain/sharing/compose-share.js';
import { NETWORKS } from '../../domain/sharing/networks.js';
import { defineKind, idRef, timeRef } from '../kind.js';
import { followUp, SOURCE_SETTLED } from '../recipients.js';
import { wants } from '../wants.js';

/**
 * Item cards already delivered, updated in place through the Bot Connector: paused (no share
 * buttons) when crisis mode comes on, back to normal when it ends. `source`: the item
 * announcement (or the update that paused them) whose cards are updated; `coversFrom`:
 * only cards sent after this.
 */
export const cardUpdateKind = defineKind({
  name: 'card_update',
  payload: z
    .object({ itemId: idRef, sourceAnnouncementId: idRef, cardState: z.enum(['paused', 'normal']), coversFrom: timeRef.optional() })
    .strict(),
  audience: ['by_kind'],
  priority: 1,
  // Nothing new arrives: "stop" does not apply.
  wants: wants('always'),
  recipients: followUp({
    replacesCards: true,
    where: `(s.payload->>'coversFrom' is null or d.sent_at > (s.payload->>'coversFrom')::timestamptz)
      -- not twice: a restore skips cards an earlier restore of the same pause reached (one
      -- cancelled midway by a quick on-off-on)
      and not exists (
        select 1 from announcements sib join deliveries x on x.announcement_id = sib.id and x.person_id = d.person_id
        where sib.id <> s.id and sib.kind = 'card_update' and sib.payload->>'cardState' = s.payload->>'cardState'
          and sib.payload->>'sourceAnnouncementId' = s.payload->>'sourceAnnouncementId' and x.status in ('sent', 'pending'))`,
  }),
  ready: SOURCE_SETTLED,
  // Switching on cancels restores still going out; switching off cancels pauses.
  crisis: { cancelOnSwitchOn: `a.payload->>'cardState' = 'normal'`, cancelOnSwitchOff: `a.payload->>'cardState' = 'paused'` },
  updatesCard: true,
  shareTokenFor: (p) => (p.cardState === 'normal' ? p.itemId : undefined),
  view: (p) => ({ itemId: p.itemId, cardState: p.cardState }),
  /**
   * The card as it should look now: paused while crisis mode is on, else as the per-user
   * refresh would show it (shared ✓, expired, not for me).
   */
  async render(d, ctx) {
    const { itemId } = d.payload;
    const row = await ctx.item(itemId);
    if (!row || !d.activityId) return 'item_not_live';
    const userId = d.conversation.reference.user?.id;
    const base = {
      itemId,
      title: row.title,
      why: row.why,
      imageUrl: row.image_url,
      suggestedText: suggestedPost(row.posts ?? {}, 'linkedin', await ctx.disclosure()),
      ...(userId ? { recipientUserId: userId } : {}),
    };
    if (d.payload.cardState === 'paused') return newContentCard({ ...base, shareUrls: {}, state: 'paused' }, d.person.language);
    // Back to normal, unless crisis mode came on again meanwhile (its switch pauses them anew).
    if (await ctx.crisis()) return 'crisis';
    const [mine] = await ctx.db.query<{ not_for_me: boolean }>(
      'select exists (select 1 from feedback f where f.item_id = $1 and f.person_id = $2) as not_for_me',
      [itemId, d.personId],
    );
    const shared = await ctx.sharing.sharedOn(itemId, d.personId);
    const state = mine?.not_for_me ? 'not_for_me' : !row.live ? 'expired' : shared.networks.length > 0 ? 'shared' : 'new';
    const token = row.live ? await ctx.shareToken(itemId, d.personId) : undefined;
    const shareUrls = token ? Object.fromEntries(NETWORKS.map((n) => [n, ctx.shareUrl(token, n)])) : {};
    return newContentCard({ ...base, shareUrls, state, sharedOn: shared.networks, clicks: shared.clicks }, d.person.language);
  },
});
