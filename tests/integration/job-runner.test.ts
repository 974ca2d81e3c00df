import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JobRunner, type JobDefinition } from '../../bot/src/jobs/job-runner.js';
import { chorusJobs } from '../../bot/src/jobs/planners.js';
import type { Db } from '../../bot/src/storage/db.js';
import { migrate } from '../../bot/src/storage/migrate.js';
import { jobsRepo } from '../../bot/src/storage/repos/jobs.js';
import { anAdmin, aPerson } from '../support/factories.js';
import { api } from '../support/http.js';
import { ManualClock } from '../support/manual-clock.js';
import { createTestDb } from '../support/test-db.js';
import { startTestServer } from '../support/test-server.js';

// The job runner on real SQL with a clock the test moves: schedules in the tenant's zone,
// one run per schedule across processes, retries with backoff, leases a dead process gives
// up, state operators read. No test here waits for real time.
const log = pino({ level: 'silent' });
let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  await migrate(db);
});
afterAll(async () => drop?.());
beforeEach(async () => {
  await db.query('delete from jobs');
  await db.query('delete from announcements');
});

const mondays9Berlin = { cron: '0 9 * * 1', timeZone: 'Europe/Berlin' };
const runner = (clock: ManualClock, jobs: JobDefinition[], more: { random?: () => number; leaseMs?: number } = {}) =>
  new JobRunner({ db, log, jobs, clock, ...more });
