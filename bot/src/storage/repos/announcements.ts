import { conflict, invalid, notFound } from '../../domain/errors.js';
import type { Announcement, AnnouncementStatus, AnnouncementsQuery, DeliveryCounts } from '../../domain/model/announcements.js';
import { enqueueIn } from '../../notifications/enqueue.js';
import type { AnnouncementView } from '../../notifications/kind.js';
import { itemKind } from '../../notifications/kinds/item.js';
import { trainingKind } from '../../notifications/kinds/training.js';
import { chorusKinds, type KindRegistry } from '../../notifications/registry.js';
import type { Db, Queryable } from '../db.js';
import { decodeCursor, encodeCursor, iso, isoRequired } from './rows.js';

interface AnnouncementRow {
  id: string;
  kind: string;
  payload: unknown;
  status: AnnouncementStatus;
  send_at: Date;
  created_at: Date;
  created_text: string;
  started_at: Date | null;
  finished_at: Date | null;
  cancelled_at: Date | null;
}

const SELECT = `select a.id, a.kind, a.payload, a.status, a.send_at,
  a.created_at, a.created_at::text as created_text, a.started_at, a.finished_at, a.cancelled_at
  from announcements a`;

/** How far in the past an "announce at" may lie and still mean "now" (clock skew, slow clicks). */
const PAST_TOLERANCE_MS = 60_000;

export interface AnnouncementsOptions {
  /** The tenant pace (cards per second) for the expected finish before the first measurement. */
  paceRps: number;
  now?: () => Date;
  /** The kinds whose payloads it explains (default: Chorus's own). */
  kinds?: KindRegistry;
}

/**
 * Announcements as admins see and steer them. The worker (jobs/) moves them along;
 * this is creating, reading and cancelling.
 */
export function announcementsRepo(db: Db, options: AnnouncementsOptions) {
  const now = options.now ?? (() => new Date());
  const kinds = options.kinds ?? chorusKinds;

  /** What the API shows of the payload, by its kind; a kind this process does not know shows nothing more. */
  function viewOf(r: AnnouncementRow): AnnouncementView {
    const kind = kinds.get(r.kind);
    const parsed = kind?.payload.safeParse(r.payload);
    return kind && parsed?.success ? kind.view(parsed.data) : {};
  }

  async function titles(table: 'items' | 'trainings', ids: Array<string | undefined>, q: Queryable): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== undefined))];
    if (wanted.length === 0) return new Map();
    const rows = await q.query<{ id: string; title: string }>(`select id, title from ${table} where id = any($1::uuid[])`, [wanted]);
    return new Map(rows.map((r) => [r.id, r.title]));
  }

  async function withProgress(rows: AnnouncementRow[], q: Queryable = db): Promise<Announcement[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const views = new Map(rows.map((r) => [r.id, viewOf(r)]));
    const itemTitles = await titles('items', [...views.values()].map((v) => v.itemId), q);
    const trainingTitles = await titles('trainings', [...views.values()].map((v) => v.trainingId), q);
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
      const v = views.get(r.id) ?? {};
      return {
        id: r.id,
        subject: r.kind,
        item: v.itemId ? { id: v.itemId, title: itemTitles.get(v.itemId) ?? '' } : null,
        period: v.period ?? null,
        cardState: v.cardState ?? null,
        training: v.trainingId ? { id: v.trainingId, title: trainingTitles.get(v.trainingId) ?? '' } : null,
        notice: v.notice ?? null,
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
      const [item] = await db.query<{ id: string; status: string; publish_at: Date | null; expires_at: Date | null }>(
        'select id, status, publish_at, expires_at from items where id = $1',
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
      // The item's audience is read when the send starts, not now.
      const id = await enqueueIn(db, itemKind, { itemId: item.id }, 'by_kind', sendAt, by);
      if (!id) throw conflict('announce.itemAnnounced');
      return get(id);
    },

    /** Announce a session to its audience, now or at `at` (before it starts). Once; again only after a cancel. */
    async announceTraining(trainingId: string, at: Date | undefined, by: string): Promise<Announcement> {
      const [training] = await db.query<{ id: string; status: string; starts_at: Date }>('select id, status, starts_at from trainings where id = $1', [trainingId]);
      if (!training) throw notFound('Training');
      if (training.status === 'cancelled') throw conflict('training.cancelled');
      const current = now();
      if (training.starts_at.getTime() <= current.getTime()) throw conflict('training.started');
      if (at && at.getTime() < current.getTime() - PAST_TOLERANCE_MS) throw invalid({ at: 'field.notPast' });
      if (at && at.getTime() >= training.starts_at.getTime()) throw invalid({ at: 'training.beforeStart' });
      const id = await enqueueIn(db, trainingKind, { trainingId: training.id }, 'by_kind', new Date(Math.max(at?.getTime() ?? 0, current.getTime())), by);
      if (!id) throw conflict('training.announced');
      return get(id);
    },

    async list(q: AnnouncementsQuery): Promise<{ items: Announcement[]; nextCursor: string | null }> {
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (v: unknown) => `$${params.push(v)}`;
      if (q.status) where.push(`a.status = ${add(q.status)}`);
      if (q.itemId) where.push(`a.kind = '${itemKind.name}' and a.payload->>'itemId' = ${add(q.itemId)}::uuid::text`);
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
