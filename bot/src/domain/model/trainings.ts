import { z } from 'zod';
import { audienceInputSchema, fieldWarningSchema, isoDateTime, languageSchema, pageQuery, type FieldWarning, type Language } from './common.js';

const text = (max: number) => z.string().trim().max(max, 'field.maxChars');
const isoDate = z.iso.datetime({ offset: true, error: 'field.isoDateTime' });
const link = z.string().trim().min(1, 'field.required').max(2048, 'field.maxChars');

/** An IANA time zone Node knows (Europe/Berlin, America/New_York, UTC). */
export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, 'field.required')
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'field.timeZone');

/**
 * POST /api/v1/admin/trainings and PUT …/:id — a session. Online (meetingUrl, https) or in
 * a room, or both. Times are instants (ISO with offset); timeZone is where it was planned.
 */
export const trainingInputSchema = z
  .object({
    title: text(140).min(1, 'field.required'),
    description: text(2000).default(''),
    startsAt: isoDate,
    endsAt: isoDate,
    timeZone: timeZoneSchema,
    meetingUrl: link.nullable().optional(),
    room: text(200).min(1, 'field.required').nullable().optional(),
    capacity: z.number({ error: 'field.number' }).int('field.wholeNumber').min(1, 'field.atLeastOne').max(10_000, 'field.atMost'),
    language: languageSchema,
    audience: audienceInputSchema,
    host: text(120).min(1, 'field.required'),
    materialsUrl: link.nullable().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (Date.parse(v.endsAt) <= Date.parse(v.startsAt)) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'training.afterStart' });
    if (!v.meetingUrl && !v.room) ctx.addIssue({ code: 'custom', path: ['meetingUrl'], message: 'training.meetingOrRoom' });
  });
export type TrainingInput = z.infer<typeof trainingInputSchema>;

/** PUT /api/v1/admin/trainings/:id/attendance — who came (after the session). */
export const attendanceInputSchema = z
  .object({
    attendance: z
      .array(z.object({ personId: z.uuid(), attended: z.boolean() }).strict())
      .min(1)
      .max(10_000)
      .refine((list) => new Set(list.map((a) => a.personId)).size === list.length, 'training.namedTwice'),
  })
  .strict();
export type AttendanceInput = z.infer<typeof attendanceInputSchema>;

export const trainingsQuerySchema = z
  .object({
    /** upcoming (default): not over yet; past: over, newest first; mine: registered or waitlisted, not over. */
    view: z.enum(['upcoming', 'past', 'mine']).default('upcoming'),
    ...pageQuery(50, 100),
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

/** A session as admins list it: with what is out of date about its audience (issue 14 §2). */
export interface AdminTraining extends Training {
  /** Departments and locations of the audience that nobody (who has not left) holds: renamed or gone in the directory. */
  staleAudience: string[];
  /** Its audience (not everyone) is nobody at the moment: announcing it would reach no one. */
  reachesNobody: boolean;
}

/** POST/PUT /api/v1/admin/trainings: the session as saved, and what is worth a look (`audience`: reaches nobody; `audience.departments`/`audience.locations`: values nobody holds). */
export interface SavedTraining {
  training: Training;
  warnings: FieldWarning[];
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

const myRegistrationSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('none') }),
  z.strictObject({ status: z.literal('registered') }),
  z.strictObject({ status: z.literal('waitlisted'), position: z.number().int() }),
  z.strictObject({ status: z.literal('cancelled') }),
]);

const trainingShape = {
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  timeZone: z.string(),
  meetingUrl: z.string().nullable(),
  room: z.string().nullable(),
  capacity: z.number().int(),
  language: languageSchema,
  audience: z.strictObject({ departments: z.array(z.string()), locations: z.array(z.string()) }),
  host: z.string(),
  materialsUrl: z.string().nullable(),
  status: z.enum(['scheduled', 'cancelled']),
  registered: z.number().int(),
  waitlisted: z.number().int(),
  seatsLeft: z.number().int(),
  mine: myRegistrationSchema,
  announcedAt: isoDateTime.nullable(),
  updatedAt: isoDateTime,
};
export const trainingSchema: z.ZodType<Training> = z.strictObject(trainingShape);

export const adminTrainingSchema: z.ZodType<AdminTraining> = z.strictObject({
  ...trainingShape,
  staleAudience: z.array(z.string()),
  reachesNobody: z.boolean(),
});

export const savedTrainingSchema: z.ZodType<SavedTraining> = z.strictObject({ training: trainingSchema, warnings: z.array(fieldWarningSchema) });

export const registrationResultSchema: z.ZodType<RegistrationResult> = z.strictObject({
  training: trainingSchema,
  outcome: z.enum(['registered', 'waitlisted', 'cancelled', 'unchanged']),
});

export const trainingRegistrantSchema: z.ZodType<TrainingRegistrant> = z.strictObject({
  personId: z.uuid(),
  displayName: z.string(),
  status: z.enum(['registered', 'waitlisted']),
  attended: z.boolean().nullable(),
});

/** GET /api/v1/admin/trainings (newest start first) and …/:id/registrants (seats, then the waitlist in order), paged. */
export const adminTrainingsQuerySchema = z.strictObject(pageQuery(200, 200));
export const registrantsQuerySchema = z.strictObject(pageQuery(500, 1000));
