import { z } from 'zod';
import type { ConversionType } from './conversion-types.js';
import { NETWORKS } from '../sharing/networks.js';
import { isDay } from '../time/tenant-day.js';

/** A calendar day in the tenant's time zone, YYYY-MM-DD. */
export const daySchema = z.string().max(10, 'field.day').refine(isDay, 'field.day');

/** GET /api/v1/me/impact — a period in the tenant's days; both ends included. */
export const impactQuerySchema = z.strictObject({
  from: daySchema.optional(),
  to: daySchema.optional(),
});
export type ImpactQuery = z.infer<typeof impactQuerySchema>;

const count = z.number().int().min(0);
const counts = {
  shares: z.number().int().min(0),
  clicks: z.number().int().min(0),
  /** Unique readers: one reader clicking a link several times on one day counts once. */
  readers: z.number().int().min(0),
};

/** The caller's own results: nobody else's (there is no person parameter). */
export const impactSchema = z.strictObject({
  from: daySchema,
  to: daySchema,
  /** The zone the days are counted in (TENANT_TIME_ZONE). */
  timeZone: z.string(),
  /** Per day up to 92 days, per week (Monday to Sunday, cut at the period's ends) beyond. */
  granularity: z.enum(['day', 'week']),
  totals: z.strictObject(counts),
  /** Every day or week of the period, zeros included, oldest first. */
  series: z.array(z.strictObject({ start: daySchema, end: daySchema, ...counts })),
  /** Networks with any share, click or reader in the period. */
  networks: z.array(z.strictObject({ network: z.enum(NETWORKS), ...counts })),
  /** My best items in the period: most clicks, then readers, then shares (at most 5). */
  topItems: z.array(z.strictObject({ itemId: z.uuid(), title: z.string(), ...counts })),
  /**
   * Conversions my links led to in the period (by the day they happened), as the reporting
   * systems named them: how many, never who converted or what they bought.
   */
  conversions: z.strictObject({
    total: count,
    /** One count per type (domain/model/conversion-types.ts), zeros included. */
    byType: z.strictObject({ application: count, lead: count, signup: count, purchase: count, custom: count } satisfies Record<ConversionType, typeof count>),
  }),
});
export type Impact = z.infer<typeof impactSchema>;
export type ConversionCounts = Impact['conversions'];
export type ImpactCounts = { shares: number; clicks: number; readers: number };
