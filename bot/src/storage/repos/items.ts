import { recordEvents } from '../events/record-events.js';
import type { Db, Queryable } from '../db.js';
import { maybeOne } from '../db.js';
import type { Network } from '../../domain/sharing/networks.js';
import type { Language } from '../../domain/model/common.js';
import type { AdminItem, FeedItem, ItemKind, ItemStatus, Posts } from '../../domain/model/items.js';
import type { Page } from '../../domain/model/common.js';
import { keysetPage } from '../keyset.js';
import { containsPattern, decodeCursor, encodeCursor, iso, isoRequired } from './rows.js';
import { FeedContentCache, type FeedContent } from './feed-content.js';

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

interface ItemRow {
  id: string;
  kind: ItemKind;
  title: string;
  url: string;
  why: string;
  image_url: string | null;
  language: Language;
  topics: string[];
  hashtags: string[];
  audience_departments: string[];
  audience_locations: string[];
  status: ItemStatus;
  live: boolean;
  publish_at: Date | null;
  expires_at: Date | null;
  campaign: string;
  created_at: Date;
  updated_at: Date;
  posts: Posts | null;
}

/** The one definition of "an employee can see and share this now". */
export const LIVE = `i.status in ('published', 'scheduled') and i.publish_at <= now() and (i.expires_at is null or i.expires_at > now())`;

/**
 * The item is meant for a person in department `$d` and location `$l` (empty lists: everyone).
 * Written with `= '{}'` and `@>` (not cardinality() and any()) because Postgres estimates
 * these from the column's statistics: the feed's plan depends on knowing that most items
 * are for everyone (it guessed 1 row in 10,000 and sorted them all).
 */
export const audience = (d: string, l: string) =>
  `(i.audience_departments = '{}' or i.audience_departments @> array[${d}::text])
   and (i.audience_locations = '{}' or i.audience_locations @> array[${l}::text])`;

const BASE_COLUMNS = `i.id, i.kind, i.title, i.url, i.why, i.image_url, i.language, i.topics, i.hashtags,
  i.audience_departments, i.audience_locations, i.status, i.publish_at, i.expires_at, i.campaign,
  i.created_at, i.updated_at, (${LIVE}) as live,
  (select json_object_agg(p.network, p.text) from item_posts p where p.item_id = i.id) as posts`;

/** What every item answer carries. */
type BaseRow = Pick<ItemRow, 'id' | 'kind' | 'title' | 'url' | 'why' | 'image_url' | 'language' | 'topics' | 'hashtags' | 'publish_at' | 'expires_at' | 'posts'>;

function base(r: BaseRow) {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    url: r.url,
    why: r.why,
    imageUrl: r.image_url,
    language: r.language,
    topics: r.topics,
    hashtags: r.hashtags,
    posts: r.posts ?? {},
    publishAt: iso(r.publish_at),
    expiresAt: iso(r.expires_at),
  };
}

const toAdminItem = (r: ItemRow & { shares: number; clicks: number }): AdminItem => ({
  ...base(r),
  status: r.status,
  live: r.live,
  audience: { departments: r.audience_departments, locations: r.audience_locations },
  campaign: r.campaign,
  createdAt: isoRequired(r.created_at),
  updatedAt: isoRequired(r.updated_at),
  stats: { shares: r.shares, clicks: r.clicks },
});

async function writePosts(tx: Queryable, itemId: string, posts: Posts) {
  await tx.query('delete from item_posts where item_id = $1', [itemId]);
  for (const [network, text] of Object.entries(posts) as [Network, string | undefined][]) {
    if (text) await tx.query('insert into item_posts (item_id, network, text) values ($1, $2, $3)', [itemId, network, text]);
  }
}

export interface Viewer {
  personId: string;
  language: Language;
  department: string | null;
  location: string | null;
}

/** The other language's items follow the viewer's own (the two of LANGUAGES). */
const OTHER_LANGUAGE: Record<Language, Language> = { de: 'en', en: 'de' };

type FeedQuery = { topic?: string; q?: string; cursor?: string; limit: number };

/** A feed page's row: which item, where in the order, and what is mine about it. */
interface FeedPageRow {
  id: string;
  /** 1: in the viewer's language, 0: in the other. */
  flag: 0 | 1;
  /** publish_at as Postgres text: full microseconds, for the cursor. */
  position: string;
  /** My networks and the clicks on my links (a share's link), null when I did not share the item. */
  mine: { networks: Network[]; clicks: number } | null;
  /** item_versions.items when the page was read (bigint as text). */
  version: string;
}

/**
 * The page as one statement: the newest live items for me in my language (flag 1) and in
 * the other (flag 0), each branch at most a page plus one, read in order from
 * items_feed_idx (024-feed) and stopping there, instead of filtering and sorting every
 * live item per request. For the first page plus one of both: the item's id and position,
 * my networks and the clicks on their links (one index lookup per item; the clicks only
 * for items I shared), and the content version. What the
 * items say comes from FeedContentCache, or FEED_CONTENT_SQL for those it lacks.
 *
 * The cursor is [flag, publish_at, id] of the last row, as before: within my language it
 * continues my branch and starts the other's; within the other only that branch runs.
 * One SQL text per kind of request (cursor where, topic, text search): a named statement,
 * planned once per connection.
 *
 * `language between $x and $x`, not `=`: with `=` Postgres drops the language from the
 * order (it is constant), and the generic plan may walk items_live_idx instead, filtering
 * by language — every live item for a reader of the rarer language. The range keeps the
 * order (language, publish_at desc, id desc) that only items_feed_idx gives.
 */
