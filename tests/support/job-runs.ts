import type { Db } from '../../bot/src/storage/db.js';
import { eventually } from './eventually.js';

/**
 * Waits until the scheduled job `name` has run to its end `times` more times, each started
 * after the one before was seen: "more checks happened", by what the runner recorded rather
 * than by a pause that proves nothing on a busy machine. For servers on the system clock.
 */
export async function moreRuns(db: Db, name: string, times = 2, timeoutMs = 10_000): Promise<void> {
  for (let i = 0; i < times; i++) {
    const since = new Date();
    await eventually(
      async () =>
        (await db.query<{ done: boolean }>('select last_started_at > $2 and last_finished_at >= last_started_at as done from jobs where name = $1', [name, since]))[0]?.done ?? false,
      Boolean,
      timeoutMs,
    );
  }
}
