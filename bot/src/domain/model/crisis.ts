import { z } from 'zod';
import { isoDateTime, pageQuery, perLanguageText, type Language } from './common.js';

const text = (max: number) => z.string().trim().max(max, 'field.maxChars');

/**
 * POST /api/v1/admin/crisis — switch one-voice mode on. The instructions tell employees
 * what to say, what not to say and whom to refer questions to (Markdown); at least one
 * language is required, the other falls back to it.
 */
export const crisisOnSchema = z
  .object({
    reason: text(500).min(1, 'crisis.reasonRequired'),
    instructions: z
      .object({ de: text(5000).default(''), en: text(5000).default('') })
      .strict()
      .refine((i) => i.de.length > 0 || i.en.length > 0, { message: 'crisis.instructionsRequired', path: [] }),
    statementUrl: z.string().trim().max(2048, 'field.maxChars').optional(),
    spokesperson: text(200).optional(),
    notifyEveryone: z.boolean().default(false),
    redirectLinks: z.boolean().default(false),
  })
  .strict()
  .refine((i) => !i.redirectLinks || Boolean(i.statementUrl), {
    message: 'crisis.statementRequired',
    path: ['statementUrl'],
  });
export type CrisisOnInput = z.infer<typeof crisisOnSchema>;

/** What every signed-in person sees while crisis mode is on (their language). */
export interface CrisisNotice {
  active: boolean;
  /** Markdown, in the reader's language (or the other one when only that was written). */
  instructions: string | null;
  /**
   * The same rendered to HTML on the server (markdown-it, raw HTML shown as text, links only
   * to http(s) and mailto): safe to insert as it is.
   */
  instructionsHtml: string | null;
  statementUrl: string | null;
  spokesperson: string | null;
  startedAt: string | null;
}

/** Admins: the whole state. */
export interface CrisisState {
  active: boolean;
  reason: string | null;
  instructions: Record<Language, string>;
  statementUrl: string | null;
  spokesperson: string | null;
  notifyEveryone: boolean;
  redirectLinks: boolean;
  startedAt: string | null;
  endedAt: string | null;
  refusedShares: number;
}

/** What admins read and get back from a switch: the state, and how far back cards are updated. */
export interface AdminCrisisState extends CrisisState {
  /** Cards delivered within this many days are updated in place on a switch (CRISIS_UPDATE_DAYS); 0: none. */
  cardUpdateDays: number;
}

export interface CrisisAuditEntry {
  id: string;
  at: string;
  actor: string;
  action: 'on' | 'off';
  details: Record<string, unknown>;
}

export const crisisNoticeSchema: z.ZodType<CrisisNotice> = z.strictObject({
  active: z.boolean(),
  instructions: z.string().nullable(),
  instructionsHtml: z.string().nullable(),
  statementUrl: z.string().nullable(),
  spokesperson: z.string().nullable(),
  startedAt: isoDateTime.nullable(),
});

export const adminCrisisStateSchema: z.ZodType<AdminCrisisState> = z.strictObject({
  active: z.boolean(),
  reason: z.string().nullable(),
  instructions: perLanguageText,
  statementUrl: z.string().nullable(),
  spokesperson: z.string().nullable(),
  notifyEveryone: z.boolean(),
  redirectLinks: z.boolean(),
  startedAt: isoDateTime.nullable(),
  endedAt: isoDateTime.nullable(),
  refusedShares: z.number().int(),
  cardUpdateDays: z.number().int(),
});

export const crisisAuditEntrySchema: z.ZodType<CrisisAuditEntry> = z.strictObject({
  id: z.string(),
  at: isoDateTime,
  actor: z.string(),
  action: z.enum(['on', 'off']),
  details: z.record(z.string(), z.unknown()),
});

/** GET /api/v1/admin/crisis/audit — newest first. */
export const crisisAuditQuerySchema = z.strictObject(pageQuery(50, 100));
