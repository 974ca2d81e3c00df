import { z } from 'zod';
import { isoDateTime, pageQuery, perLanguageText } from './common.js';

const text = (max: number) => z.string().trim().max(max, 'field.maxChars');

export const ONBOARDING_STEP_KINDS = ['manual', 'guidelines', 'training', 'first_share'] as const;
/** manual: the person ticks it; guidelines / training / first_share tick themselves when Chorus sees it. */
export type OnboardingStepKind = (typeof ONBOARDING_STEP_KINDS)[number];

/** POST /api/v1/admin/onboarding/steps and PUT …/:id — one step of the checklist. */
export const onboardingStepInputSchema = z
  .object({
    kind: z.enum(ONBOARDING_STEP_KINDS),
    title: z.object({ de: text(140).default(''), en: text(140).default('') }).strict(),
    body: z.object({ de: text(4000).default(''), en: text(4000).default('') }).strict().default({ de: '', en: '' }),
    linkUrl: z.string().trim().min(1).max(2048, 'field.maxChars').nullable().optional(),
    position: z.number().int().min(0).max(1000).default(0),
  })
  .strict()
  .refine((s) => s.title.de.length > 0 || s.title.en.length > 0, { message: 'onboarding.titleRequired', path: ['title'] });
export type OnboardingStepInput = z.infer<typeof onboardingStepInputSchema>;

/** POST /api/v1/onboarding/steps/:id — tick or untick a manual step. */
export const onboardingMarkSchema = z.object({ done: z.boolean() }).strict();

/** PUT /api/v1/admin/people/:id/new-hire — mark someone new until a date, or clear it (null). */
export const newHireMarkSchema = z
  .object({ until: z.iso.datetime({ offset: true, error: 'field.isoDateTime' }).nullable() })
  .strict();

/** GET /api/v1/admin/onboarding/people?q= — find a colleague to mark as new (at least 2 characters). */
export const newHireSearchSchema = z.object({ q: z.string().trim().min(2, 'field.minChars').max(100) }).strict();

/** A colleague as admins see them here: whether they count as new, never their progress. */
export interface NewHireCandidate {
  id: string;
  displayName: string;
  department: string | null;
  location: string | null;
  newHire: boolean;
  newHireUntil: string;
  /** An admin set the date (else it follows the join date or first contact). */
  marked: boolean;
}

export interface OnboardingStep {
  id: string;
  kind: OnboardingStepKind;
  /** In my language (or the other one when only that was written). */
  title: string;
  /** The tips, rendered safely (no raw HTML, links only http(s)/mailto). */
  bodyHtml: string;
  linkUrl: string | null;
  done: boolean;
  /** Ticks itself: the person cannot tick it by hand. */
  automatic: boolean;
}

/** GET /api/v1/onboarding — my checklist. */
export interface Onboarding {
  newHire: boolean;
  newHireUntil: string;
  steps: OnboardingStep[];
  done: number;
  total: number;
}

/** Admins: a step with both languages. */
export interface OnboardingStepAdmin {
  id: string;
  kind: OnboardingStepKind;
  title: { de: string; en: string };
  body: { de: string; en: string };
  linkUrl: string | null;
  position: number;
}

export const newHireCandidateSchema: z.ZodType<NewHireCandidate> = z.strictObject({
  id: z.uuid(),
  displayName: z.string(),
  department: z.string().nullable(),
  location: z.string().nullable(),
  newHire: z.boolean(),
  newHireUntil: isoDateTime,
  marked: z.boolean(),
});

const stepSchema = z.strictObject({
  id: z.uuid(),
  kind: z.enum(ONBOARDING_STEP_KINDS),
  title: z.string(),
  bodyHtml: z.string(),
  linkUrl: z.string().nullable(),
  done: z.boolean(),
  automatic: z.boolean(),
});

export const onboardingSchema: z.ZodType<Onboarding> = z.strictObject({
  newHire: z.boolean(),
  newHireUntil: isoDateTime,
  steps: z.array(stepSchema),
  done: z.number().int(),
  total: z.number().int(),
});

export const onboardingStepAdminSchema: z.ZodType<OnboardingStepAdmin> = z.strictObject({
  id: z.uuid(),
  kind: z.enum(ONBOARDING_STEP_KINDS),
  title: perLanguageText,
  body: perLanguageText,
  linkUrl: z.string().nullable(),
  position: z.number().int(),
});

/** GET /api/v1/admin/onboarding/steps — by position, paged. */
export const onboardingStepsQuerySchema = z.strictObject(pageQuery(100, 100));
