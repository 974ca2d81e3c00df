import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import type { Queryable } from '../storage/db.js';
import { onboardingRepo } from '../storage/repos/onboarding.js';
import { dueDigestRun, type DigestSchedule } from './digest-schedule.js';

// What the delivery worker plans on its tick: announcements that come from the clock, not
// from an admin. Each is one conditional statement, so any number of processes may plan
// and each run is planned once; nothing lives in memory, so a restart loses nothing.

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
 * planned (a later registration plans it on the next tick).
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

/** The onboarding reminders, looked for every `everyMs` (they are due by the day, not the second). */
export function onboardingPlanner(db: Queryable, log: Logger, newHireDays: number, everyMs = 60_000): () => Promise<void> {
  const onboarding = onboardingRepo(db, { newHireDays });
  let checkedAt: number | undefined;
  return async () => {
    if (checkedAt !== undefined && performance.now() - checkedAt < everyMs) return;
    checkedAt = performance.now();
    const reminded = await onboarding.planReminders();
    if (reminded > 0) log.info({ reminded }, 'onboarding reminders planned');
  };
}