function feedStatement(viewer: Viewer, q: FeedQuery) {
  const params: unknown[] = [viewer.personId, q.limit + 1];
  const add = (v: unknown) => `$${params.push(v)}`;
  const filters = [LIVE, audience(add(viewer.department), add(viewer.location))];
  if (q.topic) filters.push(`i.topics @> array[${add(q.topic)}::text]`);
  if (q.q) filters.push(`(i.title ilike ${add(containsPattern(q.q))} or i.why ilike $${params.length})`);
  let where: 'first' | 'mine' | 'other' = 'first';
  let after = '';
  if (q.cursor) {
    const [flag, publishAt, id] = decodeCursor(q.cursor, ['flag', 'timestamp', 'uuid']);
    where = flag === 1 ? 'mine' : 'other';
    after = `(i.publish_at, i.id) < (${add(publishAt)}::timestamptz, ${add(id)}::uuid)`;
  }
  const branch = (flag: 0 | 1, language: string, position: string) =>
    `(select i.id, i.publish_at, ${flag} as flag from items i
      where i.language between ${language} and ${language} and ${[...filters, ...(position ? [position] : [])].join(' and ')}
      order by i.language, i.publish_at desc, i.id desc limit $2)`;
  const branches = [
    ...(where === 'other' ? [] : [branch(1, add(viewer.language), where === 'mine' ? after : '')]),
    branch(0, add(OTHER_LANGUAGE[viewer.language]), where === 'other' ? after : ''),
  ];
  // One branch alone is in order already (and a second order by on it is a syntax error).
  const page = branches.length === 1 ? branches[0] : `${branches.join(' union all ')} order by flag desc, publish_at desc, id desc limit $2`;
  const sql = `with page as (${page})
    select i.id, i.flag, i.publish_at::text as position,
      (select json_build_object('networks', array_agg(s.network order by s.network), 'clicks', coalesce(sum((select sum(c.clicks) from clicks c where c.link_code = s.link_code)), 0))
         from shares s where s.item_id = i.id and s.person_id = $1 having count(*) > 0) as mine,
      (select v.items::text from item_versions v where v.id) as version
    from page i order by i.flag desc, i.publish_at desc, i.id desc`;
  return { sql, params, name: `items.feed.${where}${q.topic ? '.topic' : ''}${q.q ? '.q' : ''}` };
}

/** What the feed shows of these items (read after the version the page carried). */
const FEED_CONTENT_SQL = `select i.id, i.kind, i.title, i.url, i.why, i.image_url, i.language, i.topics, i.hashtags, i.publish_at, i.expires_at,
    (select json_object_agg(p.network, p.text) from item_posts p where p.item_id = i.id) as posts
  from items i where i.id = any($1::uuid[])`;

/** One content cache per database in a process (the app and the bot replies share it). */
const contentCaches = new WeakMap<Db, FeedContentCache>();
const contentCacheOf = (db: Db) => {
  let cache = contentCaches.get(db);
  if (!cache) contentCaches.set(db, (cache = new FeedContentCache()));
  return cache;
};

export function itemsRepo(db: Db) {
  const cache = contentCacheOf(db);

  /** The content of a page's items: kept ones, and the rest read now (and kept). */
  async function contents(page: FeedPageRow[]): Promise<Map<string, FeedContent>> {
    if (page.length === 0) return new Map();
    const version = BigInt((page[0] as FeedPageRow).version);
    const { found, missing } = cache.lookup(version, page.map((r) => r.id));
    if (missing.length === 0) return found;
    const read = (await db.query<BaseRow>(FEED_CONTENT_SQL, [missing], { name: 'items.feed.content' })).map(base);
    cache.store(version, read);
    for (const item of read) found.set(item.id, item);
    return found;
  }

  const adminColumns = `${BASE_COLUMNS},
      (select count(*)::int from shares s where s.item_id = i.id) as shares,
      (select coalesce(sum(c.clicks), 0)::int from clicks c where c.item_id = i.id) as clicks`;
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
      const row = await maybeOne<ItemRow & { shares: number; clicks: number }>(db, `${adminSelect} where i.id = $1`, [id]);
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
        map: (r: ItemRow & { shares: number; clicks: number }) => toAdminItem(r),
      });
    },

    /**
     * The employee's feed: live items for their audience; their own language first,
     * then newest first. Keyset-paged so new items do not shift pages. One statement for
     * the page (feedStatement); a second only for items whose content this process does
     * not hold for the current version.
     */
    async feed(viewer: Viewer, q: FeedQuery): Promise<Page<FeedItem>> {
      const statement = feedStatement(viewer, q);
      const rows = await db.query<FeedPageRow>(statement.sql, statement.params, { name: statement.name });
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      const content = await contents(page);
      return {
        // An item deleted between the two statements is left out.
        items: page.flatMap((r) => {
          const item = content.get(r.id);
          return item ? [{ ...item, mine: r.mine ?? { networks: [], clicks: 0 } }] : [];
        }),
        nextCursor: rows.length > q.limit && last ? encodeCursor([last.flag, last.position, last.id]) : null,
      };
    },

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
