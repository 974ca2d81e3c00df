import { z } from 'zod';
import { isoDateTime, pageQuery } from './common.js';

export const CAMPAIGN_METRICS = ['shares', 'clicks', 'readers'] as const;
/** What a campaign counts: shares of its items, clicks on their links, unique readers of them. */
export type CampaignMetric = (typeof CAMPAIGN_METRICS)[number];

export const CAMPAIGN_STATUSES = ['scheduled', 'running', 'ended'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** One line of plain text: shown in cards and pages as text, never as Markdown or HTML. */
const line = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'field.maxChars')
    .refine((s) => !CONTROL.test(s), { message: 'field.oneLine' });

/** A date-time that names a real moment Postgres stores: no 30 February, no year 0000. */
function realMoment(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const d = new Date(Date.UTC(year, month - 1, day, hour, minute));
  return year >= 2000 && year <= 9999 && d.getUTCMonth() === month - 1 && d.getUTCDate() === day && hour < 24 && !Number.isNaN(new Date(value).getTime());
}
const moment = () => z.iso.datetime({ offset: true, error: 'field.isoDateTime' }).refine(realMoment, { message: 'field.isoDateTime' });

/**
 * POST /api/v1/admin/campaigns and PUT …/:id. The window is [startsAt, endsAt); it covers
 * the items named, or every item with the topic (one of the two). The goal is a team total.
 */
export const campaignInputSchema = z
  .object({
    name: line(80).pipe(z.string().min(1, 'field.required')),
    description: z.string().trim().max(1000, 'field.maxChars').default(''),
    startsAt: moment(),
    endsAt: moment(),
    itemIds: z.array(z.uuid({ error: 'campaign.itemId' })).max(100, 'field.atMost').default([]),
    topic: z.string().trim().min(1).max(40, 'field.maxChars').nullable().default(null),
    goal: z
      .object({
        metric: z.enum(CAMPAIGN_METRICS),
        target: z.number({ error: 'field.number' }).int('field.wholeNumber').min(1, 'campaign.goalPositive').max(100_000_000, 'field.atMost'),
      })
      .strict(),
    prize: line(200).nullable().default(null),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (new Date(c.endsAt).getTime() <= new Date(c.startsAt).getTime()) ctx.addIssue({ code: 'custom', message: 'campaign.endsBeforeStart', path: ['endsAt'] });
    if (c.itemIds.length === 0 && !c.topic) ctx.addIssue({ code: 'custom', message: 'campaign.itemsOrTopic', path: ['itemIds'] });
    if (c.itemIds.length > 0 && c.topic) ctx.addIssue({ code: 'custom', message: 'campaign.notBoth', path: ['topic'] });
    if (new Set(c.itemIds.map((id) => id.toLowerCase())).size !== c.itemIds.length) ctx.addIssue({ code: 'custom', message: 'campaign.itemTwice', path: ['itemIds'] });
  })
  .transform((c) => ({ ...c, prize: c.prize === '' ? null : c.prize, itemIds: c.itemIds.map((id) => id.toLowerCase()) }));
export type CampaignInput = z.infer<typeof campaignInputSchema>;

const goalSchema = z.strictObject({ metric: z.enum(CAMPAIGN_METRICS), target: z.number().int() });

/** A campaign as everybody sees it: its goal and the team's progress towards it (a total, never a person's). */
export const campaignSchema = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  itemIds: z.array(z.uuid()),
  topic: z.string().nullable(),
  goal: goalSchema,
  prize: z.string().nullable(),
  status: z.enum(CAMPAIGN_STATUSES),
  /** The team's total within the window for the covered items. */
  progress: z.number().int(),
});
export type Campaign = z.infer<typeof campaignSchema>;

/** Admins: the same, and when the thank-you cards were planned (once, after the end). */
export const adminCampaignSchema = campaignSchema.extend({
  resultsPlannedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type AdminCampaign = z.infer<typeof adminCampaignSchema>;

/** GET /api/v1/admin/campaigns — newest start first, paged. */
export const adminCampaignsQuerySchema = z.strictObject(pageQuery(50, 200));

/** PUT /api/v1/admin/disclosure. An empty text switches disclosure off. */
export const disclosureInputSchema = z
  .object({
    text: line(100),
    removable: z.boolean(),
  })
  .strict();
export type DisclosureInput = z.infer<typeof disclosureInputSchema>;

export const disclosureSettingsSchema = z.strictObject({
  text: z.string(),
  removable: z.boolean(),
  /** Whether it is added to posts right now (a text, and points on or a running campaign with a prize). */
  applies: z.boolean(),
});
export type DisclosureSettings = z.infer<typeof disclosureSettingsSchema>;

/** The disclosure as the share flow uses it, while it applies. */
export const disclosureSchema = z.strictObject({ text: z.string(), removable: z.boolean() });
export type Disclosure = z.infer<typeof disclosureSchema>;

/** GET /api/v1/campaigns — running campaigns with progress, and the disclosure while it applies. */
export const campaignsOverviewSchema = z.strictObject({
  items: z.array(campaignSchema),
  disclosure: disclosureSchema.nullable(),
});
export type CampaignsOverview = z.infer<typeof campaignsOverviewSchema>;
