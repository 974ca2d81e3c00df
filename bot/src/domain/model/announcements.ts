import { z } from 'zod';

/**
 * What an announcement tells people about. item: one new item; digest: the week's items;
 * crisis_notice: crisis mode is on, here is what to say (to everybody reachable);
 * all_clear: crisis mode is over (to those who got the notice); card_update: cards already
 * delivered are updated in place (paused on switch-on, back to normal on switch-off).
 * training: a session to its audience; training_notice: news for the people registered
 * (`notice`: seat, cancelled, reminder_24h, reminder_1h); onboarding_reminder: the one
 * reminder to new hires with an unfinished checklist; results: a person's own results card
 * (monthly by default), to them only; thanks: a thank-you from the content team, to one person;
 * welcome: the welcome card to one person who installed Chorus, joined a team it is in or is a new hire.
 */
export const ANNOUNCEMENT_SUBJECTS = ['item', 'digest', 'crisis_notice', 'all_clear', 'card_update', 'training', 'training_notice', 'onboarding_reminder', 'results', 'thanks', 'welcome'] as const;
export type AnnouncementSubjectKind = (typeof ANNOUNCEMENT_SUBJECTS)[number];

/**
 * scheduled: waits for its time; sending: recipients fixed, cards going out;
 * done: nothing left to send; cancelled: an admin stopped it (what was sent stays sent).
 */
export const ANNOUNCEMENT_STATUSES = ['scheduled', 'sending', 'done', 'cancelled'] as const;
export type AnnouncementStatus = (typeof ANNOUNCEMENT_STATUSES)[number];

/** One row per recipient. skipped carries a reason (blocked, gone, opted_out, cancelled, item_not_live). */
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'skipped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

const isoDate = z.iso.datetime({ offset: true, error: 'field.isoDateTime' });

/** POST /api/v1/admin/items/:id/announce — now, or at a time (not before the item goes live). */
export const announceInputSchema = z
  .object({ at: isoDate.optional() })
  .strict()
  .default({});
export type AnnounceInput = z.infer<typeof announceInputSchema>;

export const announcementsQuerySchema = z
  .object({
    status: z.enum(ANNOUNCEMENT_STATUSES).optional(),
    itemId: z.uuid().optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type AnnouncementsQuery = z.infer<typeof announcementsQuerySchema>;

export interface DeliveryCounts {
  /** Every recipient; equals pending + sent + failed + skipped. 0 until the send starts. */
  total: number;
  pending: number;
  /** Of the pending: waiting for Chorus to be installed for them (PROACTIVE_INSTALL). */
  installing: number;
  sent: number;
  failed: number;
  skipped: number;
}

export interface Announcement {
  id: string;
  /** The notification kind: one this tab knows, or one added since (shown by the server's word). */
  subject: AnnouncementSubjectKind | (string & {});
  /** The item announced (subject item) or whose cards are updated (card_update); else null. */
  item: { id: string; title: string } | null;
  /** card_update: what the delivered cards become; else null. */
  cardState: 'paused' | 'normal' | null;
  /** training, training_notice: the session; else null. */
  training: { id: string; title: string } | null;
  /** training_notice: why. */
  notice: 'seat' | 'cancelled' | 'changed' | 'reminder_24h' | 'reminder_1h' | null;
  /** Digests: the local date of the scheduled run, e.g. "2026-11-23". */
  period: string | null;
  status: AnnouncementStatus;
  /** When the cards start going out. */
  sendAt: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  cancelledAt: string | null;
  counts: DeliveryCounts;
  /** Skipped and failed recipients by reason, e.g. { blocked: 3, opted_out: 1 }. */
  reasons: Record<string, number>;
  /** Cards sent per second over the last minute of sending; null before the first. */
  throughput: number | null;
  /** Expected finish while sending (pending ÷ the tenant pace, or the measured throughput); else null. */
  expectedFinishAt: string | null;
}

/** What an announcement's payload shows the admin API, by its kind (notifications/kinds/*: view). */
export type AnnouncementView = Partial<Pick<Announcement, 'period' | 'cardState' | 'notice'>> & { itemId?: string; trainingId?: string };

const countsSchema = z.strictObject({
  total: z.number().int(),
  pending: z.number().int(),
  installing: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
});

/** The answer of every announcement route; typed against the interface above so the two cannot drift. */
export const announcementSchema: z.ZodType<Announcement> = z.strictObject({
  id: z.uuid(),
  // Chorus's kinds, or one added later (notifications/kinds): a new kind needs no contract change.
  subject: z.string().min(1),
  item: z.strictObject({ id: z.uuid(), title: z.string() }).nullable(),
  cardState: z.enum(['paused', 'normal']).nullable(),
  training: z.strictObject({ id: z.uuid(), title: z.string() }).nullable(),
  notice: z.enum(['seat', 'cancelled', 'changed', 'reminder_24h', 'reminder_1h']).nullable(),
  period: z.string().nullable(),
  status: z.enum(ANNOUNCEMENT_STATUSES),
  sendAt: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  counts: countsSchema,
  reasons: z.record(z.string(), z.number()),
  throughput: z.number().nullable(),
  expectedFinishAt: z.string().nullable(),
});
