import type { Clock } from '../../bot/src/domain/time/clock.js';

/** Lets promise chains started by a timer run to their next real wait (I/O or a timer). */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A clock that moves only when the test says so. `advance` fires the timers that come due
 * in order, letting the work each one starts settle before the next, so a test reads like
 * a timeline ("10 ms later the read fails") and never depends on how busy the machine is.
 */
export class ManualClock implements Clock {
  private timers: Array<{ at: number; seq: number; fn: () => void }> = [];
  private seq = 0;
  private armed: Array<() => void> = [];

  constructor(private t = Date.parse('2026-11-23T07:00:00Z')) {}

  now(): number {
    return this.t;
  }

  after(ms: number, fn: () => void): () => void {
    const timer = { at: this.t + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.push(timer);
    for (const wake of this.armed.splice(0)) wake();
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Resolves when the next timer is set (a loop that did its work and waits again). */
  nextTimer(): Promise<void> {
    return new Promise((resolve) => this.armed.push(resolve));
  }

  /** Timers waiting (tests check that a loop stopped). */
  get pending(): number {
    return this.timers.length;
  }

  /**
   * Moves time forward by `ms`, firing due timers one by one. `quiet` waits for work a timer
   * started (database round trips included) until it calls `after` again or finishes.
   */
  async advance(ms: number, quiet: () => Promise<void> = settle): Promise<void> {
    const until = this.t + ms;
    await quiet();
    for (;;) {
      const next = this.timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.t = Math.max(this.t, next.at);
      next.fn();
      await quiet();
    }
    this.t = until;
    await quiet();
  }

  /** Jumps to an absolute time (firing what comes due on the way). */
  advanceTo(at: Date | number, quiet?: () => Promise<void>): Promise<void> {
    return this.advance(Math.max(0, +at - this.t), quiet);
  }
}