const state = async (name: string, now?: number) => (await jobsRepo(db).list(now === undefined ? undefined : new Date(now))).find((j) => j.name === name);
const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('the job runner', () => {
  it('runs a cron job in the tenant time zone, once per run however many processes ask', async () => {
    const clock = new ManualClock(Date.parse('2026-11-23T07:59:00Z')); // Monday, 08:59 in Berlin
    const runs: string[] = [];
    const job: JobDefinition = { name: 'weekly', schedule: mondays9Berlin, run: async ({ dueAt }) => void runs.push(dueAt.toISOString()) };
    const processes = [runner(clock, [job]), runner(clock, [job])];
    for (const p of processes) await p.register();
    await Promise.all(processes.map((p) => p.runDue()));
    expect(runs).toEqual([]);
    await clock.advanceTo(Date.parse('2026-11-23T08:00:00Z'));
    await Promise.all(processes.map((p) => p.runDue()));
    await Promise.all(processes.map((p) => p.runDue()));
    expect(runs).toEqual(['2026-11-23T08:00:00.000Z']);
    expect(await state('weekly')).toMatchObject({
      schedule: '0 9 * * 1 (Europe/Berlin)',
      running: false,
      attempts: 0,
      lastStartedAt: '2026-11-23T08:00:00.000Z',
      lastFinishedAt: '2026-11-23T08:00:00.000Z',
      nextRunAt: '2026-11-30T08:00:00.000Z',
      failures: 0,
      lastError: null,
    });
    // In summer 09:00 in Berlin is 07:00 UTC.
    await clock.advanceTo(Date.parse('2027-06-07T06:00:00Z'));
    await processes[0]!.runDue(); // the run of 30 November, late: once, and no backlog
    expect((await state('weekly'))?.nextRunAt).toBe('2027-06-07T07:00:00.000Z');
  });

  it('retries a failing run with exponential backoff, then waits for the next run', async () => {
    const clock = new ManualClock(Date.parse('2026-11-23T08:00:00Z'));
    let tries = 0;
    const job: JobDefinition = {
      name: 'flaky',
      schedule: mondays9Berlin,
      retry: { maxAttempts: 4, baseMs: 1_000, maxMs: 60_000 },
      async run() {
        tries++;
        throw new Error('directory unreachable');
      },
    };
    const p = runner(clock, [job], { random: () => 1 }); // the top of each jitter range
    await p.register();
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      await p.runDue();
      const s = await state('flaky');
      expect(s).toMatchObject({ attempts: attempt, failures: attempt, lastError: 'Error: directory unreachable', running: false });
      waits.push(Date.parse(s!.nextRunAt!) - clock.now());
      await p.runDue(); // not due yet
      expect(tries).toBe(attempt);
      await clock.advanceTo(Date.parse(s!.nextRunAt!));
    }
    expect(waits).toEqual([1_000, 2_000, 4_000]);
    await p.runDue(); // the fourth and last try
    expect(tries).toBe(4);
    expect(await state('flaky')).toMatchObject({ attempts: 0, failures: 4, nextRunAt: '2026-11-30T08:00:00.000Z', lastFinishedAt: null });
  });

  it('takes over a run whose process died once its lease runs out, and only then', async () => {
    const start = Date.parse('2026-11-23T10:00:00Z');
    const hung = deferred();
    const began = deferred();
    let runs = 0;
    const job: JobDefinition = {
      name: 'sync',
      schedule: { everyMs: 3_600_000 },
      async run() {
        if (++runs > 1) return;
        began.resolve();
        await hung.promise; // the first process stops answering mid-run
      },
    };
    // Two processes with their own clocks: the first one's never moves again (it is dead).
    const dead = runner(new ManualClock(start), [job], { leaseMs: 60_000 });
    const clock = new ManualClock(start);
    const alive = runner(clock, [job], { leaseMs: 60_000 });
    await dead.register();
    const deadRun = dead.runDue();
    await began.promise;
    expect(await state('sync', start)).toMatchObject({ running: true, leasedBy: dead.id, attempts: 1 });
    await clock.advance(59_000);
    await alive.runDue();
    expect(runs).toBe(1); // the lease still holds
    await clock.advance(1_000);
    await alive.runDue();
    expect(runs).toBe(2);
    expect(await state('sync')).toMatchObject({ running: false, leasedBy: null, attempts: 0, lastFinishedAt: new Date(start + 60_000).toISOString() });
    // The dead one wakes up and finishes: its outcome no longer counts.
    hung.resolve();
    await deadRun;
    expect((await state('sync'))?.nextRunAt).toBe(new Date(start + 3_600_000).toISOString());
  });

  it('renews the lease while a long run is going, so nobody takes it over', async () => {
    const clock = new ManualClock(Date.parse('2026-11-23T10:00:00Z'));
    const slow = deferred();
    const began = deferred();
    let runs = 0;
    const job: JobDefinition = {
      name: 'rollup',
      schedule: { everyMs: 3_600_000 },
      async run() {
        if (++runs > 1) return;
        began.resolve();
        await slow.promise;
      },
    };
    const busy = runner(clock, [job], { leaseMs: 60_000 });
    const other = runner(clock, [job], { leaseMs: 60_000 });
    await busy.register();
    const running = busy.runDue();
    await began.promise;
    // Five minutes, a renewal every 20 s: each one is written before time moves on.
    for (let beat = 0; beat < 15; beat++) {
      const renewed = clock.nextTimer();
      await clock.advance(20_000);
      await renewed;
      await other.runDue();
    }
    expect(runs).toBe(1);
    slow.resolve();
    await running;
    expect(await state('rollup')).toMatchObject({ running: false, failures: 0 });
  });

  it('runs one-off work once per key, with its payload checked', async () => {
    const clock = new ManualClock(Date.parse('2026-11-23T10:00:00Z'));
    const seen: string[] = [];
    const exportJob: JobDefinition<{ personId: string }> = {
      name: 'export',
      payload: z.object({ personId: z.string().min(1) }).strict(),
      run: async ({ payload }) => void seen.push(payload.personId),
    };
    const p = runner(clock, [exportJob]);
    expect(await p.runOnce(exportJob, 'p1', { personId: 'p1' })).toBe(true);
    expect(await p.runOnce(exportJob, 'p1', { personId: 'p1' })).toBe(false);
    expect(await p.runOnce(exportJob, 'later', { personId: 'p2' }, new Date(clock.now() + 60_000))).toBe(true);
    await expect(p.runOnce(exportJob, 'bad', { personId: '' })).rejects.toThrow();
    await p.runDue();
    expect(seen).toEqual(['p1']);
    await clock.advance(60_000);
    await p.runDue();
    await p.runDue();
    expect(seen).toEqual(['p1', 'p2']);
    expect(await state('export:p1')).toMatchObject({ schedule: null, nextRunAt: null, lastFinishedAt: new Date(Date.parse('2026-11-23T10:00:00Z')).toISOString() });
  });
});

