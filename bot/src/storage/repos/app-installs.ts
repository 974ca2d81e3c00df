import type { Db, Queryable } from '../db.js';

// The app installs that deliveries wait for (issue 14 §3, migration 032): one row per person,
// worked through by the install worker (jobs/install-worker.ts) at Graph's pace. A delivery
// waits while it is pending without a conversation; the install's end moves every waiting
// delivery of the person on (into the send queue) or settles it with the install's reason.

/** An install the worker holds. */
export interface ClaimedInstall {
  personId: string;
  aadObjectId: string | null;
  /** Tries so far, this one included. */
  attempts: number;
  /** The directory says the person left since the announcement started. */
  left: boolean;
}

/** Deliveries that wait for the person's install. */
const WAITING = `d.person_id = i.person_id and d.status = 'pending' and d.conversation_id is null`;
/** Only installs some sending announcement still waits for are worth doing. */
const NEEDED = `exists (select 1 from deliveries d join announcements a on a.id = d.announcement_id where ${WAITING} and a.status = 'sending')`;

export function appInstallsRepo(db: Db) {
  /** Every delivery waiting for the person's install ends with `status` and `reason`. */
  const settleWaiting = (q: Queryable, personId: string, status: 'failed' | 'skipped', reason: string) =>
    q.query(
      `update deliveries set status = $2, reason = $3, updated_at = now()
       where person_id = $1 and status = 'pending' and conversation_id is null`,
      [personId, status, reason],
    );

  return {
    /**
     * Installs nobody waits for any more (their announcement was cancelled) rest as idle: no
     * poll steps over them, and the next announcement that needs one arms it again.
     */
    async rest(tenantId: string): Promise<number> {
      const rows = await db.query(
        `update app_installs i set status = 'idle', updated_at = now()
         where i.tenant_id = $1 and i.status = 'pending' and i.claimed_at is null and not ${NEEDED} returning 1`,
        [tenantId],
      );
      return rows.length;
    },

    /** Whether the tenant has installs to do now or later. */
    async hasWork(tenantId: string): Promise<boolean> {
      const rows = await db.query(`select 1 from app_installs i where i.tenant_id = $1 and i.status = 'pending' and ${NEEDED} limit 1`, [tenantId]);
      return rows.length > 0;
    },

    /** Takes up to `limit` due installs of the tenant, oldest first. */
    async claim(tenantId: string, limit: number): Promise<ClaimedInstall[]> {
      const rows = await db.query<{ person_id: string; aad_object_id: string | null; attempts: number; left: boolean }>(
        `with pick as (
           select i.person_id from app_installs i
           where i.tenant_id = $1 and i.status = 'pending' and i.claimed_at is null and i.next_attempt_at <= now() and ${NEEDED}
           order by i.next_attempt_at limit $2
           for update of i skip locked
         )
         update app_installs i set claimed_at = now(), attempts = i.attempts + 1, updated_at = now()
         from pick, people p where i.person_id = pick.person_id and p.id = i.person_id
         returning i.person_id, p.aad_object_id, i.attempts, p.left_at is not null as left`,
        [tenantId, limit],
      );
      return rows.map((r) => ({ personId: r.person_id, aadObjectId: r.aad_object_id, attempts: r.attempts, left: r.left }));
    },

    /** A new leader for the tenant: installs the previous one held are free again (repeating one is harmless). */
    async releaseInHand(tenantId: string): Promise<void> {
      await db.query(`update app_installs set claimed_at = null, updated_at = now() where tenant_id = $1 and claimed_at is not null`, [tenantId]);
    },

    /** Back untouched (the worker stopped before trying them). */
    async unclaim(personIds: string[]): Promise<void> {
      if (personIds.length === 0) return;
      await db.query(
        `update app_installs set claimed_at = null, attempts = greatest(attempts - 1, 0), updated_at = now()
         where person_id = any($1::uuid[]) and claimed_at is not null and status = 'pending'`,
        [personIds],
      );
    },

    /** Where the bot reaches this tenant's chats: the service URL Teams last gave for any of them. */
    async serviceUrl(tenantId: string): Promise<string | undefined> {
      const [row] = await db.query<{ service_url: string }>(
        `select service_url from conversations where tenant_id = $1 order by updated_at desc limit 1`,
        [tenantId],
      );
      return row?.service_url;
    },

    /**
     * Installed: the chat is stored as the person's personal conversation and every delivery
     * waiting for it joins the send queue (after `holdMs`, so the welcome queued beside it
     * goes first) — one transaction, so none is left waiting. A chat Chorus knows as someone
     * else's, or as one the person blocked or left, is never used: the install ends with
     * that reason instead. Returns how many deliveries moved on, or the refusal.
     */
    async installed(i: { personId: string; tenantId: string; chatId: string; serviceUrl: string; reference: Record<string, unknown>; holdMs: number }): Promise<number | { refused: string }> {
      return db.transaction(async (tx) => {
        const [known] = await tx.query<{ person_id: string | null; kind: string; status: string }>(
          'select person_id, kind, status from conversations where id = $1 for update',
          [i.chatId],
        );
        if (known && (known.kind !== 'personal' || (known.person_id !== null && known.person_id !== i.personId))) return { refused: 'install_bad_answer' };
        if (known && known.status !== 'active') return { refused: known.status };
        // One Teams already told the bot about keeps what Teams sent.
        await tx.query(
          `insert into conversations (id, kind, tenant_id, service_url, person_id, reference)
           values ($1, 'personal', $2, $3, $4, $5)
           on conflict (id) do update set person_id = excluded.person_id, updated_at = now()`,
          [i.chatId, i.tenantId, i.serviceUrl, i.personId, JSON.stringify(i.reference)],
        );
        await tx.query(
          `update app_installs set status = 'installed', reason = null, chat_id = $2, claimed_at = null, updated_at = now() where person_id = $1`,
          [i.personId, i.chatId],
        );
        const moved = await tx.query(
          `update deliveries set conversation_id = $2, next_attempt_at = now() + ($3::float8 * interval '1 millisecond'), updated_at = now()
           where person_id = $1 and status = 'pending' and conversation_id is null returning 1`,
          [i.personId, i.chatId, i.holdMs],
        );
        return moved.length;
      });
    },

    /** The install cannot be done: the deliveries waiting for it fail (or are skipped) with the reason. */
    async failed(personId: string, reason: string, deliveries: 'failed' | 'skipped' = 'failed'): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.query(`update app_installs set status = 'failed', reason = $2, claimed_at = null, updated_at = now() where person_id = $1`, [personId, reason]);
        await settleWaiting(tx, personId, deliveries, reason);
      });
    },

    /**
     * Another try after `afterMs` (throttled, Graph unavailable). `counts`: false when the try
     * was Graph telling the whole tenant to wait (429) — that uses up none of the person's tries.
     */
    async retryLater(personId: string, afterMs: number, reason: string, counts = true): Promise<void> {
      await db.query(
        `update app_installs set claimed_at = null, reason = $3, next_attempt_at = now() + ($2::float8 * interval '1 millisecond'),
           attempts = case when $4::boolean then attempts else greatest(attempts - 1, 0) end, updated_at = now()
         where person_id = $1 and status = 'pending'`,
        [personId, afterMs, reason, counts],
      );
    },


    /**
     * Nothing can be installed in `tenantId` (null: anywhere) now — no Teams address known there,
     * or PROACTIVE_INSTALL was turned off while deliveries waited: every waiting install and
     * delivery ends with `reason`, rather than keep its announcement sending forever.
     */
    async failAll(reason: string, tenantId: string | null): Promise<number> {
      return db.transaction(async (tx) => {
        await tx.query(
          `update app_installs set status = 'failed', reason = $1, claimed_at = null, updated_at = now()
           where status = 'pending' and ($2::text is null or tenant_id = $2)`,
          [reason, tenantId],
        );
        const rows = await tx.query(
          `update deliveries set status = 'failed', reason = $1, updated_at = now()
           where status = 'pending' and conversation_id is null and ($2::text is null or tenant_id = $2) returning 1`,
          [reason, tenantId],
        );
        return rows.length;
      });
    },
  };
}
export type AppInstallsRepo = ReturnType<typeof appInstallsRepo>;
