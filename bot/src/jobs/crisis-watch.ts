import type { Logger } from 'pino';
import { systemClock, type Clock } from '../domain/time/clock.js';
import type { CrisisRepo, VersionedCrisisState } from '../storage/repos/crisis.js';

/** How often every instance reads the crisis row: the switch reaches all within this. */
export const CRISIS_POLL_MS = 250;

/**
 * Every instance's view of the crisis switch, read from the database four times a second
 * (one primary-key row) so that share pages refuse within a second on every instance,
 * without a request ever waiting for the database to ask. The instance that switches
 * knows at once (`set`).
 */
export class CrisisWatch {
  private state: VersionedCrisisState | undefined;
  private cancelTimer: (() => void) | undefined;
  private stopped = false;
  private readonly intervalMs: number;
  private readonly clock: Clock;

  constructor(
    private readonly repo: CrisisRepo,
    private readonly log: Logger,
    options: { intervalMs?: number; clock?: Clock } = {},
  ) {
    this.intervalMs = options.intervalMs ?? CRISIS_POLL_MS;
    this.clock = options.clock ?? systemClock;
  }

  /** Reads once (so the first request already knows), then keeps reading. */
  async start(): Promise<void> {
    await this.refresh();
    const loop = () => {
      if (this.stopped) return;
      this.cancelTimer = this.clock.after(this.intervalMs, () => {
        this.refresh()
          .catch((err: unknown) => this.log.warn({ err }, 'reading the crisis state failed; keeping the last one'))
          .finally(loop);
      });
    };
    loop();
  }

  stop(): void {
    this.stopped = true;
    this.cancelTimer?.();
  }

  async refresh(): Promise<VersionedCrisisState> {
    const next = await this.repo.state();
    this.set(next);
    return next;
  }

  /** A state this instance just wrote (newer versions only). */
  set(next: VersionedCrisisState): void {
    if (this.state && next.version < this.state.version) return;
    if (this.state && this.state.active !== next.active) this.log.info({ active: next.active }, 'crisis mode switched');
    this.state = next;
  }

  /** The last known state; undefined only before start() finished. */
  current(): VersionedCrisisState | undefined {
    return this.state;
  }

  get active(): boolean {
    return this.state?.active ?? false;
  }
}
