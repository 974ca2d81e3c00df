import { recordEvents } from '../events/record-events.js';
import type { Db, Queryable } from '../db.js';
import { maybeOne } from '../db.js';
import type { Network } from '../../domain/sharing/networks.js';
import type { Language, Page } from '../../domain/model/common.js';
import type { AdminItem, FeedItem, ItemKind, ItemStatus, Posts } from '../../domain/model/items.js';
import { keysetPage } from '../keyset.js';
import { readFeed, type FeedPageQuery } from './feed.js';
import { audience, base, LIVE, type ItemRow, type Viewer } from './item-rows.js';
import { reachesNobody, staleAudience } from './audience-sql.js';
import { containsPattern, isoRequired } from './rows.js';

export { audience, LIVE, type Viewer } from './item-rows.js';

/** What the domain hands to storage for a create or an edit (validated already). */
export interface ItemRecord {
  kind: ItemKind;
  title: string;
  url: string;
  why: string;
  imageUrl: string | null;
  language: Language;
  topics: string[];
  audience: { departments: string[]; locations: string[] };
  posts: Posts;
  hashtags: string[];
  expiresAt: string | null;
}

const BASE_COLUMNS = `i.id, i.kind, i.title, i.url, i.why, i.image_url, i.language, i.topics, i.hashtags,
  i.audience_departments, i.audience_locations, i.status, i.publish_at, i.expires_at, i.campaign,
  i.created_at, i.updated_at, (${LIVE}) as live,
  (select json_object_agg(p.network, p.text) from item_posts p where p.item_id = i.id) as posts`;

/** Reasons are shown once at least this many declined: fewer could point at a colleague. */
const DECLINE_REASONS_FROM = 5;

type AdminRow = ItemRow & {
  shares: number;
  clicks: number;
  declined: { total: number; not_relevant: number; not_my_network: number; dont_like: number; none: number };
  reached: number;
  stale_audience: string[];
  reaches_nobody: boolean;
};

function declinedOf(r: AdminRow): AdminItem['stats']['declined'] {
  const { total, ...reasons } = r.declined;
  const enough = total >= DECLINE_REASONS_FROM;
  return { total, reasons: enough ? reasons : null, flagged: enough && total * 5 >= r.reached };
}

const toAdminItem = (r: AdminRow): AdminItem => ({
  ...base(r),
  status: r.status,
  live: r.live,
  audience: { departments: r.audience_departments, locations: r.audience_locations },
  staleAudience: r.stale_audience,
  reachesNobody: r.reaches_nobody,
  campaign: r.campaign,
  createdAt: isoRequired(r.created_at),
  updatedAt: isoRequired(r.updated_at),
  stats: { shares: r.shares, clicks: r.clicks, declined: declinedOf(r) },
});

async function writePosts(tx: Queryable, itemId: string, posts: Posts) {
  await tx.query('delete from item_posts where item_id = $1', [itemId]);
  for (const [network, text] of Object.entries(posts) as [Network, string | undefined][]) {
    if (text) await tx.query('insert into item_posts (item_id, network, text) values ($1, $2, $3)', [itemId, network, text]);
  }
}

