import { conflict, invalid, notFound } from '../../domain/errors.js';
import type {
  Announcement,
  AnnouncementStatus,
  AnnouncementSubjectKind,
  AnnouncementsQuery,
  DeliveryCounts,
} from '../../http/contract/announcements.js';
import type { Db, Queryable } from '../db.js';
import { decodeCursor, encodeCursor, iso, isoRequired } from './rows.js';

interface AnnouncementRow {
  id: string;
  subject: AnnouncementSubjectKind;
  item_id: string | null;
  item_title: string | null;
  period: string | null;
  card_state: 'paused' | 'normal' | null;
  training_id: string | null;
  training_title: string | null;
  notice: Announcement['notice'];
  status: AnnouncementStatus;
  send_at: Date;
  created_at: Date;
  created_text: string;
  started_at: Date | null;
  finished_at: Date | null;
  cancelled_at: Date | null;
}

const SELECT = `select a.id, a.subject, a.item_id, i.title as item_title, a.period, a.card_state, a.status, a.send_at,
  a.training_id, t.title as training_title, a.notice,
  a.created_at, a.created_at::text as created_text, a.started_at, a.finished_at, a.cancelled_at
  from announcements a left join items i on i.id = a.item_id left join trainings t on t.id = a.training_id`;

/** How far in the past an "announce at" may lie and still mean "now" (clock skew, slow clicks). */
const PAST_TOLERANCE_MS = 60_000;

export interface AnnouncementsOptions {
  /** The tenant pace (cards per second) for the expected finish before the first measurement. */
  paceRps: number;
  now?: () => Date;
}

/**
 * Announcements as admins see and steer them. The worker (jobs/) moves them along;
 * this is creating, reading and cancelling.
 */
