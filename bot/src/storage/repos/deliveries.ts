import type { Language } from '../../http/contract/common.js';
import type { AnnouncementSubjectKind } from '../../http/contract/announcements.js';
import type { NotificationLevel } from '../../domain/delivery/recipients.js';
import type { Queryable } from '../db.js';
import { startAnnouncement } from './delivery-start.js';
import { LIVE } from './items.js';

/** A delivery the worker holds, with everything needed to render and send it. */
export interface ClaimedDelivery {
  announcementId: string;
  personId: string;
  /** Tries so far, this one included. */
  attempts: number;
  /** Above 0: urgent (crisis notices), sent even while ordinary announcements are held. */
  priority: number;
  subject: AnnouncementSubjectKind;
  itemId: string | null;
  period: string | null;
  coversFrom: Date | null;
  sendAt: Date;
  /** card_update: the card to update (the id Teams gave it) and what it becomes. */
  activityId: string | null;
  cardState: 'paused' | 'normal' | null;
  /** training, training_notice: the session and, for notices, why. */
  trainingId: string | null;
  notice: 'seat' | 'cancelled' | 'changed' | 'reminder_24h' | 'reminder_1h' | null;
  person: { language: Language; department: string | null; location: string | null };
  preferences: { notificationLevel: NotificationLevel; paused: boolean };
  conversation: {
    id: string;
    tenantId: string;
    serviceUrl: string;
    status: 'active' | 'blocked' | 'gone';
    reference: { user?: { id?: string; name?: string; aadObjectId?: string }; bot?: { id?: string; name?: string } };
  };
}

interface ClaimedRow {
  announcement_id: string;
  person_id: string;
  attempts: number;
  priority: number;
  subject: AnnouncementSubjectKind;
  item_id: string | null;
  period: string | null;
  covers_from: Date | null;
  send_at: Date;
  activity_id: string | null;
  card_state: 'paused' | 'normal' | null;
  training_id: string | null;
  notice: ClaimedDelivery['notice'];
  language: Language;
  department: string | null;
  location: string | null;
  notification_level: NotificationLevel;
  paused: boolean;
  conversation_id: string;
  tenant_id: string;
  service_url: string;
  conversation_status: 'active' | 'blocked' | 'gone';
  reference: ClaimedDelivery['conversation']['reference'];
}

export type Key = Pick<ClaimedDelivery, 'announcementId' | 'personId'>;

/**
 * The send queue. Every state change is one statement on one row (or one set), so a
 * process can die between any two of them and the next leader resumes from the table.
 */
