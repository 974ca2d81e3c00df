// What every reader of items shares: the row, the answer every item carries, and the SQL
// definitions of "live" and "meant for me" (the feed, the share link, cards, the digest).
import type { Language } from '../../domain/model/common.js';
import type { ItemKind, ItemStatus, Posts } from '../../domain/model/items.js';
import { iso } from './rows.js';

export interface ItemRow {
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

/** What every item answer carries. */
export type BaseRow = Pick<ItemRow, 'id' | 'kind' | 'title' | 'url' | 'why' | 'image_url' | 'language' | 'topics' | 'hashtags' | 'publish_at' | 'expires_at' | 'posts'>;

export function base(r: BaseRow) {
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

export interface Viewer {
  personId: string;
  language: Language;
  department: string | null;
  location: string | null;
}
