import type { Queryable } from '../db.js';
import { iso } from './rows.js';

interface JobRow {
  name: string;
  handler: string;
  schedule: string | null;
  payload: unknown;
  next_run_at: Date | null;
  leased_by: string | null;
  lease_until: Date | null;
  attempts: number;
  last_started_at: Date | null;
  last_finished_at: Date | null;
  last_failed_at: Date | null;
  last_error: string | null;
  failures: number;
}

/** A run this process claimed: it holds the lease until it settles or the lease runs out. */
export interface ClaimedRun {
  name: string;
  handler: string;
  payload: unknown;
  /** When the run was due (a late run still knows which one it is). */
  dueAt: Date;
  /** This try, the first being 1. */
  attempt: number;
  /** The claim's mark: settling and renewing only count while it is still ours. */
  startedAt: Date;
  /** Someone held it before and its lease ran out (that process died or hung). */
  takenOver: string | null;
}

/** A job as operators see it (GET /api/v1/admin/jobs). */
export interface JobState {
  name: string;
  schedule: string | null;
  nextRunAt: string | null;
  /** A process holds the lease now. */
  running: boolean;
  leasedBy: string | null;
  leaseUntil: string | null;
  /** Tries of the current run (0 between runs); above 0 and not running: waiting to retry. */
  attempts: number;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastFailedAt: string | null;
  lastError: string | null;
  failures: number;
}

/** A lease holder that is still this claim: the same process and the same start. */
const OURS = 'name = $1 and leased_by = $2 and last_started_at = $3';

/**
 * The jobs table. Time comes from the caller (the runner's clock), not from the database,
 * so tests can move it; leases are long compared with the clock differences of servers.
 */
export function jobsRepo(db: Queryable) {
  return {
    /**
     * A scheduled job in code: its row is created on first sight, and its next run reset
     * when the schedule changed (e.g. DIGEST_SCHEDULE). Otherwise the row is left alone:
     * another process may be running it.
     */
    async register(name: string, schedule: string, firstRunAt: Date | null): Promise<void> {
      await db.query(
        `insert into jobs (name, handler, schedule, next_run_at) values ($1, $1, $2, $3)
         on conflict (name) do update set schedule = excluded.schedule, next_run_at = excluded.next_run_at, attempts = 0
         where jobs.schedule is distinct from excluded.schedule`,
        [name, schedule, firstRunAt],
      );
    },

    /** A one-off run; the same name twice is one run (false the second time). */
    async add(name: string, handler: string, payload: unknown, runAt: Date): Promise<boolean> {
      const rows = await db.query(
        `insert into jobs (name, handler, payload, next_run_at) values ($1, $2, $3, $4) on conflict (name) do nothing returning 1`,
        [name, handler, JSON.stringify(payload ?? null), runAt],
      );
      return rows.length > 0;
    },

    /**
     * Takes one due run of these handlers, in one statement: of several processes asking at
     * once exactly one gets it. A run whose lease ran out is due again (taken over).
     */
    async claim(handlers: readonly string[], me: string, now: Date, leaseMs: number): Promise<ClaimedRun | undefined> {
      const [row] = await db.query<JobRow & { previous: string | null; due_at: Date }>(
        `with due as (
           select j.name, j.next_run_at, case when j.lease_until is not null then j.leased_by end as previous
           from jobs j
           where j.handler = any($1::text[]) and j.next_run_at <= $3 and (j.lease_until is null or j.lease_until <= $3)
           order by j.next_run_at, j.name limit 1
           for update skip locked
         )
         update jobs j set leased_by = $2, attempts = j.attempts + 1, last_started_at = $3,
           lease_until = $3::timestamptz + $4::float8 * interval '1 millisecond'
         from due where j.name = due.name
         returning j.*, due.previous, due.next_run_at as due_at`,
        [handlers, me, now, leaseMs],
      );
      if (!row) return undefined;
      return {
        name: row.name,
        handler: row.handler,
        payload: row.payload,
        dueAt: row.due_at,
        attempt: row.attempts,
        startedAt: row.last_started_at ?? now,
        takenOver: row.previous,
      };
    },

    /** Still ours: the lease runs on until `until`. False when another process took it over. */
    async renew(run: ClaimedRun, me: string, until: Date): Promise<boolean> {
      const rows = await db.query(`update jobs set lease_until = $4 where ${OURS} returning 1`, [run.name, me, run.startedAt, until]);
      return rows.length > 0;
    },

    /** Done: the next run is due at `nextRunAt` (null: none, a one-off run). */
    async succeeded(run: ClaimedRun, me: string, now: Date, nextRunAt: Date | null): Promise<boolean> {
      const rows = await db.query(
        `update jobs set leased_by = null, lease_until = null, attempts = 0, last_finished_at = $4, next_run_at = $5
         where ${OURS} returning 1`,
        [run.name, me, run.startedAt, now, nextRunAt],
      );
      return rows.length > 0;
    },

    /**
     * A failed try: tried again at `retryAt`, or — when the tries are used up — given up
     * until `nextRunAt` (the next scheduled run; null for a one-off, which stays failed).
     */
    async failed(run: ClaimedRun, me: string, now: Date, error: string, next: { retryAt: Date } | { nextRunAt: Date | null }): Promise<boolean> {
      const retrying = 'retryAt' in next;
      const rows = await db.query(
        `update jobs set leased_by = null, lease_until = null, failures = failures + 1, last_failed_at = $4, last_error = $5,
           next_run_at = $6, attempts = case when $7::boolean then attempts else 0 end
         where ${OURS} returning 1`,
        [run.name, me, run.startedAt, now, error.slice(0, 2000), retrying ? next.retryAt : next.nextRunAt, retrying],
      );
      return rows.length > 0;
    },

    /** One-off runs that ended more than `olderThanMs` ago (succeeded or given up). */
    async forgetFinished(now: Date, olderThanMs: number): Promise<number> {
      const rows = await db.query(
        `delete from jobs where schedule is null and next_run_at is null
           and greatest(last_finished_at, last_failed_at) < $1::timestamptz - $2::float8 * interval '1 millisecond'
         returning 1`,
        [now, olderThanMs],
      );
      return rows.length;
    },

    /** Every job with its state, scheduled ones first. */
    async list(now: Date = new Date()): Promise<JobState[]> {
      const rows = await db.query<JobRow>('select * from jobs order by schedule is null, name');
      return rows.map((r) => ({
        name: r.name,
        schedule: r.schedule,
        nextRunAt: iso(r.next_run_at),
        running: r.lease_until !== null && r.lease_until.getTime() > now.getTime(),
        leasedBy: r.leased_by,
        leaseUntil: iso(r.lease_until),
        attempts: r.attempts,
        lastStartedAt: iso(r.last_started_at),
        lastFinishedAt: iso(r.last_finished_at),
        lastFailedAt: iso(r.last_failed_at),
        lastError: r.last_error,
        failures: r.failures,
      }));
    },
  };
}
export type JobsRepo = ReturnType<typeof jobsRepo>;
