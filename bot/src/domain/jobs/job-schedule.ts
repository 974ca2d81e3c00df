import { Cron } from 'croner';

/** When a job runs: a cron pattern read in a time zone (the tenant's), or a fixed interval. */
export type JobSchedule = { cron: string; timeZone: string } | { everyMs: number };

/** What operators read in the jobs list. */
export function describeSchedule(schedule: JobSchedule | null): string {
  if (!schedule) return 'off';
  if ('everyMs' in schedule) {
    const s = schedule.everyMs / 1000;
    return s >= 60 && s % 60 === 0 ? `every ${s / 60} min` : `every ${s} s`;
  }
  return `${schedule.cron} (${schedule.timeZone})`;
}

const cron = (s: { cron: string; timeZone: string }) => new Cron(s.cron, { timezone: s.timeZone, paused: true });

/** The run after a run that was due at `dueAt` and ended at `now`: missed runs are not repeated. */
export function nextRun(schedule: JobSchedule, dueAt: Date, now: Date): Date {
  if ('everyMs' in schedule) return new Date(Math.max(dueAt.getTime() + schedule.everyMs, now.getTime()));
  const from = new Date(Math.max(dueAt.getTime(), now.getTime()));
  const next = cron(schedule).nextRun(from);
  if (!next) throw new Error(`the schedule ${schedule.cron} has no further runs`);
  return next;
}

/**
 * The first run of a schedule a database has not seen yet (or whose pattern changed). A
 * cron run that came due at most `catchUpMs` ago is still due — a process that starts late
 * still does it; older ones are not. An interval starts now.
 */
export function firstRun(schedule: JobSchedule, now: Date, catchUpMs = 0): Date {
  if ('everyMs' in schedule) return now;
  // previousRuns looks strictly before the reference; a run at exactly `now` counts
  // (croner works in whole seconds).
  const [latest] = cron(schedule)
    .previousRuns(2, new Date(now.getTime() + 1000))
    .filter((r) => r.getTime() <= now.getTime());
  if (latest && now.getTime() - latest.getTime() <= catchUpMs) return latest;
  return nextRun(schedule, now, now);
}
