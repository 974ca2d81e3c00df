import { conflict, notFound } from '../../domain/errors.js';
import type { AnnouncementStore } from '../../domain/announcements/announcements-service.js';
import type {
  Announcement,
  AnnouncementStatus,
  AnnouncementSubjectKind,
  AnnouncementsQuery,
  AnnouncementView,
  DeliveryCounts,
} from '../../domain/model/announcements.js';
import type { ItemStatus } from '../../domain/model/items.js';
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

/** The kind of an item's announcement (notifications/kinds/item.ts), checked against the model's subjects. */
const ITEM_KIND: AnnouncementSubjectKind = 'item';

export interface AnnouncementsOptions {
  /** The tenant pace (cards per second) for the expected finish before the first measurement. */
  paceRps: number;
  now?: () => Date;
  /** What a payload shows the admin API, by its kind (the notification kinds' registry knows). */
  explain: (kind: string, payload: unknown) => AnnouncementView;
}

/**
 * Announcements as admins see and steer them. The worker (jobs/) moves them along;
 * this is creating, reading and cancelling.
 */
export function announcementsRepo(db: Db, options: AnnouncementsOptions) {
  const now = options.now ?? (() => new Date());
  const viewOf = (r: AnnouncementRow): AnnouncementView => options.explain(r.kind, r.payload);

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
    const counts = await q.query<{ announcement_id: string; status: keyof Omit<DeliveryCounts, 'total' | 'installing'>; installing: boolean; reason: string | null; n: number }>(
      `select announcement_id, status, (status = 'pending' and conversation_id is null) as installing,
         case when status in ('skipped', 'failed') then reason end as reason, count(*)::int as n
       from deliveries where announcement_id = any($1::uuid[]) group by 1, 2, 3, 4`,
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
      const c: DeliveryCounts = { total: 0, pending: 0, installing: 0, sent: 0, failed: 0, skipped: 0 };
      const reasons: Record<string, number> = {};
      for (const row of counts.filter((x) => x.announcement_id === r.id)) {
        c[row.status] += row.n;
        if (row.installing) c.installing += row.n;
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

    /** What announcing an item needs to know about it. */
    async item(id: string): Promise<Awaited<ReturnType<AnnouncementStore['item']>>> {
      const [row] = await db.query<{ status: ItemStatus; publish_at: Date | null; expires_at: Date | null }>(
        'select status, publish_at, expires_at from items where id = $1',
        [id],
      );
      return row && { status: row.status, publishAt: row.publish_at, expiresAt: row.expires_at };
    },

    /** What announcing a session needs to know about it. */
    async training(id: string): Promise<Awaited<ReturnType<AnnouncementStore['training']>>> {
      const [row] = await db.query<{ status: 'scheduled' | 'cancelled'; starts_at: Date }>('select status, starts_at from trainings where id = $1', [id]);
      return row && { status: row.status, startsAt: row.starts_at };
    },

    async list(q: AnnouncementsQuery): Promise<{ items: Announcement[]; nextCursor: string | null }> {
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (v: unknown) => `$${params.push(v)}`;
      if (q.status) where.push(`a.status = ${add(q.status)}`);
      if (q.itemId) where.push(`a.kind = '${ITEM_KIND}' and a.payload->>'itemId' = ${add(q.itemId)}::uuid::text`);
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
