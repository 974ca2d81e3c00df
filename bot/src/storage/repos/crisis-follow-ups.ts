import type { Queryable } from '../db.js';

// What a crisis switch reads and stops in the send queue, inside the switch's transaction.
// Kinds are named by the caller (services/crisis.ts): storage knows no notification kinds.

/**
 * Deliveries whose card reached Teams, or may still: sent, or in a sender's hand when
 * cancelled. The follow-up starts once nothing is in hand and takes only the sent ones.
 */
const REACHED = `(d.status = 'sent' or (d.status = 'skipped' and d.claimed_at is not null))`;
/** How far back a switch-off looks for paused cards and crisis cards not yet undone. */
const FOLLOW_UP_WINDOW = `interval '30 days'`;
/**
 * Not only this crisis's: a quick on-off-on may have cancelled an earlier restore or
 * all-clear midway. Each follow-up skips whoever an earlier one of its source reached.
 */
const NOT_UNDONE = `a.created_at > now() - ${FOLLOW_UP_WINDOW}
  and exists (select 1 from deliveries d where d.announcement_id = a.id and ${REACHED})
  and not exists (select 1 from announcements r where r.payload->>'sourceAnnouncementId' = a.id::text and r.status = 'done')`;

/**
 * Stops what a switch makes void (`where`, a condition on `a`: each kind says which): what
 * is pending is skipped with the reason. Rows a sender has in hand keep their claimed_at
 * until the sender lets go of them (recording the card as sent if Teams took it), so the
 * follow-up of this one (the restore, the all-clear) can wait for them and then include
 * exactly the cards that arrived.
 */
export async function cancelAnnouncements(tx: Queryable, where: string, reason: string, params: readonly unknown[] = []): Promise<void> {
  // `where` may use $2, $3 … for `params`; $1 is the reason.
  await tx.query(
    `with stopped as (
       update announcements a set status = 'cancelled', cancelled_at = now()
       where (${where}) and a.status in ('scheduled', 'sending') returning a.id
     )
     update deliveries set status = 'skipped', reason = $1, updated_at = now()
     where announcement_id in (select id from stopped) and status = 'pending'`,
    [reason, ...params],
  );
}

/** Announcements of `kind` (items) with a card delivered within `days`, and where that window starts. */
export async function recentlyDelivered(tx: Queryable, kind: string, days: number): Promise<Array<{ id: string; item_id: string; covers_from: Date }>> {
  return tx.query(
    `select a.id, a.payload->>'itemId' as item_id, now() - $2 * interval '1 day' as covers_from
     from announcements a
     where a.kind = $1 and a.id in (
       select distinct d.announcement_id from deliveries d
       where d.status = 'sent' and d.activity_id is not null and d.sent_at > now() - $2 * interval '1 day')`,
    [kind, days],
  );
}

/** Card updates that paused cards and were not undone yet (their restore never finished). */
export async function pausedNotRestored(tx: Queryable, cardUpdateKind: string): Promise<Array<{ id: string; item_id: string }>> {
  return tx.query(
    `select a.id, a.payload->>'itemId' as item_id from announcements a
     where a.kind = $1 and a.payload->>'cardState' = 'paused' and ${NOT_UNDONE}`,
    [cardUpdateKind],
  );
}

/** Crisis cards that reached someone and whose all-clear never finished. */
export async function noticesWithoutAllClear(tx: Queryable, crisisNoticeKind: string): Promise<Array<{ id: string }>> {
  return tx.query(`select a.id from announcements a where a.kind = $1 and ${NOT_UNDONE}`, [crisisNoticeKind]);
}
