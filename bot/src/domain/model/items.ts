import { z } from 'zod';
import { NETWORKS, type Network } from '../sharing/networks.js';
import { POST_MAX, xTweetLength, X_MAX } from '../items/text-limits.js';
import { audienceInputSchema, fieldWarningSchema, isoDateTime, languageSchema, pageQuery } from './common.js';

export const ITEM_KINDS = ['article', 'job', 'event', 'video', 'product', 'other'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const ITEM_STATUSES = ['draft', 'scheduled', 'published', 'archived'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

const text = (max: number) => z.string().trim().max(max, 'field.maxChars');
const url = z.string().trim().min(1, 'field.required').max(2048, 'field.maxChars');
const hashtag = z
  .string()
  .trim()
  .transform((s) => s.replace(/^#/, ''))
  .pipe(z.string().regex(/^[\p{L}\p{N}_]{1,50}$/u, 'item.hashtag'));
const isoDate = z.iso.datetime({ offset: true, error: 'field.isoDateTime' });

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
    title: text(140).min(1, 'field.required'),
    url,
    why: text(300).min(1, 'item.whyRequired'),
    imageUrl: url.nullable().optional(),
    language: languageSchema,
    topics: z.array(z.string().trim().min(1).max(40)).max(10, 'item.maxTopics').default([]),
    audience: audienceInputSchema,
    posts: postsSchema.default({}),
    hashtags: z.array(hashtag).max(10, 'item.maxHashtags').default([]),
    expiresAt: isoDate.nullable().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.posts.x !== undefined && xTweetLength(v.posts.x, v.hashtags) > X_MAX) {
      ctx.addIssue({
        code: 'custom',
        path: ['posts', 'x'],
        message: 'item.xTooLong',
        params: { count: xTweetLength(v.posts.x, v.hashtags), max: X_MAX },
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
    ...pageQuery(20, 50),
  })
  .strict();
export type FeedQuery = z.infer<typeof feedQuerySchema>;

export const adminItemsQuerySchema = z
  .object({
    status: z.enum(ITEM_STATUSES).optional(),
    q: z.string().trim().max(100).optional(),
    ...pageQuery(50, 100),
  })
  .strict();

export const topicSchema = z.strictObject({ id: z.string(), name: z.string() });
export type Topic = z.infer<typeof topicSchema>;

export const audienceSchema = z.strictObject({ departments: z.array(z.string()), locations: z.array(z.string()) });
export type Audience = z.infer<typeof audienceSchema>;

/** The audience pickers' values (departments and locations people hold) with how many people hold each. */
export const audienceChoicesSchema = audienceSchema.extend({
  counts: z.strictObject({ departments: z.record(z.string(), z.number().int().min(0)), locations: z.record(z.string(), z.number().int().min(0)) }),
});
export type AudienceChoices = z.infer<typeof audienceChoicesSchema>;

/**
 * Whom an audience reaches at the moment (issue 14 §2), for the editors' "Reaches N people"
 * and the check before publishing: people who have not left, and the values nobody holds.
 */
export const audienceReachSchema = z.strictObject({
  /** People (who have not left) in these departments and locations; no values: everyone. */
  people: z.number().int().min(0),
  /** The departments asked about that nobody holds: renamed or gone in the directory, or mistyped. */
  unknownDepartments: z.array(z.string()),
  unknownLocations: z.array(z.string()),
});
export type AudienceReach = z.infer<typeof audienceReachSchema>;

const postsOut = z.strictObject({
  linkedin: z.string().optional(),
  x: z.string().optional(),
  facebook: z.string().optional(),
  xing: z.string().optional(),
});

const itemBaseShape = {
  id: z.uuid(),
  kind: z.enum(ITEM_KINDS),
  title: z.string(),
  url: z.string(),
  why: z.string(),
  imageUrl: z.string().nullable(),
  language: languageSchema,
  topics: z.array(z.string()),
  hashtags: z.array(z.string()),
  posts: postsOut,
  publishAt: isoDateTime.nullable(),
  expiresAt: isoDateTime.nullable(),
};
export type ItemBase = z.infer<z.ZodObject<typeof itemBaseShape>>;

export const adminItemSchema = z.strictObject({
  ...itemBaseShape,
  status: z.enum(ITEM_STATUSES),
  /** scheduled items whose time has come are live although their row still says scheduled */
  live: z.boolean(),
  audience: audienceSchema,
  /** Departments and locations of the audience that nobody (who has not left) holds: renamed or gone in the directory. */
  staleAudience: z.array(z.string()),
  /** Its audience (not everyone) is nobody at the moment: publishing or announcing it would reach no one. */
  reachesNobody: z.boolean(),
  campaign: z.string(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** Counts only: who shared is never part of an item (see the privacy policy). */
  stats: z.strictObject({
    shares: z.number().int(),
    clicks: z.number().int(),
    /**
     * "Not for me": how many declined, and why — the reasons only once at least five
     * declined (`null` before, so a reason is never one colleague's); `flagged` when at least
     * five declined and they are a fifth or more of the people the item's card reached.
     */
    declined: z.strictObject({
      total: z.number().int().min(0),
      reasons: z.strictObject({ not_relevant: z.number().int(), not_my_network: z.number().int(), dont_like: z.number().int(), none: z.number().int() }).nullable(),
      flagged: z.boolean(),
    }),
  }),
});
export type AdminItem = z.infer<typeof adminItemSchema>;

export const savedItemSchema = z.strictObject({ item: adminItemSchema, warnings: z.array(fieldWarningSchema) });
export type SavedItem = z.infer<typeof savedItemSchema>;

/** What the employee sees in the feed, with their own sharing history of it. */
export const feedItemSchema = z.strictObject({
  ...itemBaseShape,
  mine: z.strictObject({ networks: z.array(z.enum(NETWORKS)), clicks: z.number().int() }),
});
export type FeedItem = z.infer<typeof feedItemSchema>;

export const shareLinkSchema = z.strictObject({ url: z.string() });
export type ShareLink = z.infer<typeof shareLinkSchema>;
