import type { Key } from '../storage/repos/deliveries.js';

/** A few quick tries for one statement (a dropped connection), then the error stands. */
async function retryStorage(fn: () => Promise<void>, tries = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= tries) throw err;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

/**
 * Sent cards are recorded a few at a time: one statement per 32 cards or 20 ms instead of
 * one per card. A card counts as in flight until its row says sent, so a crash can repeat
 * at most the worker's concurrency, as before.
 */
export class SentRecorder {
  private waiting: Array<{ key: Key & { activityId: string | undefined }; done: () => void; failed: (err: unknown) => void }> = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly store: (rows: Array<Key & { activityId: string | undefined }>) => Promise<void>) {}

  record(d: Key, activityId: string | undefined): Promise<void> {
    return new Promise((done, failed) => {
      this.waiting.push({ key: { announcementId: d.announcementId, personId: d.personId, activityId }, done, failed });
      if (this.waiting.length >= 32) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), 20);
    });
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const rows = this.waiting.splice(0);
    if (rows.length === 0) return;
    retryStorage(() => this.store(rows.map((r) => r.key))).then(
      () => rows.forEach((r) => r.done()),
      (err: unknown) => rows.forEach((r) => r.failed(err)),
    );
  }
}