export function announcementsRepo(db: Db, options: AnnouncementsOptions) {
  const now = options.now ?? (() => new Date());

  async function withProgress(rows: AnnouncementRow[], q: Queryable = db): Promise<Announcement[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const counts = await q.query<{ announcement_id: string; status: keyof Omit<DeliveryCounts, 'total'>; reason: string | null; n: number }>(
      `select announcement_id, status, case when status in ('skipped', 'failed') then reason end as reason, count(*)::int as n
       from deliveries where announcement_id = any($1::uuid[]) group by 1, 2, 3`,
      [ids],
    );
    // Throughput over the last minute of sending: up to now while sending, up to the
    // last card once done.
    const rates = await q.query<{ announcement_id: string; sent: number; seconds: number | null }>(
      `with w as (
         select a.id, a.started_at,
           case when a.status = 'sending' then now() else (select max(sent_at) from deliveries d where d.announcement_id = a.id and d.status = 'sent') end as window_end
         from announcements a where a.id = any($1::uuid[]) and a.started_at is not null
       )
       select w.id as announcement_id,
         (select count(*)::int from deliveries d where d.announcement_id = w.id and d.status = 'sent'
            and d.sent_at > greatest(w.started_at, w.window_end - interval '60 seconds') and d.sent_at <= w.window_end) as sent,
         extract(epoch from (w.window_end - greatest(w.started_at, w.window_end - interval '60 seconds')))::float8 as seconds
       from w`,
      [ids],
    );
    const at = now();
    return rows.map((r) => {
      const c: DeliveryCounts = { total: 0, pending: 0, sent: 0, failed: 0, skipped: 0 };
      const reasons: Record<string, number> = {};
      for (const row of counts.filter((x) => x.announcement_id === r.id)) {
        c[row.status] += row.n;
        c.total += row.n;
        if (row.reason) reasons[row.reason] = (reasons[row.reason] ?? 0) + row.n;
      }
      const rate = rates.find((x) => x.announcement_id === r.id);
      const throughput = rate && rate.seconds !== null && rate.seconds >= 1 && rate.sent > 0 ? Math.round((rate.sent / rate.seconds) * 10) / 10 : null;
      const pace = throughput ?? options.paceRps * 0.98;
      const expectedFinishAt = r.status === 'sending' ? new Date(at.getTime() + (c.pending / pace) * 1000).toISOString() : null;
      return {
        id: r.id,
        subject: r.subject,
        item: r.item_id ? { id: r.item_id, title: r.item_title ?? '' } : null,
        period: r.period,
        cardState: r.card_state,
        training: r.training_id ? { id: r.training_id, title: r.training_title ?? '' } : null,
        notice: r.notice,
        status: r.status,
        sendAt: isoRequired(r.send_at),
        createdAt: isoRequired(r.created_at),
        startedAt: iso(r.started_at),
        finishedAt: iso(r.finished_at),
        cancelledAt: iso(r.cancelled_at),
        counts: c,
        reasons,
        throughput,
        expectedFinishAt,
      };
    });
  }

  async function get(id: string, q: Queryable = db): Promise<Announcement> {
    const rows = await q.query<AnnouncementRow>(`${SELECT} where a.id = $1`, [id]);
    const [found] = await withProgress(rows, q);
    if (!found) throw notFound('Announcement');
    return found;
  }

  return {
    get: (id: string) => get(id),

    /**
     * Announce a published or scheduled item, now or at `at`. Never before the item goes
     * live, never after it expires; an item is announced once (again only after a cancel).
     */
    async announceItem(itemId: string, at: Date | undefined, by: string): Promise<Announcement> {
      const [item] = await db.query<{ status: string; publish_at: Date | null; expires_at: Date | null }>(
        'select status, publish_at, expires_at from items where id = $1',
        [itemId],
      );
      if (!item) throw notFound('Item');
      if (item.status !== 'published' && item.status !== 'scheduled') {
        throw conflict('announce.notLive');
      }
      const current = now();
      if (at && at.getTime() < current.getTime() - PAST_TOLERANCE_MS) throw invalid({ at: 'field.notPast' });
      const liveAt = item.publish_at ?? current;
      if (at && at.getTime() < liveAt.getTime()) throw invalid({ at: 'announce.beforePublish' });
      const sendAt = new Date(Math.max(at?.getTime() ?? 0, liveAt.getTime(), current.getTime()));
      if (item.expires_at && sendAt.getTime() >= item.expires_at.getTime()) {
        throw invalid({ at: 'announce.beforeItemExpires' });
      }
      try {
        const [row] = await db.query<{ id: string }>(
          `insert into announcements (subject, item_id, audience_departments, audience_locations, send_at, created_by)
           select 'item', i.id, i.audience_departments, i.audience_locations, $2, $3 from items i where i.id = $1
           returning id`,
          [itemId, sendAt, by],
        );
        return await get(row!.id);
      } catch (err) {
        if ((err as { code?: string }).code === '23505') throw conflict('announce.itemAnnounced');
        throw err;
      }
    },

    /** Announce a session to its audience, now or at `at` (before it starts). Once; again only after a cancel. */
    async announceTraining(trainingId: string, at: Date | undefined, by: string): Promise<Announcement> {
      const [training] = await db.query<{ status: string; starts_at: Date }>('select status, starts_at from trainings where id = $1', [trainingId]);
      if (!training) throw notFound('Training');
      if (training.status === 'cancelled') throw conflict('training.cancelled');
      const current = now();
      if (training.starts_at.getTime() <= current.getTime()) throw conflict('training.started');
      if (at && at.getTime() < current.getTime() - PAST_TOLERANCE_MS) throw invalid({ at: 'field.notPast' });
      if (at && at.getTime() >= training.starts_at.getTime()) throw invalid({ at: 'training.beforeStart' });
      try {
        const [row] = await db.query<{ id: string }>(
          `insert into announcements (subject, training_id, audience_departments, audience_locations, send_at, created_by)
           select 'training', t.id, t.audience_departments, t.audience_locations, $2, $3 from trainings t where t.id = $1
           returning id`,
          [trainingId, new Date(Math.max(at?.getTime() ?? 0, current.getTime())), by],
        );
        return await get(row!.id);
      } catch (err) {
        if ((err as { code?: string }).code === '23505') throw conflict('training.announced');
        throw err;
      }
    },

    async list(q: AnnouncementsQuery): Promise<{ items: Announcement[]; nextCursor: string | null }> {
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (v: unknown) => `$${params.push(v)}`;
      if (q.status) where.push(`a.status = ${add(q.status)}`);
      if (q.itemId) where.push(`a.subject = 'item' and a.item_id = ${add(q.itemId)}`);
      if (q.cursor) {
        const [createdAt, id] = decodeCursor(q.cursor, ['timestamp', 'uuid']);
        where.push(`(a.created_at, a.id) < (${add(createdAt)}::timestamptz, ${add(id)}::uuid)`);
      }
      const rows = await db.query<AnnouncementRow>(
        `${SELECT} ${where.length ? `where ${where.join(' and ')}` : ''}
         order by a.created_at desc, a.id desc limit ${add(q.limit + 1)}`,
        params,
      );
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      return {
        items: await withProgress(page),
        nextCursor: rows.length > q.limit && last ? encodeCursor([last.created_text, last.id]) : null,
      };
    },

    /**
     * Stops what has not gone out yet; sent cards stay sent. Cancelling twice is harmless;
     * a finished announcement cannot be cancelled.
     */
    async cancel(id: string): Promise<Announcement> {
      return db.transaction(async (tx) => {
        const [row] = await tx.query<{ status: AnnouncementStatus }>('select status from announcements where id = $1 for update', [id]);
        if (!row) throw notFound('Announcement');
        if (row.status === 'done') throw conflict('announce.sent');
        if (row.status !== 'cancelled') {
          await tx.query(`update announcements set status = 'cancelled', cancelled_at = now() where id = $1`, [id]);
          await tx.query(
            // rows in a sender's hand keep the mark until it lets go (their card may be on its way)
            `update deliveries set status = 'skipped', reason = 'cancelled', updated_at = now()
             where announcement_id = $1 and status = 'pending'`,
            [id],
          );
        }
        return get(id, tx);
      });
    },
  };
}
export type AnnouncementsRepo = ReturnType<typeof announcementsRepo>;
