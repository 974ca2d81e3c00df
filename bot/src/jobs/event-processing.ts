import type { EventProcessor } from '../domain/events/domain-event.js';
import type { Db, Queryable } from '../storage/db.js';
import { catchUp } from '../storage/events/event-log.js';
import type { JobDefinition } from './job-runner.js';

/**
 * The job that keeps every event processor caught up (a run a second, on the job runner
 * like all background work). Each processor runs until it has handled every event of its
 * types; one that fails does not stop the others, and the run then fails so the runner
 * retries it with backoff — the failed processor resumes from its position, which only
 * moves with a success.
 */
export function eventProcessingJob(db: Db, processors: ReadonlyArray<EventProcessor<Queryable>>, everyMs = 1_000): JobDefinition {
  return {
    name: 'event-processors',
    schedule: { everyMs },
    async run({ log }) {
      const failed: string[] = [];
      for (const processor of processors) {
        try {
          const handled = await catchUp(db, processor);
          if (handled > 0) log.debug({ processor: processor.name, handled }, 'events processed');
        } catch (err) {
          failed.push(processor.name);
          log.error({ err, processor: processor.name }, 'an event processor failed; it resumes from its position');
        }
      }
      if (failed.length > 0) throw new Error(`event processors failed: ${failed.join(', ')}`);
    },
  };
}
