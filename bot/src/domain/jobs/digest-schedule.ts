import { Cron } from 'croner';

/** When digests go out: a cron pattern read in the tenant's time zone. */
export interface DigestSchedule {
  /** Five fields, e.g. "0 9 * * 1" (Mondays 09:00). */
  cron: string;
  /** IANA zone, e.g. Europe/Berlin. */
  timeZone: string;
}

export interface DigestRun {
  /** When this run was due. */
  runAt: Date;
  /** The run before it: the digest covers items published after this. */
  coversFrom: Date;
  /** The run's calendar date in the tenant's zone (YYYY-MM-DD): one digest per run. */
  period: string;
}

/** A late start still sends this run's digest, but not one that is days old. */
export const DIGEST_CATCH_UP_MS = 6 * 3_600_000;

/** Throws with a readable message when the pattern or the zone is wrong (config uses it). */
export function checkDigestSchedule(schedule: DigestSchedule): void {
  new Cron(schedule.cron, { timezone: schedule.timeZone, paused: true }).nextRun(new Date());
}

/**
 * The digest that should exist at `now`: the latest run at or before `now`, if it is not
 * older than the catch-up window. Exactly-once is the database's job (one row per period).
 */
export function dueDigestRun(schedule: DigestSchedule, now: Date): DigestRun | undefined {
  return dueRun(schedule, now, DIGEST_CATCH_UP_MS);
}

/**
 * The latest run of any cron schedule at or before `now` and the run before it, unless it
 * is older than `catchUpMs` (the digest and the results card share this).
 */
export function dueRun(schedule: DigestSchedule, now: Date, catchUpMs: number): DigestRun | undefined {
  const cron = new Cron(schedule.cron, { timezone: schedule.timeZone, paused: true });
  // previousRuns looks strictly before the reference; a run at exactly `now` counts
  // (croner works in whole seconds).
  const [runAt, before] = cron.previousRuns(3, new Date(now.getTime() + 1000)).filter((r) => r.getTime() <= now.getTime());
  if (!runAt || !before || now.getTime() - runAt.getTime() > catchUpMs) return undefined;
  return { runAt, coversFrom: before, period: localDate(runAt, schedule.timeZone) };
}

export function localDate(at: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