export function deliveriesRepo(db: Queryable) {
  const key = (d: Key) => [d.announcementId, d.personId];

  /**
   * Starts a follow-up of an earlier announcement: a card_update goes to the cards its
   * source delivered (sent after covers_from, with the id Teams gave them), an all_clear
   * to the people its crisis notice reached. Only chats that still work.
   */
  return {
    /** Scheduled announcements whose time has come (and whose item is live), oldest first; `urgentOnly` as for claim. */
    async due(limit = 20, urgentOnly = false): Promise<string[]> {
      const rows = await db.query<{ id: string }>(
        `select a.id from announcements a
         where a.status = 'scheduled' and a.send_at <= now() and (not $2::boolean or a.priority > 0)
           and (a.subject <> 'item' or exists (select 1 from items i where i.id = a.item_id and ${LIVE}))
           -- a session is announced, and reminded of, only while it is on and has not begun
           and (a.subject not in ('training', 'training_notice') or a.notice in ('seat', 'cancelled') or exists (
             select 1 from trainings t where t.id = a.training_id and t.status = 'scheduled' and t.starts_at > now()))
           -- a follow-up (card update, all-clear) waits until no card of its source is on
           -- its way: those that arrive belong in it, those that do not must not be
           and (a.source_announcement_id is null or not exists (
             select 1 from deliveries d where d.claimed_at is not null and d.announcement_id = a.source_announcement_id))
         order by a.priority desc, a.send_at, a.id limit $1`,
        [limit, urgentOnly],
      );
      return rows.map((r) => r.id);
    },

    /**
     * Scheduled item announcements follow their item: a later publish time moves them
     * along; an archived or expired item has nothing left to announce (cancelled, so it
     * can be announced again if it comes back).
     */
    async followItems(): Promise<string[]> {
      await db.query(
        `update announcements a set send_at = i.publish_at from items i
         where a.subject = 'item' and a.item_id = i.id and a.status = 'scheduled' and i.status in ('published', 'scheduled') and i.publish_at > a.send_at`,
      );
      // A session cancelled or begun before its announcement's time: nothing left to announce.
      await db.query(
        `update announcements a set status = 'cancelled', cancelled_at = now() from trainings t
         where a.subject = 'training' and a.training_id = t.id and a.status = 'scheduled' and (t.status = 'cancelled' or t.starts_at <= now())`,
      );
      const rows = await db.query<{ id: string }>(
        `update announcements a set status = 'cancelled', cancelled_at = now() from items i
         where a.subject = 'item' and a.item_id = i.id and a.status = 'scheduled'
           and (i.status not in ('published', 'scheduled') or (i.expires_at is not null and i.expires_at <= now()))
         returning a.id`,
      );
      return rows.map((r) => r.id);
    },

    /**
     * Fixes the recipients of a due announcement and starts it, in one statement: it
     * happens exactly once even when several processes try (see delivery-start.ts).
     * Returns how many deliveries were created, or undefined when another process
     * started it first.
     */
    start: (announcementId: string) => startAnnouncement(db, announcementId),

    /** Sending announcements with nothing left pending are done. */
    async finish(): Promise<string[]> {
      // A start that committed while a cancel ran can leave rows the cancel did not see.
      await db.query(
        `update deliveries d set status = 'skipped', reason = 'cancelled', updated_at = now()
         from announcements a where a.id = d.announcement_id and a.status = 'cancelled' and d.status = 'pending'`,
      );
      const rows = await db.query<{ id: string }>(
        `update announcements a set status = 'done', finished_at = now()
         where a.status = 'sending' and not exists (select 1 from deliveries d where d.announcement_id = a.id and d.status = 'pending')
         returning id`,
      );
      return rows.map((r) => r.id);
    },

    /** Tenants with anything pending (due now or waiting for a retry). */
    async tenantsWithWork(urgentOnly = false): Promise<string[]> {
      const rows = await db.query<{ tenant_id: string }>(
        `select distinct d.tenant_id from deliveries d join announcements a on a.id = d.announcement_id
         where d.status = 'pending' and a.status = 'sending' and (not $1::boolean or d.priority > 0)`,
        [urgentOnly],
      );
      return rows.map((r) => r.tenant_id);
    },

    /** `urgentOnly` as for claim: while crisis mode holds the rest, only urgent rows count. */
    async hasWork(tenantId: string, urgentOnly = false): Promise<boolean> {
      const rows = await db.query(
        `select 1 from deliveries d join announcements a on a.id = d.announcement_id
         where d.tenant_id = $1 and d.status = 'pending' and a.status = 'sending' and (not $2::boolean or d.priority > 0) limit 1`,
        [tenantId, urgentOnly],
      );
      return rows.length > 0;
    },

    /**
     * A new leader for the tenant: rows the previous one held are free again. Some of
     * them may have reached Teams before it died — the only sends that can repeat.
     */
    async releaseInHand(tenantId: string): Promise<number> {
      // skipped rows too: cancelled while in the previous sender's hand, they are in nobody's hand now
      const rows = await db.query<{ was_pending: boolean }>(
        `update deliveries set claimed_at = null, updated_at = now()
         where tenant_id = $1 and claimed_at is not null and status in ('pending', 'skipped')
         returning status = 'pending' as was_pending`,
        [tenantId],
      );
      return rows.filter((r) => r.was_pending).length;
    },

    /** Takes up to `limit` due rows of the tenant: highest priority, then longest waiting. */
    /**
     * `urgentOnly`: crisis mode holds ordinary announcements (they stay pending, nothing is
     * lost); only those with a priority above 0 (crisis notices) go out.
     */
    async claim(tenantId: string, limit: number, urgentOnly = false): Promise<ClaimedDelivery[]> {
      const rows = await db.query<ClaimedRow>(
        `with pick as (
           select d.announcement_id, d.person_id
           from deliveries d join announcements a on a.id = d.announcement_id
           where d.tenant_id = $1 and d.status = 'pending' and d.claimed_at is null and d.next_attempt_at <= now()
             and a.status = 'sending' and (not $3::boolean or d.priority > 0)
           order by d.priority desc, d.next_attempt_at
           limit $2
           for update of d skip locked
         ), claimed as (
           update deliveries d set claimed_at = now(), attempts = d.attempts + 1, updated_at = now()
           from pick where d.announcement_id = pick.announcement_id and d.person_id = pick.person_id
           returning d.announcement_id, d.person_id, d.attempts, d.conversation_id, d.priority, d.next_attempt_at, d.activity_id
         )
         select cl.announcement_id, cl.person_id, cl.attempts, cl.priority, a.subject, a.item_id, a.period, a.covers_from, a.send_at,
           cl.activity_id, a.card_state, a.training_id, a.notice,
           p.language, p.department, p.location,
           coalesce(pr.notification_level, 'every') as notification_level, coalesce(pr.paused, false) as paused,
           c.id as conversation_id, c.tenant_id, c.service_url, c.status as conversation_status, c.reference
         from claimed cl
         join announcements a on a.id = cl.announcement_id
         join people p on p.id = cl.person_id
         join conversations c on c.id = cl.conversation_id
         left join preferences pr on pr.person_id = cl.person_id
         order by cl.priority desc, cl.next_attempt_at`,
        [tenantId, limit, urgentOnly],
      );
      return rows.map((r) => ({
        announcementId: r.announcement_id,
        personId: r.person_id,
        attempts: r.attempts,
        priority: r.priority,
        subject: r.subject,
        itemId: r.item_id,
        period: r.period,
        coversFrom: r.covers_from,
        sendAt: r.send_at,
        activityId: r.activity_id,
        cardState: r.card_state,
        trainingId: r.training_id,
        notice: r.notice,
        person: { language: r.language, department: r.department, location: r.location },
        preferences: { notificationLevel: r.notification_level, paused: r.paused },
        conversation: { id: r.conversation_id, tenantId: r.tenant_id, serviceUrl: r.service_url, status: r.conversation_status, reference: r.reference },
      }));
    },

    async cancelledAmong(announcementIds: string[]): Promise<Set<string>> {
      const rows = await db.query<{ id: string }>(`select id from announcements where id = any($1::uuid[]) and status = 'cancelled'`, [announcementIds]);
      return new Set(rows.map((r) => r.id));
    },

    /**
     * Back to the queue untouched (the worker stops before sending them). Rows cancelled
     * meanwhile (skipped while in hand) are only let go: nothing of theirs left this process.
     */
    async unclaim(ds: Key[]): Promise<void> {
      if (ds.length === 0) return;
      await db.query(
        `update deliveries d set claimed_at = null,
           attempts = case when d.status = 'pending' then greatest(d.attempts - 1, 0) else d.attempts end, updated_at = now()
         from unnest($1::uuid[], $2::uuid[]) as k(a, p)
         where d.announcement_id = k.a and d.person_id = k.p and d.claimed_at is not null and d.status in ('pending', 'skipped')`,
        [ds.map((d) => d.announcementId), ds.map((d) => d.personId)],
      );
    },

    /** Many sent cards in one statement (the worker records them in small batches). */
    async sentMany(sent: Array<Key & { activityId: string | undefined }>): Promise<void> {
      if (sent.length === 0) return;
      await db.query(
        `update deliveries d set status = 'sent', sent_at = now(), activity_id = coalesce(k.activity_id, d.activity_id), reason = null, claimed_at = null, updated_at = now()
         from unnest($1::uuid[], $2::uuid[], $3::text[]) as k(announcement_id, person_id, activity_id)
         where d.announcement_id = k.announcement_id and d.person_id = k.person_id`,
        [sent.map((x) => x.announcementId), sent.map((x) => x.personId), sent.map((x) => x.activityId ?? null)],
      );
    },

    async retryLater(d: Key, afterMs: number, reason: string): Promise<void> {
      await db.query(
        // a row cancelled while its send was on the way stays skipped; it is only let go
        `update deliveries set claimed_at = null, updated_at = now(),
           reason = case when status = 'pending' then $4 else reason end,
           next_attempt_at = case when status = 'pending' then now() + ($3::float8 * interval '1 millisecond') else next_attempt_at end
         where announcement_id = $1 and person_id = $2 and (status = 'pending' or claimed_at is not null)`,
        [...key(d), afterMs, reason],
      );
    },

    async settle(d: Key, status: 'skipped' | 'failed', reason: string): Promise<void> {
      await db.query(
        `update deliveries set claimed_at = null, updated_at = now(),
           reason = case when status = 'pending' then $4 else reason end,
           status = case when status = 'pending' then $3 else status end
         where announcement_id = $1 and person_id = $2 and (status = 'pending' or claimed_at is not null)`,
        [...key(d), status, reason],
      );
    },
  };
}
export type DeliveriesRepo = ReturnType<typeof deliveriesRepo>;
