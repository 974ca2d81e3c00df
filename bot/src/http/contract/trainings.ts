import { z } from 'zod';
import { languageSchema, type Language } from './common.js';

const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);
const isoDate = z.iso.datetime({ offset: true, error: 'must be an ISO date-time with time zone' });
const link = z.string().trim().min(1, 'is required').max(2048, 'at most 2048 characters');

/** An IANA time zone Node knows (Europe/Berlin, America/New_York, UTC). */
export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'is not a known time zone');

/**
 * POST /api/v1/admin/trainings and PUT …/:id — a session. Online (meetingUrl, https) or in
 * a room, or both. Times are instants (ISO with offset); timeZone is where it was planned.
 */
export const trainingInputSchema = z
  .object({
    title: text(140).min(1, 'is required'),
    description: text(2000).default(''),
    startsAt: isoDate,
    endsAt: isoDate,
    timeZone: timeZoneSchema,
    meetingUrl: link.nullable().optional(),
    room: text(200).min(1, 'is required').nullable().optional(),
    capacity: z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(10_000, 'at most 10000'),
    language: languageSchema,
    audience: z
      .object({
        departments: z.array(text(80).min(1)).max(50).default([]),
        locations: z.array(text(80).min(1)).max(50).default([]),
      })
      .strict()
      .default({ departments: [], locations: [] }),
    host: text(120).min(1, 'is required'),
    materialsUrl: link.nullable().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (Date.parse(v.endsAt) <= Date.parse(v.startsAt)) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after the start' });
    if (!v.meetingUrl && !v.room) ctx.addIssue({ code: 'custom', path: ['meetingUrl'], message: 'is required: a meeting link or a room' });
  });
export type TrainingInput = z.infer<typeof trainingInputSchema>;

/** PUT /api/v1/admin/trainings/:id/attendance — who came (after the session). */
export const attendanceInputSchema = z
  .object({
    attendance: z
      .array(z.object({ personId: z.uuid(), attended: z.boolean() }).strict())
      .min(1)
      .max(10_000)
      .refine((list) => new Set(list.map((a) => a.personId)).size === list.length, 'names someone twice'),
  })
  .strict();
export type AttendanceInput = z.infer<typeof attendanceInputSchema>;

export const trainingsQuerySchema = z
  .object({
    /** upcoming (default): not over yet; past: over, newest first; mine: registered or waitlisted, not over. */
    view: z.enum(['upcoming', 'past', 'mine']).default('upcoming'),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();
export type TrainingsQuery = z.infer<typeof trainingsQuerySchema>;

/** Where I stand: none, registered (a seat), waitlisted (with my place), or cancelled by me. */
export type MyRegistration =
  | { status: 'none' }
  | { status: 'registered' }
  | { status: 'waitlisted'; position: number }
  | { status: 'cancelled' };

export interface Training {
  id: string;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  meetingUrl: string | null;
  room: string | null;
  capacity: number;
  language: Language;
  audience: { departments: string[]; locations: string[] };
  host: string;
  /** Slides, handouts, recordings: shown with the session (before it, as pre-reading; after it, as the record). */
  materialsUrl: string | null;
  status: 'scheduled' | 'cancelled';
  registered: number;
  waitlisted: number;
  seatsLeft: number;
  mine: MyRegistration;
  /** When it was announced through Teams (not cancelled); null: not yet. */
  announcedAt: string | null;
  updatedAt: string;
}

/** What a registration or a cancellation did, and where the person now stands. */
export interface RegistrationResult {
  training: Training;
  /** registered, waitlisted, cancelled, or unchanged (asked twice). */
  outcome: 'registered' | 'waitlisted' | 'cancelled' | 'unchanged';
}

export interface TrainingRegistrant {
  personId: string;
  displayName: string;
  status: 'registered' | 'waitlisted';
  attended: boolean | null;
}
