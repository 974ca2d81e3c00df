import type { Logger } from 'pino';
import type { Queryable } from '../storage/db.js';
import { jobsRepo } from '../storage/repos/jobs.js';
import { onboardingRepo } from '../storage/repos/onboarding.js';
import { DIGEST_CATCH_UP_MS, dueDigestRun, type DigestSchedule } from './digest-schedule.js';
import type { JobDefinition } from './job-runner.js';

// Announcements that come from the clock, not from an admin, planned by the job runner.
// Each is one conditional statement, so a repeated run (a retry, a takeover) plans nothing
// twice; nothing lives in memory, so a restart loses nothing.

/** The digest run that is due (if any), once per run. */
export async function planDigest(db: Queryable, log: Logger, schedule: DigestSchedule, now: Date): Promise<void> {
  const run = dueDigestRun(schedule, now);
  if (!run) return;
  const rows = await db.query(
    `insert into announcements (subject, period, covers_from, send_at) values ('digest', $1, $2, $3)
     on conflict (period) where subject = 'digest' do nothing returning id`,
    [run.period, run.coversFrom, run.runAt],
  );
  if (rows.length > 0) log.info({ period: run.period }, 'digest planned');
}

/**
 * Reminders to the people registered, 24 hours and 1 hour before a session, once each per
 * start time (a moved session is reminded anew). A session planned or filled late gets the
 * 24-hour one only while more than an hour is left; with nobody registered yet nothing is
 * planned (a later registration plans it on the next run).
 */
export async function planTrainingReminders(db: Queryable, log: Logger): Promise<void> {
  const rows = await db.query<{ training_id: string; notice: string }>(
    `insert into announcements (subject, training_id, notice, reminder_for, send_at)
     select 'training_notice', t.id, r.notice, t.starts_at, now()
     from trainings t cross join (values ('reminder_24h', interval '24 hours'), ('reminder_1h', interval '1 hour')) as r(notice, ahead)
     where t.status = 'scheduled' and t.starts_at > now() and t.starts_at <= now() + interval '24 hours'
       and now() >= t.starts_at - r.ahead
       and (r.notice = 'reminder_1h' or now() < t.starts_at - interval '1 hour')
       and exists (select 1 from training_registrations x where x.training_id = t.id and x.status = 'registered')
     on conflict (training_id, notice, reminder_for) where subject = 'training_notice' and notice in ('reminder_24h', 'reminder_1h') do nothing
     returning training_id, notice`,
  );
  for (const r of rows) log.info({ training: r.training_id, notice: r.notice }, 'training reminder planned');
}

export interface PlannerOptions {
  db: Queryable;
  /** DIGEST_SCHEDULE in TENANT_TIME_ZONE; null: no digests. */
  digest: DigestSchedule | null;
  /** Crisis mode: the digest is skipped, not held (a week's digest after the crisis would be stale). */
  held: () => boolean;
  /** ONBOARDING_DAYS. */
  onboardingDays: number;
  /** How often reminders are looked for (tests: faster). Training reminders 30 s, onboarding 1 min. */
  everyMs?: { trainingReminders?: number; onboardingReminders?: number };
}

/** Finished one-off runs are kept this long for operators, then forgotten. */
const KEEP_FINISHED_RUNS_MS = 30 * 86_400_000;

/** Chorus's scheduled jobs. */
export function chorusJobs(o: PlannerOptions): JobDefinition[] {
  const { digest } = o;
  const onboarding = onboardingRepo(o.db, { newHireDays: o.onboardingDays });
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
      name: 'forget-finished-runs',
      schedule: { everyMs: 86_400_000 },
      async run({ now }) {
        await jobsRepo(o.db).forgetFinished(now, KEEP_FINISHED_RUNS_MS);
      },
    },
  ];
}
