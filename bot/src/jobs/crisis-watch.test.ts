import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { CrisisRepo, VersionedCrisisState } from '../storage/repos/crisis.js';
import { ManualClock } from '../../../tests/support/manual-clock.js';
import { CrisisWatch } from './crisis-watch.js';

const at = (version: number, active: boolean): VersionedCrisisState => ({
  active, version, reason: null, instructions: { de: '', en: 'x' }, statementUrl: null, spokesperson: null,
  notifyEveryone: false, redirectLinks: false, startedAt: null, endedAt: null, refusedShares: 0,
});

/** A repo whose answers the test sets (the database is tested in the integration tests). */
function repo(answers: Array<VersionedCrisisState | Error>): CrisisRepo {
  return {
    state: async () => {
      const next = answers.length > 1 ? answers.shift() : answers[0];
      if (next instanceof Error) throw next;
      return next as VersionedCrisisState;
    },
  } as unknown as CrisisRepo;
}

const quiet = pino({ level: 'silent' });

describe('the crisis watch', () => {
  it('knows the state once started', async () => {
    const watch = new CrisisWatch(repo([at(1, true)]), quiet, { intervalMs: 60_000 });
    expect(watch.current()).toBeUndefined();
    expect(watch.active).toBe(false);
    await watch.start();
    expect(watch.active).toBe(true);
    watch.stop();
  });

  it('never goes back to an older version (a slow read after a newer switch)', async () => {
    const watch = new CrisisWatch(repo([at(5, false)]), quiet, { intervalMs: 60_000 });
    watch.set(at(6, true)); // this instance just switched on
    await watch.refresh(); // a read that started before the switch answers late
    expect(watch.active).toBe(true);
    expect(watch.current()?.version).toBe(6);
    watch.set(at(7, false));
    expect(watch.active).toBe(false);
  });

  it('keeps the last state when the database cannot be read, and reads again', async () => {
    // Time moves only when the test says so: no real timers, however busy the machine.
    const clock = new ManualClock();
    const watch = new CrisisWatch(repo([at(1, true), new Error('connection lost'), at(2, false)]), quiet, { intervalMs: 10, clock });
    await watch.start();
    expect(watch.active).toBe(true);
    await clock.advance(10); // the failed read
    expect(watch.active).toBe(true);
    await clock.advance(10); // the next read
    expect(watch.active).toBe(false);
    watch.stop();
    expect(clock.pending).toBe(0); // stopped means no further reads
  });
});
