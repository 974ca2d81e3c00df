import type { Logger } from 'pino';
import type { EventProcessor } from '../domain/events/domain-event.js';
import type { Db, Queryable } from '../storage/db.js';
import { catchUp } from '../storage/events/event-log.js';

/** How the pump waits between rounds; tests pass their own to move time by hand. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref();
    return t;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Keeps every registered event processor caught up: a round every `intervalMs` runs each
 * one until it has handled all events of its types. A processor that fails is logged and
 * tried again next round from where it stood (its position only moves with a success);
 * the others go on. Any number of processes may run a pump: a processor busy elsewhere is
 * skipped, not waited for.
 */
export class EventPump {
  private timer: unknown;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly processors: ReadonlyArray<EventProcessor<Queryable>>,
    private readonly log: Logger,
    private readonly options: { intervalMs?: number; timers?: Timers } = {},
  ) {}

  start(): void {
    if (this.processors.length === 0) return;
    const timers = this.options.timers ?? realTimers;
    const loop = () => {
      if (this.stopped) return;
      this.running = this.round().finally(() => {
        if (!this.stopped) this.timer = timers.setTimeout(loop, this.options.intervalMs ?? 1_000);
      });
    };
    loop();
  }

  /** One round for every processor; resolves when each has caught up or failed. */
  async round(): Promise<void> {
    for (const processor of this.processors) {
      try {
        const handled = await catchUp(this.db, processor);
        if (handled > 0) this.log.debug({ processor: processor.name, handled }, 'events processed');
      } catch (err) {
        this.log.error({ err, processor: processor.name }, 'an event processor failed; it resumes from its position next round');
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    (this.options.timers ?? realTimers).clearTimeout(this.timer);
    await this.running;
  }
}
