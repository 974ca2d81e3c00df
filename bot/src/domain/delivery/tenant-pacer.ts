/**
 * One steady pace per tenant, shared by every announcement: sends are spaced 1/rate
 * apart (no bursts that bounce off Teams' limit), and a 429 moves the whole tenant's
 * next slot to after the Retry-After — not only the request that got it.
 *
 * Two rules together:
 * - spacing: slots 1/(rps × headroom) apart. A sender that wakes up late keeps its cadence
 *   by up to `maxLagMs`, so timer jitter does not eat into the rate;
 * - a sliding window like Teams' own: at most rps − 1 (or 99 %, if less) sends in any
 *   1 s + `guardMs`.
 *   Evenly spaced sends still put rps points into some 1 s span (n points span n − 1
 *   gaps); one send of margin and a few ms of guard absorb arrival jitter on the way.
 */
const SLOW_START_MS = 500;

export class TenantPacer {
  private nextSlot = 0;
  private throttles = 0;
  private readonly interval: number;
  private readonly maxLagMs: number;
  private readonly cap: number;
  private readonly recent: number[] = [];
  private startedAt: number | undefined;

  constructor(
    rps: number,
    private readonly now: () => number,
    headroom = 0.98,
    maxLagMs = 500 * (1 / headroom - 1),
    private readonly guardMs = 20,
  ) {
    if (!(rps > 0)) throw new Error('rps must be positive');
    this.interval = 1000 / (rps * headroom);
    this.maxLagMs = maxLagMs;
    // One send of margin, or 1 % at higher limits (200/s: 198).
    this.cap = Math.max(1, Math.min(Math.ceil(rps) - 1, Math.floor(rps * 0.99)));
  }

  /**
   * Takes the next send slot: how many ms to wait before sending (0: now). Call `sent()`
   * when it goes. The first half second runs at half pace: new connections and a cold process
   * delay the first requests, and the ones behind them would arrive bunched.
   */
  reserve(): number {
    const now = this.now();
    this.startedAt ??= now;
    let slot = Math.max(this.nextSlot, now - this.maxLagMs);
    if (this.recent.length === this.cap) slot = Math.max(slot, (this.recent[0] as number) + 1000 + this.guardMs);
    this.nextSlot = slot + (slot < this.startedAt + SLOW_START_MS ? 2 * this.interval : this.interval);
    return Math.max(0, slot - now);
  }

  /** The request is leaving now: the window counts real departures, not planned ones. */
  sent(): void {
    this.recent.push(this.now());
    if (this.recent.length > this.cap) this.recent.shift();
  }

  /** A 429 told us to hold off: nobody in this tenant sends before `afterMs` from now. */
  throttle(afterMs: number): void {
    this.nextSlot = Math.max(this.nextSlot, this.now() + afterMs);
    this.throttles++;
  }

  /**
   * Changes with every throttle. A sender that reserved a slot and is waiting for it checks
   * this afterwards: if it changed, its slot is void and it must reserve again.
   */
  get generation(): number {
    return this.throttles;
  }
}

/**
 * Waits until the pacer's next slot comes (again when a 429 voided it meanwhile). Returns
 * false as soon as `active` turns false (stopping): the caller then sends nothing. The caller
 * calls `sent()` when its request leaves.
 */
export async function slotTaken(pacer: TenantPacer, sleep: (ms: number) => Promise<void>, active: () => boolean): Promise<boolean> {
  for (let generation = -1; generation !== pacer.generation && active(); ) {
    generation = pacer.generation;
    const wait = pacer.reserve();
    if (wait > 0) await sleep(wait);
  }
  return active();
}
