import { z } from 'zod';

/** GET /api/v1/admin/jobs: the background jobs as operators see them. Times are ISO strings. */
export const jobStatusSchema = z.strictObject({
  /** A scheduled job's name, or job:key for a one-off run. */
  name: z.string(),
  /** "0 9 * * 1 (Europe/Berlin)", "every 30 s", "off"; null for one-off runs. */
  schedule: z.string().nullable(),
  /** null: nothing due (off, or a one-off run that ended). */
  nextRunAt: z.string().nullable(),
  /** A process runs it now (holds its lease). */
  running: z.boolean(),
  leasedBy: z.string().nullable(),
  leaseUntil: z.string().nullable(),
  /** Tries of the current run; above 0 while not running: it failed and waits to try again. */
  attempts: z.number().int(),
  lastStartedAt: z.string().nullable(),
  /** The last run that succeeded. */
  lastFinishedAt: z.string().nullable(),
  lastFailedAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** Failed tries, ever. */
  failures: z.number().int(),
});
export type JobStatus = z.infer<typeof jobStatusSchema>;
