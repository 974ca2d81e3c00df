import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { backoffMs, type RetryPolicy } from '../domain/delivery/send-outcome.js';
import { describeSchedule, firstRun, nextRun, type JobSchedule } from '../domain/jobs/job-schedule.js';
import { systemClock, type Clock } from '../domain/time/clock.js';
import type { Queryable } from '../storage/db.js';
import { jobsRepo, type ClaimedRun } from '../storage/repos/jobs.js';

export interface JobContext<P> {
  /** The runner's clock when the run began. */
  now: Date;
  /** When this run was due: a late run (a process that started late, a retry) knows which it is. */
  dueAt: Date;
  /** This try, the first being 1. */
  attempt: number;
  payload: P;
  log: Logger;
}

/**
 * Background work the runner does: on a schedule, or once when asked (`runOnce`). A run may
 * be repeated (a retry after an error, a takeover after a crash), so it must be idempotent —
 * the planners are: each writes with one conditional statement.
 */
export interface JobDefinition<P = unknown> {
  /** Unique; the row operators see. */
  name: string;
  /** When it runs; null: registered but off (listed as such); omitted: only when asked. */
  schedule?: JobSchedule | null;
  /** A cron run missed by at most this long (nothing was running) still runs on start. */
  catchUpMs?: number;
  /** Tries per run before it waits for the next one (default 5, backoff from 1 s to 5 min). */
  retry?: RetryPolicy;
  /** One-off runs: what their payload must look like (checked before the run). */
  payload?: z.ZodType<P>;
  run(ctx: JobContext<P>): Promise<void>;
}

export interface JobRunnerOptions {
  db: Queryable;
  log: Logger;
  jobs: ReadonlyArray<JobDefinition>;
  clock?: Clock;
  /** How often the table is asked for due runs (default 1 s). */
  pollMs?: number;
  /** A run's lease, renewed every third of it while it runs; a dead process gives it up after this. */
  leaseMs?: number;
  /** Runs at once in this process: a slow job does not hold up the others. */
  concurrency?: number;
  random?: () => number;
}

const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseMs: 1_000, maxMs: 5 * 60_000 };

const message = (err: unknown) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err));

/**
 * Runs the jobs of this process: claims due runs from the jobs table (one conditional update,
 * so each run happens in one process only), runs them apart from the card sender, retries
 * failures with exponential backoff, and records what operators read. Time comes from the
 * clock it is given; tests move it.
 */
export class JobRunner {
  /** Written into leased_by: which process runs what. */
  readonly id = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly repo;
  private readonly clock: Clock;
  private readonly byName = new Map<string, JobDefinition>();
  private readonly running = new Set<Promise<void>>();
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly concurrency: number;
  private readonly random: () => number;
  private cancelPoll: (() => void) | undefined;
  private polling: Promise<unknown> | undefined;
  private stopping = false;

  constructor(private readonly o: JobRunnerOptions) {
    this.repo = jobsRepo(o.db);
    this.clock = o.clock ?? systemClock;
    this.pollMs = o.pollMs ?? 1_000;
    this.leaseMs = o.leaseMs ?? 60_000;
    this.concurrency = o.concurrency ?? 4;
    this.random = o.random ?? Math.random;
    for (const job of o.jobs) {
      if (this.byName.has(job.name)) throw new Error(`two jobs are called ${job.name}`);
      this.byName.set(job.name, job);
    }
  }

  /** Creates the rows of the schedules in code, or resets a changed one (start does this). */
  async register(): Promise<void> {
    const now = this.now();
    for (const job of this.byName.values()) {
      if (job.schedule === undefined) continue;
      await this.repo.register(job.name, describeSchedule(job.schedule), job.schedule ? firstRun(job.schedule, now, job.catchUpMs) : null);
    }
  }

  async start(): Promise<void> {
    if (this.polling || this.stopping) return;
    await this.register();
    const loop = () => {
      this.polling = this.claimAndStart()
        .catch((err: unknown) => this.o.log.error({ err }, 'looking for due jobs failed; trying again'))
        .finally(() => {
          if (!this.stopping) this.cancelPoll = this.clock.after(this.pollMs, loop);
        });
    };
    loop();
  }

