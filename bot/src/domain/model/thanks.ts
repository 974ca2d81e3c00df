import { z } from 'zod';
import { isoDateTime } from './common.js';

const text = (max: number) => z.string().trim().max(max, 'field.maxChars');

/**
 * POST /api/v1/admin/thanks — a personal thank-you from the content team to someone on the
 * leaderboard, addressed by the board's opaque entry id (never a person id: admins learn
 * nothing the board does not show). The words are shown as typed, never as Markdown.
 */
export const thankInputSchema = z.strictObject({
  boardId: z.uuid({ error: 'thanks.notOnBoard' }),
  message: text(500).min(1, 'field.required'),
});
export type ThankInput = z.infer<typeof thankInputSchema>;

export const thankSentSchema = z.strictObject({ id: z.uuid() });

/** A thank-you I received: only I see these, and only I decide whether others may. */
export const myThankSchema = z.strictObject({
  id: z.uuid(),
  message: z.string(),
  at: isoDateTime,
  /** Shown on the leaderboard page to everyone (my choice; off until I turn it on). */
  shown: z.boolean(),
});
export type MyThank = z.infer<typeof myThankSchema>;

/** PUT /api/v1/me/thanks/:id */
export const thankVisibilitySchema = z.strictObject({ shown: z.boolean() });

/** A thank-you its receiver chose to show: under the name they show on the board. */
export const shownThankSchema = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  message: z.string(),
  at: isoDateTime,
});
export type ShownThank = z.infer<typeof shownThankSchema>;