export function itemsRepo(db: Db) {
  const adminColumns = `${BASE_COLUMNS},
      (select count(*)::int from shares s where s.item_id = i.id) as shares,
      (select coalesce(sum(c.clicks), 0)::int from clicks c where c.item_id = i.id) as clicks,
      (select json_build_object('total', count(*), 'not_relevant', count(*) filter (where fb.reason = 'not_relevant'),
              'not_my_network', count(*) filter (where fb.reason = 'not_my_network'), 'dont_like', count(*) filter (where fb.reason = 'dont_like'),
              'none', count(*) filter (where fb.reason is null))
         from feedback fb where fb.item_id = i.id and fb.kind = 'not_for_me') as declined,
      (select count(*)::int from deliveries dl join announcements ann on ann.id = dl.announcement_id
         where ann.kind = 'item' and ann.payload->>'itemId' = i.id::text and dl.status = 'sent') as reached,
      ${staleAudience('i.audience_departments', 'i.audience_locations')} as stale_audience,
      ${reachesNobody('i.audience_departments', 'i.audience_locations')} as reaches_nobody`;
  const adminSelect = `select ${adminColumns} from items i`;

  return {
    async create(rec: ItemRecord, campaign: string, createdBy: string): Promise<string> {
      return db.transaction(async (tx) => {
        const [row] = await tx.query<{ id: string }>(
          `insert into items (kind, title, url, why, image_url, language, topics, audience_departments,
             audience_locations, hashtags, expires_at, campaign, created_by)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning id`,
          [rec.kind, rec.title, rec.url, rec.why, rec.imageUrl, rec.language, rec.topics, rec.audience.departments,
            rec.audience.locations, rec.hashtags, rec.expiresAt, campaign, createdBy],
        );
        const id = (row as { id: string }).id;
        await writePosts(tx, id, rec.posts);
        return id;
      });
    },

    /** false when there is no such item. */
    async update(id: string, rec: ItemRecord): Promise<boolean> {
      return db.transaction(async (tx) => {
        const rows = await tx.query(
          `update items set kind = $2, title = $3, url = $4, why = $5, image_url = $6, language = $7, topics = $8,
             audience_departments = $9, audience_locations = $10, hashtags = $11, expires_at = $12, updated_at = now()
           where id = $1 returning id`,
          [id, rec.kind, rec.title, rec.url, rec.why, rec.imageUrl, rec.language, rec.topics, rec.audience.departments,
            rec.audience.locations, rec.hashtags, rec.expiresAt],
        );
        if (rows.length === 0) return false;
        await writePosts(tx, id, rec.posts);
        return true;
      });
    },

    /** Publishing (now or scheduled) and archiving are events, stored with the change. */
    async setStatus(id: string, status: ItemStatus, publishAt?: Date): Promise<boolean> {
      return db.transaction(async (tx) => {
        const [row] = await tx.query<{ publish_at: Date | string | null; was: ItemStatus }>(
          `update items i set status = $2, publish_at = coalesce($3, i.publish_at), updated_at = now()
           from (select status from items where id = $1 for update) old
           where i.id = $1 returning i.publish_at, old.status as was`,
          [id, status, publishAt ?? null],
        );
        if (!row) return false;
        // Scheduled items go live at publishAt by the clock alone: the event says when.
        if ((status === 'published' || status === 'scheduled') && (row.was !== status || publishAt)) {
          const at = row.publish_at ? new Date(row.publish_at).toISOString() : new Date().toISOString();
          await recordEvents(tx, [{ type: 'item.published', subject: `item:${id}`, payload: { itemId: id, publishAt: at } }]);
        } else if (status === 'archived' && row.was !== 'archived') {
          await recordEvents(tx, [{ type: 'item.archived', subject: `item:${id}`, payload: { itemId: id } }]);
        }
        return true;
      });
    },

    async adminGet(id: string): Promise<AdminItem | undefined> {
      const row = await maybeOne<AdminRow>(db, `${adminSelect} where i.id = $1`, [id]);
      return row && toAdminItem(row);
    },

    async adminList(q: { status?: ItemStatus; q?: string; cursor?: string; limit: number }) {
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (v: unknown) => `$${params.push(v)}`;
      if (q.status) where.push(`i.status = ${add(q.status)}`);
      if (q.q) where.push(`(i.title ilike ${add(containsPattern(q.q))} or i.why ilike $${params.length})`);
      return keysetPage(db, {
        columns: adminColumns,
        from: 'from items i',
        where,
        params,
        keys: [{ sql: 'i.updated_at', kind: 'timestamp' }, { sql: 'i.id', kind: 'uuid' }],
        direction: 'desc',
        page: q,
        map: (r: AdminRow) => toAdminItem(r),
      });
    },

    /** The employee's feed (storage/repos/feed.ts). */
    feed: (viewer: Viewer, q: FeedPageQuery): Promise<Page<FeedItem>> => readFeed(db, viewer, q),

    /** Whether the item is live and meant for this person (their department and location). */
    async visibleTo(id: string, viewer: Pick<Viewer, 'department' | 'location'>): Promise<boolean> {
      const rows = await db.query(
        `select 1 from items i where i.id = $1 and ${LIVE} and ${audience('$2', '$3')}`,
        [id, viewer.department, viewer.location],
      );
      return rows.length > 0;
    },

    /**
     * Whether a card about this item may be shown to the person: it was published (live
     * now, or expired or archived since) and its audience includes them. Drafts and
     * other people's items never are.
     */
    async knownTo(id: string, viewer: Pick<Viewer, 'department' | 'location'>): Promise<boolean> {
      const rows = await db.query(
        `select 1 from items i where i.id = $1 and i.publish_at is not null and i.publish_at <= now() and i.status <> 'draft'
           and ${audience('$2', '$3')}`,
        [id, viewer.department, viewer.location],
      );
      return rows.length > 0;
    },

    /** A live item with everything the share page needs; undefined when not live. */
    async liveForSharing(id: string): Promise<(FeedItem & { campaign: string }) | undefined> {
      const row = await maybeOne<ItemRow>(db, `select ${BASE_COLUMNS} from items i where i.id = $1 and ${LIVE}`, [id]);
      return row && { ...base(row), campaign: row.campaign, mine: { networks: [], clicks: 0 } };
    },
  };
}
export type ItemsRepo = ReturnType<typeof itemsRepo>;