  /**
   * Runs what is due now and waits until every run of this process ended (tests and
   * tools; the loop never waits for runs).
   */
  async runDue(): Promise<void> {
    await this.polling; // a poll under way claims first
    await this.claimAndStart();
    await Promise.allSettled([...this.running]);
  }

  /** A one-off run of job `handler` at `at` (default now); the same key twice is one run. */
  async runOnce<P>(job: JobDefinition<P>, key: string, payload: P, at?: Date): Promise<boolean> {
    job.payload?.parse(payload);
    return this.repo.add(`${job.name}:${key}`, job.name, payload, at ?? this.now());
  }

  /** No new runs; waits for the ones under way to end. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.cancelPoll?.();
    await this.polling;
    await Promise.allSettled([...this.running]);
  }

  private now(): Date {
    return new Date(this.clock.now());
  }

  private async claimAndStart(): Promise<void> {
    const handlers = [...this.byName.keys()];
    while (!this.stopping && this.running.size < this.concurrency) {
      const run = await this.repo.claim(handlers, this.id, this.now(), this.leaseMs);
      if (!run) break;
      const execution: Promise<void> = this.execute(run)
        .catch((err: unknown) => this.o.log.error({ err, job: run.name }, 'could not record how a job run ended; its lease will run out'))
        .finally(() => this.running.delete(execution));
      this.running.add(execution);
    }
  }

  private async execute(run: ClaimedRun): Promise<void> {
    const job = this.byName.get(run.handler) as JobDefinition;
    const log = this.o.log.child({ job: run.name });
    if (run.takenOver) log.warn({ from: run.takenOver, attempt: run.attempt }, 'took over a job run whose lease ran out');
    const parsed = job.payload ? job.payload.safeParse(run.payload) : { success: true as const, data: run.payload };
    if (!parsed.success) {
      // Trying again cannot help: the run fails for good.
      await this.repo.failed(run, this.id, this.now(), `bad payload: ${parsed.error.message}`, { nextRunAt: null });
      return;
    }
    const stopRenewing = this.renewWhileRunning(run, log);
    let failure: unknown;
    try {
      await job.run({ now: this.now(), dueAt: run.dueAt, attempt: run.attempt, payload: parsed.data, log });
    } catch (err) {
      failure = err ?? new Error('failed');
    } finally {
      stopRenewing();
    }
    const now = this.now();
    const after = () => (job.schedule ? nextRun(job.schedule, run.dueAt, now) : null);
    let recorded: boolean;
    if (failure === undefined) {
      recorded = await this.repo.succeeded(run, this.id, now, after());
    } else {
      const retry = job.retry ?? DEFAULT_RETRY;
      const again = run.attempt < retry.maxAttempts;
      log[again ? 'warn' : 'error']({ err: failure, attempt: run.attempt }, again ? 'job run failed; trying again' : 'job run failed; giving up until the next run');
      recorded = await this.repo.failed(
        run,
        this.id,
        now,
        message(failure),
        again ? { retryAt: new Date(now.getTime() + backoffMs(run.attempt, retry, this.random)) } : { nextRunAt: after() },
      );
    }
    if (!recorded) log.warn('another process took this run over meanwhile; its outcome counts, not this one');
  }

  /** Renews the lease every third of it; the returned function stops that. */
  private renewWhileRunning(run: ClaimedRun, log: Logger): () => void {
    let cancel: (() => void) | undefined;
    let stopped = false;
    const beat = () => {
      cancel = this.clock.after(this.leaseMs / 3, () => {
        this.repo
          .renew(run, this.id, new Date(this.clock.now() + this.leaseMs))
          .then((ours) => {
            if (!ours) log.warn('lost the lease of a running job (another process took it over)');
          }, (err: unknown) => log.warn({ err }, 'could not renew a job lease'))
          .finally(() => {
            if (!stopped) beat();
          });
      });
    };
    beat();
    return () => {
      stopped = true;
      cancel?.();
    };
  }
}
