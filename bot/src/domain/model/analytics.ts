import { z } from 'zod';
import { NETWORKS } from '../sharing/networks.js';
import { daySchema } from './impact.js';

/** The smallest group any analytics view shows (a setting; it cannot go lower). */
export const MIN_GROUP_FLOOR = 5;
/** The longest period the dashboard answers for, in days (two years). */
export const MAX_PERIOD_DAYS = 731;

/** A period in the tenant's days, both ends included (default: the last 30 days). */
export const analyticsPeriodSchema = z.strictObject({
  from: daySchema.optional(),
  to: daySchema.optional(),
});
export type AnalyticsPeriodQuery = z.infer<typeof analyticsPeriodSchema>;

export const ANALYTICS_DIMENSIONS = ['item', 'kind', 'topic', 'network', 'language', 'department', 'location', 'weekday', 'hour'] as const;
export type AnalyticsDimension = (typeof ANALYTICS_DIMENSIONS)[number];

export const breakdownQuerySchema = z.strictObject({
  dimension: z.enum(ANALYTICS_DIMENSIONS, 'analytics.dimension'),
  from: daySchema.optional(),
  to: daySchema.optional(),
});
export type BreakdownQuery = z.infer<typeof breakdownQuerySchema>;

/** The JSON breakdown may list only the first `limit` rows (the dashboard shows 50; the CSV has every row). */
export const breakdownPageQuerySchema = breakdownQuerySchema.extend({
  limit: z.coerce.number({ error: 'field.number' }).int('field.wholeNumber').min(1, 'field.atLeastOne').max(10_000, 'field.atMost').optional(),
});
export type BreakdownPageQuery = z.infer<typeof breakdownPageQuerySchema>;

const metrics = {
  shares: z.number().int().min(0),
  clicks: z.number().int().min(0),
  /** Unique readers: one reader clicking a link several times on one day counts once. */
  readers: z.number().int().min(0),
  /**
   * Conversions reported through these links; null in every row when some row's conversions
   * come from fewer than minGroup people's links (the column would give them away).
   */
  conversions: z.number().int().min(0).nullable(),
  /** Clicks ÷ shares; null without shares. */
  clicksPerShare: z.number().min(0).nullable(),
};

/**
 * Headline numbers of one period. A number made up by fewer people than minGroup is null (it
 * would describe individuals); `withheld` says that at least one is.
 */
const totalsSchema = z.strictObject({
  withheld: z.boolean(),
  /** People Chorus can reach with a card (a personal chat with the bot that works). */
  reachable: z.number().int().min(0),
  /** People with at least one share in the period. */
  activeSharers: z.number().int().min(0).nullable(),
  /** activeSharers ÷ reachable; null when nobody is reachable. */
  participation: z.number().min(0).nullable(),
  shares: z.number().int().min(0).nullable(),
  clicks: z.number().int().min(0).nullable(),
  readers: z.number().int().min(0).nullable(),
  /** Clicks ÷ shares; null without shares. */
  clicksPerShare: z.number().min(0).nullable(),
  /** Conversions attributed to tracked links; null until a conversion source exists (not measured). */
  conversions: z.number().int().min(0).nullable(),
  /** Clicks × the cost per click entered per network; null until a rate is entered. */
  earnedMediaValue: z.number().min(0).nullable(),
});
export type AnalyticsTotals = z.infer<typeof totalsSchema>;

const periodSchema = z.strictObject({ from: daySchema, to: daySchema });

export const overviewSchema = z.strictObject({
  from: daySchema,
  to: daySchema,
  timeZone: z.string(),
  /** The period before, of the same length, for comparison. */
  previous: periodSchema,
  minGroup: z.number().int().min(MIN_GROUP_FLOOR),
  current: totalsSchema,
  before: totalsSchema,
  /**
   * Shares, clicks and readers over the period: per day up to 92 days, per week (Monday to
   * Sunday, cut at the ends) beyond; zeros included. A day or week made up by fewer people
   * than minGroup is `withheld` with its numbers null — and when those together are still
   * fewer, the smallest shown one too (the period's total minus the others would tell).
   */
  trend: z.strictObject({
    granularity: z.enum(['day', 'week']),
    series: z.array(
      z.strictObject({
        start: daySchema,
        end: daySchema,
        withheld: z.boolean(),
        shares: z.number().int().nullable(),
        clicks: z.number().int().nullable(),
        readers: z.number().int().nullable(),
      }),
    ),
  }),
  /** How earned media value is computed, and with which rates. */
  earnedMedia: z.strictObject({
    currency: z.string().regex(/^[A-Z]{3}$/),
    /** Cost per click per network, as the admins entered them; networks without a rate are left out. */
    costPerClick: z.partialRecord(z.enum(NETWORKS), z.number().min(0)),
    /** Networks with clicks in the period but no rate: their clicks add no value. */
    missingRates: z.array(z.enum(NETWORKS)),
  }),
});
export type AnalyticsOverview = z.infer<typeof overviewSchema>;

