import { z } from 'zod';
import { newContentCard } from '../../cards/new-content-card.js';
import { suggestedPost } from '../../domain/sharing/compose-share.js';
import { NETWORKS } from '../../domain/sharing/networks.js';
import { LIVE } from '../../storage/repos/items.js';
import { defineKind, idRef } from '../kind.js';
import { inGroups, reachable } from '../recipients.js';
import { wants } from '../wants.js';

const ITEM = `(s.payload->>'itemId')::uuid`;
const everyItem = wants('everyItem');

/**
 * A new item, one card each to its audience: the share buttons and "Not for me". The card
 * re-renders for its reader when viewed (shared ✓, expired, paused).
 */
export const itemKind = defineKind({
  name: 'item',
  payload: z.object({ itemId: idRef }).strict(),
  audience: ['by_kind'],
  wants: everyItem,
  // The item's audience as it is when the send starts, not as it was when announced;
  // nobody who already got this item (an earlier announcement, cancelled midway).
  recipients: reachable(
    {
      from: 'items i',
      where: `i.id = ${ITEM} and ${inGroups('i.audience_departments', 'i.audience_locations')}
        and not exists (
          select 1 from deliveries d2 join announcements a2 on a2.id = d2.announcement_id
          where a2.kind = 'item' and a2.payload->>'itemId' = s.payload->>'itemId' and d2.person_id = p.id and d2.status = 'sent')`,
    },
    everyItem,
    { install: true },
  ),
  ready: `exists (select 1 from items i where i.id = (a.payload->>'itemId')::uuid and ${LIVE})`,
  upkeep: [
    // A later publish time moves the announcement along.
    {
      sql: `update announcements a set send_at = i.publish_at from items i
            where a.kind = 'item' and a.status = 'scheduled' and i.id = (a.payload->>'itemId')::uuid
              and i.status in ('published', 'scheduled') and i.publish_at > a.send_at`,
    },
    // An archived or expired item has nothing left to announce (cancelled, so it can be
    // announced again if it comes back).
    {
      sql: `update announcements a set status = 'cancelled', cancelled_at = now() from items i
            where a.kind = 'item' and a.status = 'scheduled' and i.id = (a.payload->>'itemId')::uuid
              and (i.status not in ('published', 'scheduled') or (i.expires_at is not null and i.expires_at <= now()))
            returning a.id`,
      log: 'announcement cancelled: its item is archived or expired',
    },
  ],
  // Announced once; again only after a cancel.
  liveKey: (p) => p.itemId,
  shareTokenFor: (p) => p.itemId,
  view: (p) => ({ itemId: p.itemId }),
  async render(d, ctx) {
    const row = await ctx.item(d.payload.itemId);
    if (!row?.live) return 'item_not_live';
    const [token, campaign] = await Promise.all([ctx.shareToken(d.payload.itemId, d.personId), ctx.campaignFor(d.payload.itemId)]);
    const userId = d.conversation.reference.user?.id;
    return newContentCard(
      {
        itemId: d.payload.itemId,
        title: row.title,
        why: row.why,
        imageUrl: row.image_url,
        suggestedText: suggestedPost(row.posts ?? {}, 'linkedin', await ctx.disclosure()),
        shareUrls: Object.fromEntries(NETWORKS.map((n) => [n, ctx.shareUrl(token, n)])),
        state: 'new',
        ...(campaign ? { campaign: { name: campaign.name, progress: campaign.progress, target: campaign.goal.target, metric: campaign.goal.metric } } : {}),
        // The card re-renders for its reader when viewed: shared ✓, expired, paused.
        ...(userId ? { recipientUserId: userId } : {}),
      },
      d.person.language,
    );
  },
});
