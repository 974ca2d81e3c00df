import { dueRun, localDate, type DigestSchedule } from '../jobs/digest-schedule.js';

/** RESULTS_SCHEDULE in TENANT_TIME_ZONE (monthly by default). */
export type ResultsSchedule = DigestSchedule;

/** A run that starts late still goes out the same day, not days after. */
export const RESULTS_CATCH_UP_MS = 24 * 3_600_000;

export interface ResultsRun {
  runAt: Date;
  /** The run's local date: one results round per run. */
  period: string;
  /** Whole local days covered: from the previous run's date up to (not including) this run's. */
  from: string;
  until: string;
}

/**
 * The results round due at `now`, if any. It covers whole days in the tenant's calendar,
 * from the previous run's date to the day before this run's: with the default monthly
 * schedule (the 1st at 09:00), exactly the month before.
 */
export function dueResultsRun(schedule: ResultsSchedule, now: Date): ResultsRun | undefined {
  const run = dueRun(schedule, now, RESULTS_CATCH_UP_MS);
  if (!run) return undefined;
  const from = localDate(run.coversFrom, schedule.timeZone);
  if (from === run.period) return undefined; // more than one run a day: nothing whole to report
  return { runAt: run.runAt, period: run.period, from, until: run.period };
}

/** The last day a round covers (the day before `until`), for the card's heading. */
export function lastDayOf(run: Pick<ResultsRun, 'until'>): string {
  const d = new Date(`${run.until}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
