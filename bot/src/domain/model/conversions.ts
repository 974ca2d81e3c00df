import { z } from 'zod';
import { LINK_CODE_PATTERN } from '../links/link-code.js';
import { isoDateTime } from './common.js';
import { CONVERSION_TYPES } from './conversion-types.js';
import { daySchema } from './impact.js';

export { CONVERSION_TYPES, type ConversionType } from './conversion-types.js';

/** The largest value one conversion may carry: no order or application is worth a trillion. */
export const MAX_CONVERSION_VALUE = 1_000_000_000_000;

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Missing: "is required"; there but of the wrong type: what it must be. */
const requiredOr = (key: 'conversion.eventId' | 'conversion.linkCode' | 'conversion.type') => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'field.required' : key;

/** ISO 4217 codes as the runtime knows them (about 300; XTS and friends included). */
let currencies: ReadonlySet<string> | undefined;
export function isCurrency(code: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return /^[A-Z]{3}$/.test(code) && currencies.has(code);
}

/** A moment Postgres stores and a person means: years 2000–9999, no 30 February. */
function realMoment(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})/.exec(value);
  if (!m) return false;
  const [year, month, day] = m.slice(1).map(Number) as [number, number, number];
  const d = new Date(Date.UTC(year, month - 1, day));
  return year >= 2000 && year <= 9999 && d.getUTCMonth() === month - 1 && d.getUTCDate() === day && !Number.isNaN(Date.parse(value));
}

/**
 * POST /api/v1/conversions — one conversion, reported by a signed source (server to
 * server). `eventId` is the sender's own id: the same id again is a retry (nothing new is
 * written), so a sender may retry until it gets an answer. `linkCode` is the tracked
 * link's code, which the landing page received as `utm_content`. Nothing about the reader
 * who converted: Chorus would not store it.
 */
export const conversionInputSchema = z
  .strictObject({
    eventId: z
      .string({ error: requiredOr('conversion.eventId') })
      .min(1, 'conversion.eventId')
      .max(200, 'conversion.eventId')
      .regex(/^[\x21-\x7e]+$/, 'conversion.eventId'),
    linkCode: z.string({ error: requiredOr('conversion.linkCode') }).max(16, 'conversion.linkCode').regex(LINK_CODE_PATTERN, 'conversion.linkCode'),
    type: z.enum(CONVERSION_TYPES, { error: requiredOr('conversion.type') }),
    value: z.number({ error: 'field.number' }).min(0, 'points.notNegative').max(MAX_CONVERSION_VALUE, 'field.atMost').optional(),
    currency: z
      .string({ error: 'conversion.currency' })
      .max(3, 'conversion.currency')
      .refine((c) => !CONTROL.test(c) && isCurrency(c), 'conversion.currency')
      .optional(),
    occurredAt: z.iso.datetime({ offset: true, error: 'field.isoDateTime' }).refine(realMoment, 'field.isoDateTime').optional(),
  })
  .superRefine((c, ctx) => {
    if (c.currency !== undefined && c.value === undefined) ctx.addIssue({ code: 'custom', message: 'conversion.currencyWithoutValue', path: ['currency'] });
  });
export type ConversionInput = z.infer<typeof conversionInputSchema>;

/** What the sender gets back, the first time (201) and for every retry (200): the same. Never who shared. */
export const conversionRecordedSchema = z.strictObject({
  id: z.uuid(),
  eventId: z.string(),
  linkCode: z.string(),
  type: z.enum(CONVERSION_TYPES),
  value: z.number().nullable(),
  currency: z.string().nullable(),
  occurredAt: isoDateTime,
  /** The tenant's calendar day it counts on (TENANT_TIME_ZONE). */
  day: daySchema,
});
export type ConversionRecorded = z.infer<typeof conversionRecordedSchema>;

/** POST /api/v1/admin/conversion-sources — a system that may report conversions (a careers site, a shop, a CRM). */
export const conversionSourceInputSchema = z.strictObject({
  name: z
    .string({ error: 'field.required' })
    .trim()
    .max(80, 'field.maxChars')
    .refine((s) => !CONTROL.test(s), { message: 'field.oneLine' })
    .pipe(z.string().min(1, 'field.required')),
});
export type ConversionSourceInput = z.infer<typeof conversionSourceInputSchema>;

/** A secret as lists show it: its id and age, never its value. */
export const secretInfoSchema = z.strictObject({ id: z.uuid(), createdAt: isoDateTime });

export const conversionSourceSchema = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  createdAt: isoDateTime,
  /** The active secrets, oldest first; any of them signs valid requests. */
  secrets: z.array(secretInfoSchema),
});
export type ConversionSource = z.infer<typeof conversionSourceSchema>;

/** A new secret, shown once: Chorus never answers with it again. */
export const shownSecretSchema = z.strictObject({ id: z.uuid(), sourceId: z.uuid(), createdAt: isoDateTime, secret: z.string() });
export type ShownSecret = z.infer<typeof shownSecretSchema>;

export const createdSourceSchema = z.strictObject({ source: conversionSourceSchema, secret: shownSecretSchema });
