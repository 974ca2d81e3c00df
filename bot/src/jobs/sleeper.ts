/**
 * The waits of a background worker (idle polls, pace slots), all ended at once when it stops:
 * a worker told to stop never sits out a sleep. After `wakeAll`, sleeps end at once.
 */
export class Sleeper {
  private readonly waking = new Set<() => void>();
  private stopped = false;

  sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waking.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waking.add(done);
    });
  }

  wakeAll(): void {
    this.stopped = true;
    for (const wake of [...this.waking]) wake();
  }
}
