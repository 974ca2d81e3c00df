import { z } from 'zod';
import { BOARD_PERIODS } from '../points/periods.js';
import { LEDGER_REASONS, MAX_POINTS_PER_ACTION, MAX_READER_DAILY_CAP } from '../points/points-rules.js';
import { NETWORKS } from '../sharing/networks.js';
import { isoDateTime, languageSchema, pageQuery } from './common.js';

const points = z
  .number({ error: 'field.number' })
  .int('field.wholeNumber')
  .min(0, 'points.notNegative')
  .max(MAX_POINTS_PER_ACTION, 'field.atMost');

/** PUT /api/v1/admin/points/rules — the whole rule set (what GET answers, without `updatedAt`). */
export const pointsRulesInputSchema = z.strictObject({
  enabled: z.boolean(),
  perShare: points,
  perReader: points,
  readerDailyCap: z.number({ error: 'field.number' }).int('field.wholeNumber').min(0, 'points.notNegative').max(MAX_READER_DAILY_CAP, 'field.atMost'),
  perTraining: points,
  perAcceptedProposal: points,
  perConversion: points,
});
export type PointsRulesInput = z.infer<typeof pointsRulesInputSchema>;

export const pointsRulesSchema = pointsRulesInputSchema.extend({ updatedAt: isoDateTime.nullable() });
export type PointsRulesView = z.infer<typeof pointsRulesSchema>;

export const recomputeResultSchema = z.strictObject({ events: z.number().int(), entries: z.number().int() });

/** One entry of my ledger: why I have these points (the tab words it from the reason and references). */
export const ledgerEntrySchema = z.strictObject({
  id: z.string(),
  at: isoDateTime,
  points: z.number().int(),
  reason: z.enum(LEDGER_REASONS),
  item: z.strictObject({ id: z.uuid(), title: z.string() }).nullable(),
  network: z.enum(NETWORKS).nullable(),
  training: z.strictObject({ id: z.uuid(), title: z.string() }).nullable(),
  /** readers: the day (tenant's calendar), the new readers and how many of them earned points (the daily cap). */
  day: z.string().nullable(),
  readers: z.number().int().nullable(),
  counted: z.number().int().nullable(),
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

/** An instant Postgres can store as well (years 1–9999 only). */
const when = z.iso
  .datetime({ offset: true, error: 'field.isoDateTime' })
  .refine((v) => {
    const year = new Date(v).getUTCFullYear();
    return year >= 1 && year <= 9999;
  }, 'field.isoDateTime');

/** GET /api/v1/me/points?from=&to= — my ledger, newest first, paged; `total` covers the whole window. */
export const myPointsQuerySchema = z
  .strictObject({ from: when.optional(), to: when.optional(), ...pageQuery(50, 200) })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) > Date.parse(q.from), { path: ['to'], message: 'points.toAfterFrom' });

export const myPointsSchema = z.strictObject({
  programOn: z.boolean(),
  total: z.number().int(),
  items: z.array(ledgerEntrySchema),
  nextCursor: z.string().nullable(),
});
export type MyPoints = z.infer<typeof myPointsSchema>;

/** GET /api/v1/leaderboard?period=&campaignId=&teams= */
export const leaderboardQuerySchema = z
  .strictObject({
    period: z.enum(BOARD_PERIODS, { error: 'points.period' }).default('week'),
    campaignId: z.uuid().optional(),
    teams: z.enum(['department', 'location']).default('department'),
  })
  .refine((q) => q.period !== 'campaign' || q.campaignId !== undefined, { path: ['campaignId'], message: 'field.required' });
export type LeaderboardQuery = z.infer<typeof leaderboardQuerySchema>;

export const boardEntrySchema = z.strictObject({
  rank: z.number().int(),
  /** Opaque and random (a UUID of its own), stable while the person stays opted in: never a person id. */
  boardId: z.uuid(),
  /** The pseudonym, or the display name of someone who opted in without one. */
  name: z.string(),
  points: z.number().int(),
  me: z.boolean(),
});

export const leaderboardSchema = z.strictObject({
  period: z.enum(BOARD_PERIODS),
  from: isoDateTime.nullable(),
  to: isoDateTime.nullable(),
  programOn: z.boolean(),
  top: z.array(boardEntrySchema),
  /** Only for someone who opted in: my own rank and points; nobody else's numbers beyond the top. */
  me: z.strictObject({ optedIn: z.boolean(), rank: z.number().int().nullable(), points: z.number().int().nullable() }),
  teams: z.strictObject({
    by: z.enum(['department', 'location']),
    minMembers: z.number().int(),
    /** No member count: "5 members" in a department of 6 would tell everyone that one colleague stayed out. */
    items: z.array(z.strictObject({ rank: z.number().int(), name: z.string(), points: z.number().int() })),
  }),
});
export type Leaderboard = z.infer<typeof leaderboardSchema>;

const pseudonymInput = z.string().max(200, 'field.maxChars');

/** GET/PUT /api/v1/me/settings — the same stored values the bot's settings card and "stop" write. */
export const mySettingsSchema = z.strictObject({
  resultsCards: z.boolean(),
  leaderboard: z.strictObject({ optIn: z.boolean(), pseudonym: z.string().nullable(), boardId: z.uuid().nullable() }),
  notificationLevel: z.enum(['every', 'digest', 'none']),
  /** "stop" in the bot: nothing is sent until "start" (or this is switched off). */
  paused: z.boolean(),
  language: languageSchema,
});
export type MySettings = z.infer<typeof mySettingsSchema>;

/** What to change; anything left out stays as it is. The pseudonym is checked by the settings rules. */
export const mySettingsInputSchema = z.strictObject({
  resultsCards: z.boolean().optional(),
  leaderboard: z.strictObject({ optIn: z.boolean(), pseudonym: pseudonymInput.nullable().optional() }).optional(),
  notificationLevel: z.enum(['every', 'digest', 'none']).optional(),
  paused: z.boolean().optional(),
  language: languageSchema.optional(),
});
export type MySettingsInput = z.infer<typeof mySettingsInputSchema>;
