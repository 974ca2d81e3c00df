/**
 * One steady pace per tenant, shared by every announcement: sends are spaced 1/rate
 * apart (no bursts that bounce off Teams' limit), and a 429 moves the whole tenant's
 * next slot to after the Retry-After — not only the request that got it.
 */
export class TenantPacer {
  private nextSlot = 0;
  private readonly interval: number;

  /** `rps`: Teams' limit per app and tenant; `headroom` keeps timer jitter under it. */
  constructor(
    rps: number,
    private readonly now: () => number,
    headroom = 0.98,
  ) {
    if (!(rps > 0)) throw new Error('rps must be positive');
    this.interval = 1000 / (rps * headroom);
  }

  /** Takes the next send slot: how many ms to wait before sending (0: now). */
  reserve(): number {
    const now = this.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + this.interval;
    return slot - now;
  }

  /** A 429 told us to hold off: nobody in this tenant sends before `afterMs` from now. */
  throttle(afterMs: number): void {
    this.nextSlot = Math.max(this.nextSlot, this.now() + afterMs);
  }
}
