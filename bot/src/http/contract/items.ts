import { z } from 'zod';
import type { Network } from '../../domain/sharing/networks.js';
import { POST_MAX, xTweetLength, X_MAX } from '../../domain/items/text-limits.js';
import { languageSchema, type Language } from './common.js';

export const ITEM_KINDS = ['article', 'job', 'event', 'video', 'product', 'other'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const ITEM_STATUSES = ['draft', 'scheduled', 'published', 'archived'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);
const url = z.string().trim().min(1, 'is required').max(2048, 'at most 2048 characters');
const hashtag = z
  .string()
  .trim()
  .transform((s) => s.replace(/^#/, ''))
  .pipe(z.string().regex(/^[\p{L}\p{N}_]{1,50}$/u, 'letters, digits and _ only'));
const isoDate = z.iso.datetime({ offset: true, error: 'must be an ISO date-time with time zone' });

export const postsSchema = z
  .object({
    linkedin: text(POST_MAX.linkedin).optional(),
    x: text(POST_MAX.x).optional(),
    facebook: text(POST_MAX.facebook).optional(),
    xing: text(POST_MAX.xing).optional(),
  })
  .strict();
export type Posts = Partial<Record<Network, string>>;

export const itemInputSchema = z
  .object({
    kind: z.enum(ITEM_KINDS),
    title: text(140).min(1, 'is required'),
    url,
    why: text(300).min(1, 'is required: one or two sentences on why this is worth sharing'),
    imageUrl: url.nullable().optional(),
    language: languageSchema,
    topics: z.array(z.string().trim().min(1).max(40)).max(10, 'at most 10 topics').default([]),
    audience: z
      .object({
        departments: z.array(text(80).min(1)).max(50).default([]),
        locations: z.array(text(80).min(1)).max(50).default([]),
      })
      .strict()
      .default({ departments: [], locations: [] }),
    posts: postsSchema.default({}),
    hashtags: z.array(hashtag).max(10, 'at most 10 hashtags').default([]),
    expiresAt: isoDate.nullable().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.posts.x !== undefined && xTweetLength(v.posts.x, v.hashtags) > X_MAX) {
      ctx.addIssue({
        code: 'custom',
        path: ['posts', 'x'],
        message: `too long for X: ${xTweetLength(v.posts.x, v.hashtags)} of ${X_MAX} characters (the link counts as 23, hashtags included)`,
      });
    }
  });
export type ItemInput = z.infer<typeof itemInputSchema>;

export const publishInputSchema = z
  .object({ at: isoDate.optional() })
  .strict()
  .default({});
export type PublishInput = z.infer<typeof publishInputSchema>;

export const feedQuerySchema = z
  .object({
    topic: z.string().trim().max(40).optional(),
    q: z.string().trim().max(100).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();
export type FeedQuery = z.infer<typeof feedQuerySchema>;

export const adminItemsQuerySchema = z
  .object({
    status: z.enum(ITEM_STATUSES).optional(),
    q: z.string().trim().max(100).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();

export interface Topic {
  id: string;
  name: string;
}

export interface Audience {
  departments: string[];
  locations: string[];
}

export interface ItemBase {
  id: string;
  kind: ItemKind;
  title: string;
  url: string;
  why: string;
  imageUrl: string | null;
  language: Language;
  topics: string[];
  hashtags: string[];
  posts: Posts;
  publishAt: string | null;
  expiresAt: string | null;
}

export interface AdminItem extends ItemBase {
  status: ItemStatus;
  /** scheduled items whose time has come are live although their row still says scheduled */
  live: boolean;
  audience: Audience;
  campaign: string;
  createdAt: string;
  updatedAt: string;
  stats: { shares: number; clicks: number };
}

export interface FieldWarning {
  field: string;
  message: string;
}

export interface SavedItem {
  item: AdminItem;
  warnings: FieldWarning[];
}

/** What the employee sees in the feed, with their own sharing history of it. */
export interface FeedItem extends ItemBase {
  mine: { networks: Network[]; clicks: number };
}

export interface ShareLink {
  url: string;
}
