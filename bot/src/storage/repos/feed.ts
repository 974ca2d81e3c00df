// The employee's feed at company size (issue 13 §6): one statement for the page, the
// items' content from the process's FeedContentCache.
import type { Db } from '../db.js';
import type { Language, Page } from '../../domain/model/common.js';
import type { FeedItem } from '../../domain/model/items.js';
import type { Network } from '../../domain/sharing/networks.js';
import { FeedContentCache, type FeedContent } from './feed-content.js';
import { audience, base, LIVE, type BaseRow, type Viewer } from './item-rows.js';
import { containsPattern, decodeCursor, encodeCursor } from './rows.js';

/** The other language's items follow the viewer's own (the two of LANGUAGES). */
const OTHER_LANGUAGE: Record<Language, Language> = { de: 'en', en: 'de' };

export type FeedPageQuery = { topic?: string; q?: string; cursor?: string; limit: number };

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
 * for items I shared), and the content version. What the items say comes from
 * FeedContentCache, or FEED_CONTENT_SQL for those it lacks.
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
function feedStatement(viewer: Viewer, q: FeedPageQuery) {
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

/** One content cache per database and process, whichever repository reads the feed. */
const contentCaches = new WeakMap<Db, FeedContentCache>();
const contentCacheOf = (db: Db) => {
  let cache = contentCaches.get(db);
  if (!cache) contentCaches.set(db, (cache = new FeedContentCache()));
  return cache;
};

/**
 * The employee's feed: live items for their audience; their own language first, then
 * newest first. Keyset-paged so new items do not shift pages. One statement for the page
 * (feedStatement); a second only for items whose content this process does not hold for
 * the current version.
 */
export async function readFeed(db: Db, viewer: Viewer, q: FeedPageQuery): Promise<Page<FeedItem>> {
  const statement = feedStatement(viewer, q);
  const rows = await db.query<FeedPageRow>(statement.sql, statement.params, { name: statement.name });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const content = await contents(db, page);
  return {
    // An item deleted between the two statements is left out.
    items: page.flatMap((r) => {
      const item = content.get(r.id);
      return item ? [{ ...item, mine: r.mine ?? { networks: [], clicks: 0 } }] : [];
    }),
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.flag, last.position, last.id]) : null,
  };
}

/** The content of a page's items: kept ones, and the rest read now (and kept). */
async function contents(db: Db, page: FeedPageRow[]): Promise<Map<string, FeedContent>> {
  if (page.length === 0) return new Map();
  const cache = contentCacheOf(db);
  const version = BigInt((page[0] as FeedPageRow).version);
  const { found, missing } = cache.lookup(version, page.map((r) => r.id));
  if (missing.length === 0) return found;
  const read = (await db.query<BaseRow>(FEED_CONTENT_SQL, [missing], { name: 'items.feed.content' })).map(base);
  cache.store(version, read);
  for (const item of read) found.set(item.id, item);
  return found;
}
