/** GET /api/v1/admin/jobs: the background jobs as operators see them. Times are ISO strings. */
export interface JobStatus {
  /** A scheduled job's name, or job:key for a one-off run. */
  name: string;
  /** "0 9 * * 1 (Europe/Berlin)", "every 30 s", "off"; null for one-off runs. */
  schedule: string | null;
  /** null: nothing due (off, or a one-off run that ended). */
  nextRunAt: string | null;
  /** A process runs it now (holds its lease). */
  running: boolean;
  leasedBy: string | null;
  leaseUntil: string | null;
  /** Tries of the current run; above 0 while not running: it failed and waits to try again. */
  attempts: number;
  lastStartedAt: string | null;
  /** The last run that succeeded. */
  lastFinishedAt: string | null;
  lastFailedAt: string | null;
  lastError: string | null;
  /** Failed tries, ever. */
  failures: number;
}
