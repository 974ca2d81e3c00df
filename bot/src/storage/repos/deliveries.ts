import type { Language } from '../../domain/model/common.js';
import type { NotificationLevel } from '../../domain/delivery/recipients.js';
import type { Queryable } from '../db.js';
import { startAnnouncement } from './delivery-start.js';

/**
 * What the engine needs from the kinds of notification it sends (notifications/registry.ts
 * builds it): it never names a kind itself.
 */
export interface KindSql {
  /** The kinds this process knows; it starts no others. */
  names: readonly string[];
  /** A condition on `a`: this announcement may start now (its item is live, its source settled …). */
  ready: string;
  /** Statements that keep scheduled announcements in step with what they announce; `returning a.id` ids are logged. */
  upkeep: ReadonlyArray<{ sql: string; log?: string }>;
  /** The kind's SELECT of recipients (person_id, conversation_id, tenant_id, activity_id) from the started row `s`. */
  recipients(kind: string): string | undefined;
}

/** A delivery the worker holds, with everything needed to render and send it. */
export interface ClaimedDelivery {
  announcementId: string;
  personId: string;
  /** Tries so far, this one included. */
  attempts: number;
  /** Above 0: urgent (crisis notices), sent even while ordinary announcements are held. */
  priority: number;
  /** The notification kind (notifications/kinds) and its payload, checked when rendered. */
  kind: string;
  payload: unknown;
  sendAt: Date;
  /** A card update: the card to update (the id Teams gave it). */
  activityId: string | null;
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
  kind: string;
  payload: unknown;
  send_at: Date;
  activity_id: string | null;
  language: Language;
  department: string | null;
  location: string | null;
  notification_level: NotificationLevel;
  paused: boolean;
  results_cards: boolean;
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
export function deliveriesRepo(db: Queryable, kinds: KindSql, o: { installTenant?: string | null } = {}) {
  const key = (d: Key) => [d.announcementId, d.personId];

  return {
    /**
     * Scheduled announcements of kinds this process knows whose time has come and whose
     * kind says they may start, highest priority first, then oldest; `urgentOnly` as for claim.
     */
    async due(limit = 20, urgentOnly = false): Promise<string[]> {
      const rows = await db.query<{ id: string }>(
        `select a.id from announcements a
         where a.status = 'scheduled' and a.send_at <= now() and (not $2::boolean or a.priority > 0)
           and a.kind = any($3::text[]) and (${kinds.ready})
         order by a.priority desc, a.send_at, a.id limit $1`,
        [limit, urgentOnly, kinds.names],
      );
      return rows.map((r) => r.id);
    },

    /**
     * Keeps scheduled announcements in step with what they announce (a later publish time,
     * an archived item, a cancelled session: each kind says). Returns what it cancelled.
     */
    async upkeep(): Promise<Array<{ id: string; log: string }>> {
      const cancelled: Array<{ id: string; log: string }> = [];
      for (const u of kinds.upkeep) {
        const rows = await db.query<{ id?: string }>(u.sql);
        for (const r of rows) if (r.id && u.log) cancelled.push({ id: r.id, log: u.log });
      }
      return cancelled;
    },

    /**
     * Fixes the recipients of a due announcement and starts it, in one statement: it
     * happens exactly once even when several processes try (see delivery-start.ts).
     * Returns how many deliveries were created, or undefined when another process
     * started it first.
     */
    start: (announcementId: string) => startAnnouncement(db, kinds, announcementId, o.installTenant ?? null),

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

    /**
     * Tenants with anything pending (due now or waiting for a retry). A delivery without a
     * conversation waits for the app's install (install-worker.ts), not for a sender.
     */
    async tenantsWithWork(urgentOnly = false): Promise<string[]> {
      const rows = await db.query<{ tenant_id: string }>(
        `select distinct d.tenant_id from deliveries d join announcements a on a.id = d.announcement_id
         where d.status = 'pending' and d.conversation_id is not null and a.status = 'sending' and (not $1::boolean or d.priority > 0)`,
        [urgentOnly],
      );
      return rows.map((r) => r.tenant_id);
    },

    /** `urgentOnly` as for claim: while crisis mode holds the rest, only urgent rows count. */
    async hasWork(tenantId: string, urgentOnly = false): Promise<boolean> {
      const rows = await db.query(
        `select 1 from deliveries d join announcements a on a.id = d.announcement_id
         where d.tenant_id = $1 and d.status = 'pending' and d.conversation_id is not null and a.status = 'sending' and (not $2::boolean or d.priority > 0) limit 1`,
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
             and d.conversation_id is not null and a.status = 'sending' and (not $3::boolean or d.priority > 0)
           order by d.priority desc, d.next_attempt_at
           limit $2
           for update of d skip locked
         ), claimed as (
           update deliveries d set claimed_at = now(), attempts = d.attempts + 1, updated_at = now()
           from pick where d.announcement_id = pick.announcement_id and d.person_id = pick.person_id
           returning d.announcement_id, d.person_id, d.attempts, d.conversation_id, d.priority, d.next_attempt_at, d.activity_id
         )
         select cl.announcement_id, cl.person_id, cl.attempts, cl.priority, a.kind, a.payload, a.send_at, cl.activity_id,
           p.language, p.department, p.location,
           coalesce(pr.notification_level, 'every') as notification_level, coalesce(pr.paused, false) as paused,
           coalesce(pr.results_cards, true) as results_cards,
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
        kind: r.kind,
        payload: r.payload,
        sendAt: r.send_at,
        activityId: r.activity_id,
        person: { language: r.language, department: r.department, location: r.location },
        preferences: { notificationLevel: r.notification_level, paused: r.paused, resultsCards: r.results_cards },
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
