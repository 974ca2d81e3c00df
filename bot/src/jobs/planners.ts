import type { Logger } from 'pino';
import { enqueueIn, enqueueManyIn } from '../notifications/enqueue.js';
import { EVERYONE } from '../notifications/kind.js';
import { digestKind } from '../notifications/kinds/digest.js';
import { resultsKind } from '../notifications/kinds/results.js';
import { dueResultsRun, RESULTS_CATCH_UP_MS, type ResultsSchedule } from '../domain/results/results-schedule.js';
import { trainingNoticeKind } from '../notifications/kinds/training-notice.js';
import type { Db, Queryable } from '../storage/db.js';
import { jobsRepo } from '../storage/repos/jobs.js';
import { trainingsRepo } from '../storage/repos/trainings.js';
import { dueReminder, REMINDER_HORIZON_MS } from '../domain/trainings/reminders.js';
import { DIGEST_CATCH_UP_MS, dueDigestRun, type DigestSchedule } from '../domain/jobs/digest-schedule.js';
import { onboardingServiceFor } from '../services/onboarding.js';
import { planCampaignResults } from '../services/campaigns.js';
import { ensureReaderKeys, forgetReaderDays } from '../storage/repos/readers.js';
import { addDays, dayOf } from '../domain/time/tenant-day.js';
import type { JobDefinition } from './job-runner.js';

// Announcements that come from the clock, not from an admin, planned by the job runner.
// Each kind's key (a digest per run, a reminder per start) keeps a repeated run (a retry, a
// takeover, another process) from planning anything twice; nothing lives in memory, so a
// restart loses nothing.

/** The digest run that is due (if any), once per run (its period is its key). */
export async function planDigest(db: Queryable, log: Logger, schedule: DigestSchedule, now: Date): Promise<void> {
  const run = dueDigestRun(schedule, now);
  if (!run) return;
  const id = await enqueueIn(db, digestKind, { period: run.period, coversFrom: run.coversFrom.toISOString() }, EVERYONE, run.runAt);
  if (id) log.info({ period: run.period }, 'digest planned');
}

/**
 * Reminders to the people registered (domain/trainings/reminders.ts: 24 hours and 1 hour
 * before), once each per start time (a moved session is reminded anew). With nobody
 * registered yet nothing is planned (a later registration plans it on the next run).
 */
export async function planTrainingReminders(db: Db, log: Logger): Promise<void> {
  const { now, sessions } = await trainingsRepo(db).remindable(REMINDER_HORIZON_MS);
  const due = sessions.flatMap((s) => {
    const notice = dueReminder(s.startsAt, now);
    return notice ? [{ trainingId: s.id, notice, reminderFor: s.startsAt.toISOString() }] : [];
  });
  // Their registrants are fixed when each is sent; the key (session, notice, start) makes it once.
  const planned = await enqueueManyIn(
    db,
    trainingNoticeKind,
    due.map((payload) => ({ payload, audience: 'by_kind' as const, when: 'now' as const })),
  );
  if (planned.length > 0) log.info({ planned: planned.length }, 'training reminders planned');
}

/**
 * The round of personal results cards that is due (if any), once per run. Recipients (who
 * shared in the round's days) are fixed when it is sent; each card reads its own numbers.
 */
export async function planResults(db: Queryable, log: Logger, schedule: ResultsSchedule, now: Date): Promise<void> {
  const run = dueResultsRun(schedule, now);
  if (!run) return;
  const payload = { period: run.period, from: run.from, until: run.until, timeZone: schedule.timeZone };
  const id = await enqueueIn(db, resultsKind, payload, EVERYONE, run.runAt);
  if (id) log.info({ period: run.period }, 'results cards planned');
}

export interface PlannerOptions {
  db: Db;
  /** DIGEST_SCHEDULE in TENANT_TIME_ZONE; null: no digests. */
  digest: DigestSchedule | null;
  /** RESULTS_SCHEDULE in TENANT_TIME_ZONE; null: no results cards. */
  results?: ResultsSchedule | null;
  /** Crisis mode: the digest is skipped, not held (a week's digest after the crisis would be stale). */
  held: () => boolean;
  /** ONBOARDING_DAYS. */
  onboardingDays: number;
  /** TENANT_TIME_ZONE: where a day ends for unique readers (default: the digest's zone). */
  timeZone?: string;
  /** How often reminders are looked for (tests: faster). Training reminders 30 s, onboarding 1 min. */
  everyMs?: { trainingReminders?: number; onboardingReminders?: number; campaignResults?: number };
}

/** Finished one-off runs are kept this long for operators, then forgotten. */
const KEEP_FINISHED_RUNS_MS = 30 * 86_400_000;

/** Chorus's scheduled jobs. */
export function chorusJobs(o: PlannerOptions): JobDefinition[] {
  const { digest } = o;
  const timeZone = o.timeZone ?? digest?.timeZone ?? 'Europe/Berlin';
  const onboarding = onboardingServiceFor(o.db, { newHireDays: o.onboardingDays });
  return [
    {
      name: 'digest',
      schedule: digest,
      // A process that starts late still sends this run's digest, but not one days old.
      catchUpMs: DIGEST_CATCH_UP_MS,
      async run({ now, log }) {
        if (!digest) return;
        if (o.held()) return log.info('digest skipped: crisis mode is on');
        await planDigest(o.db, log, digest, now);
      },
    },
    {
      name: 'results-cards',
      schedule: o.results ?? null,
      catchUpMs: RESULTS_CATCH_UP_MS,
      async run({ now, log }) {
        if (!o.results) return;
        if (o.held()) return log.info('results cards skipped: crisis mode is on');
        await planResults(o.db, log, o.results, now);
      },
    },
    {
      name: 'training-reminders',
      schedule: { everyMs: o.everyMs?.trainingReminders ?? 30_000 },
      run: ({ log }) => planTrainingReminders(o.db, log),
    },
    {
      // Due by the day, not the second.
      name: 'onboarding-reminders',
      schedule: { everyMs: o.everyMs?.onboardingReminders ?? 60_000 },
      async run({ log }) {
        const reminded = await onboarding.planReminders();
        if (reminded > 0) log.info({ reminded }, 'onboarding reminders planned');
      },
    },
    {
      // Thank-you cards after a campaign ends, once per campaign. Not during a crisis: the
      // campaign stays unplanned and its cards go out once crisis mode is off.
      name: 'campaign-results',
      schedule: { everyMs: o.everyMs?.campaignResults ?? 60_000 },
      async run({ now, log }) {
        if (o.held()) return log.info('campaign results wait: crisis mode is on');
        const ended = await planCampaignResults(o.db, now);
        if (ended.length > 0) log.info({ campaigns: ended.length }, 'campaign results planned');
      },
    },
    {
      // Unique readers: a day's key and marks are deleted within the hour after the day ends
      // (every 15 min, with 5 min of grace), and the next days' keys are made ahead.
      name: 'reader-days',
      schedule: { everyMs: 15 * 60_000 },
      async run({ now, log }) {
        const { before, marks } = await forgetReaderDays(o.db, now.getTime(), timeZone);
        const today = dayOf(now.getTime(), timeZone);
        await ensureReaderKeys(o.db, [today, addDays(today, 1)]);
        if (marks > 0) log.info({ before, marks }, 'reader marks of past days deleted');
      },
    },
    {
      name: 'forget-finished-runs',
      schedule: { everyMs: 86_400_000 },
      async run({ now }) {
        await jobsRepo(o.db).forgetFinished(now, KEEP_FINISHED_RUNS_MS);
      },
    },
  ];
}