describe('the digest on the job runner', () => {
  const schedule = { cron: '0 9 * * 1', timeZone: 'Europe/Berlin' };
  const digests = async () => (await db.query<{ n: number }>(`select count(*)::int as n from announcements where kind = 'digest'`))[0]!.n;
  const chorus = (clock: ManualClock, held = () => false) =>
    runner(clock, chorusJobs({ db, digest: schedule, held, onboardingDays: 60 }).filter((j) => j.name === 'digest'));

  it('is planned once per run across processes', async () => {
    const clock = new ManualClock(Date.parse('2026-11-23T07:59:59Z'));
    const processes = [chorus(clock), chorus(clock), chorus(clock)];
    for (const p of processes) await p.register();
    await Promise.all(processes.map((p) => p.runDue()));
    expect(await digests()).toBe(0);
    await clock.advance(1_000);
    await Promise.all(processes.map((p) => p.runDue()));
    await Promise.all(processes.map((p) => p.runDue()));
    expect(await digests()).toBe(1);
  });

  it('is still sent by a process that starts up to six hours late, and not later', async () => {
    const late = new ManualClock(Date.parse('2026-11-23T13:59:00Z'));
    await chorus(late).register();
    await chorus(late).runDue();
    expect(await digests()).toBe(1);
    await db.query('delete from jobs');
    await db.query('delete from announcements');
    const tooLate = new ManualClock(Date.parse('2026-11-23T14:01:00Z'));
    await chorus(tooLate).register();
    await chorus(tooLate).runDue();
    expect(await digests()).toBe(0);
    expect((await state('digest'))?.nextRunAt).toBe('2026-11-30T08:00:00.000Z');
  });

  it('is skipped, not held, while crisis mode is on', async () => {
    let crisis = true;
    const clock = new ManualClock(Date.parse('2026-11-23T08:00:00Z'));
    const p = chorus(clock, () => crisis);
    await p.register();
    await p.runDue();
    crisis = false;
    await clock.advance(3_600_000);
    await p.runDue();
    expect(await digests()).toBe(0);
    expect((await state('digest'))?.nextRunAt).toBe('2026-11-30T08:00:00.000Z');
  });
});

describe('GET /api/v1/admin/jobs', () => {
  it('shows admins every job with its last and next run; employees get 403', async () => {
    // A clock of its own: the runner polls once at start and then only when the test asks.
    const s = await startTestServer({ DIGEST_SCHEDULE: '0 9 * * 1', TENANT_TIME_ZONE: 'Europe/Berlin' }, { jobs: { clock: new ManualClock() } });
    try {
      const [admin, employee] = [await anAdmin(s.db), await aPerson(s.db)];
      await s.app.jobs?.runDue();
      expect((await api(s.url, 'GET', '/api/v1/admin/jobs', { headers: employee.headers })).status).toBe(403);
      const res = await api(s.url, 'GET', '/api/v1/admin/jobs', { headers: admin.headers });
      expect(res.status).toBe(200);
      const names = (res.body.items as Array<{ name: string }>).map((j) => j.name);
      expect(names).toEqual(expect.arrayContaining(['digest', 'training-reminders', 'onboarding-reminders']));
      const reminders = res.body.items.find((j: { name: string }) => j.name === 'training-reminders');
      expect(reminders).toMatchObject({ schedule: 'every 30 s', failures: 0, lastError: null });
      expect(reminders.lastFinishedAt).not.toBeNull();
      expect(Date.parse(reminders.nextRunAt)).toBeGreaterThan(Date.parse(reminders.lastStartedAt));
      expect(res.body.items.find((j: { name: string }) => j.name === 'digest')).toMatchObject({ schedule: '0 9 * * 1 (Europe/Berlin)' });
    } finally {
      await s.close();
    }
  });
});