export const breakdownRowSchema = z.strictObject({
  /** What the row is grouped by: an item id, a network, a department, the weekday (1 = Monday) or hour (0–23) it was posted … */
  key: z.string(),
  /** What to show: an item's title, a topic's name in the caller's language, … */
  label: z.string(),
  /** Different people whose shares and links make up the row (never fewer than minGroup). */
  people: z.number().int().min(0),
  ...metrics,
});
export type BreakdownRow = z.infer<typeof breakdownRowSchema>;

export const breakdownSchema = z.strictObject({
  dimension: z.enum(ANALYTICS_DIMENSIONS),
  from: daySchema,
  to: daySchema,
  minGroup: z.number().int().min(MIN_GROUP_FLOOR),
  /** Groups of at least minGroup people, most clicks first. */
  rows: z.array(breakdownRowSchema),
  /** Rows of at least minGroup people not listed because of `limit` (the CSV lists them). */
  more: z.number().int().min(0),
  /**
   * Every smaller group merged (key "other"); null when there is none. Never fewer than
   * minGroup people: if the small groups together are fewer, the smallest shown groups are
   * merged in too — otherwise the total minus the rows would tell.
   */
  other: breakdownRowSchema.nullable(),
});
export type Breakdown = z.infer<typeof breakdownSchema>;

export const analyticsSettingsSchema = z.strictObject({
  minGroup: z.number().int().min(MIN_GROUP_FLOOR),
  currency: z.string().regex(/^[A-Z]{3}$/),
  costPerClick: z.partialRecord(z.enum(NETWORKS), z.number().min(0)),
  updatedAt: z.string().nullable(),
});
export type AnalyticsSettings = z.infer<typeof analyticsSettingsSchema>;

export const analyticsSettingsInputSchema = z.strictObject({
  minGroup: z.number({ error: 'field.number' }).int('field.wholeNumber').min(MIN_GROUP_FLOOR, 'analytics.minGroup').max(1000, 'field.atMost'),
  currency: z.string({ error: 'analytics.currency' }).trim().regex(/^[A-Z]{3}$/, 'analytics.currency'),
  costPerClick: z.partialRecord(
    z.enum(NETWORKS, 'analytics.network'),
    z.number({ error: 'field.number' }).min(0, 'points.notNegative').max(1000, 'field.atMost'),
  ),
});
export type AnalyticsSettingsInput = z.infer<typeof analyticsSettingsInputSchema>;

/** Which funnel: one announcement's, or one item's over all its announcements. Exactly one. */
export const funnelQuerySchema = z
  .strictObject({
    announcementId: z.uuid('analytics.uuid').optional(),
    itemId: z.uuid('analytics.uuid').optional(),
  })
  .refine((q) => (q.announcementId === undefined) !== (q.itemId === undefined), { message: 'analytics.funnelOne', path: ['announcementId'] });
export type FunnelQuery = z.infer<typeof funnelQuerySchema>;

export const FUNNEL_STAGES = ['recipients', 'delivered', 'read', 'opened', 'posted', 'clicks', 'conversions'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/**
 * Why a stage has no number: read receipts never arrived (`no_read_receipts`), fewer people
 * than the minimum group (`too_few`), not measured yet (`not_measured`), or the announcement
 * is not about an item (`no_item`: a digest or a training has no share page).
 */
export const FUNNEL_GAPS = ['no_read_receipts', 'too_few', 'not_measured', 'no_item'] as const;

export const funnelSchema = z.strictObject({
  subject: z.strictObject({ type: z.enum(['announcement', 'item']), id: z.uuid(), title: z.string(), kind: z.string() }),
  minGroup: z.number().int().min(MIN_GROUP_FLOOR),
  /**
   * Recipients and delivered count people; read counts cards read (Teams read receipts, as
   * totals); opened and posted count people; clicks and conversions what their links brought.
   */
  stages: z.array(z.strictObject({ stage: z.enum(FUNNEL_STAGES), value: z.number().int().min(0).nullable(), gap: z.enum(FUNNEL_GAPS).nullable() })),
});
export type Funnel = z.infer<typeof funnelSchema>;
