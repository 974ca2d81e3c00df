import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import { DEFAULT_RETRY, type RetryPolicy } from '../domain/delivery/send-outcome.js';
import { slotTaken, TenantPacer } from '../domain/delivery/tenant-pacer.js';
import type { Db, LeaderLocks } from '../storage/db.js';
import { conversationsRepo } from '../storage/repos/conversations.js';
import { deliveriesRepo, type ClaimedDelivery } from '../storage/repos/deliveries.js';
import type { ConnectorClient } from '../teams/connector-client.js';
import { chorusKinds, type KindRegistry } from '../notifications/registry.js';
import type { Renderer } from './render-delivery.js';
import { cancelWatch, cardSender } from './card-sender.js';
import { Sleeper } from './sleeper.js';

export interface DeliveryWorkerOptions {
  db: Db;
  log: Logger;
  connector: ConnectorClient;
  render: Renderer;
  /** Teams' limit per app and tenant (TEAMS_RATE_LIMIT_RPS). */
  rps: number;
  /** Sends in flight per tenant at most. */
  concurrency?: number;
  /** Rows claimed at a time; also the most a crash can leave "maybe sent". */
  batchSize?: number;
  /** How often announcements are started and finished and tenants looked for. */
  tickMs?: number;
  /** How long a tenant's sender waits when nothing is due yet. */
  idleMs?: number;
  /** Crisis mode: ordinary announcements wait (nothing is lost). */
  held?: () => boolean;
  /** The notification kinds it starts (default: Chorus's own); the renderer must know them too. */
  kinds?: KindRegistry;
  retry?: RetryPolicy;
  /**
   * PROACTIVE_INSTALL: announcements to an audience also count this tenant's people without a
   * chat; their deliveries wait for the install worker (jobs/install-worker.ts). null: off.
   */
  installTenant?: string | null;
}

type Prepared = { rendered: Awaited<ReturnType<Renderer>> } | { error: unknown };

const LOCK_PREFIX = 'chorus.delivery:';
/** Due announcements started per query, and queries per tick at most (500 a tick). */
const START_BATCH = 20;
const START_ROUNDS = 25;

/**
 * Starts due announcements, sends their cards, finishes them. Any number of processes may
 * run it: starting is one conditional statement, and a tenant's cards are sent only by the
 * process holding that tenant's leader lock (a standby takes over within a tick when the
 * holder dies). The deliveries table is the queue, so a restart resumes where it stopped.
 */
export class DeliveryWorker {
  private readonly repo;
  private readonly senders = new Map<string, Promise<void>>();
  private locks: LeaderLocks | undefined;
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private loop: (() => void) | undefined;
  private busy = false;
  private nudged = false;
  private stopping = false;
  private readonly sleeper = new Sleeper();
  private readonly concurrency: number;
  private readonly batchSize: number;
  private readonly tickMs: number;
  private readonly idleMs: number;
  private readonly cards: ReturnType<typeof cardSender>;

  constructor(private readonly o: DeliveryWorkerOptions) {
    this.repo = deliveriesRepo(o.db, (o.kinds ?? chorusKinds).sql, { installTenant: o.installTenant ?? null });
    this.concurrency = o.concurrency ?? 32;
    this.batchSize = o.batchSize ?? 32;
    this.tickMs = o.tickMs ?? 1_000;
    this.idleMs = o.idleMs ?? 250;
    const retry: RetryPolicy = o.retry ?? DEFAULT_RETRY;
    this.cards = cardSender({ repo: this.repo, conversations: conversationsRepo(o.db), connector: o.connector, retry, log: o.log });
  }

  start(): void {
    if (this.timer || this.stopping) return;
    const loop = () => {
      this.busy = true;
      this.ticking = this.tick()
        .catch((err: unknown) => this.o.log.error({ err }, 'delivery tick failed; trying again'))
        .finally(() => {
          this.busy = false;
          const soon = this.nudged;
          this.nudged = false;
          if (!this.stopping) this.timer = setTimeout(loop, soon ? 0 : this.tickMs);
        });
    };
    this.loop = loop;
    loop();
  }

  /**
   * Something urgent was just queued in this process (a crisis switch): tick now rather
   * than at the next timer, so its cards start within milliseconds instead of a second.
   */
  nudge(): void {
    if (this.stopping || !this.loop) return;
    if (this.busy) {
      this.nudged = true;
      return;
    }
    clearTimeout(this.timer);
    this.loop();
  }

  /** Finish what is in flight, put back what was claimed, let go of the leader locks. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.sleeper.wakeAll();
    await this.ticking;
    await Promise.allSettled(this.senders.values());
    await this.locks?.close();
  }

  /**
   * One round of bookkeeping: start what is due, finish what is done, lead tenants with
   * work. Planning from the clock is the job runner's (jobs/planners.ts), so a slow job
   * never holds up cards. Tests call it to move things along without waiting.
   */
  async tick(): Promise<void> {
    if (this.stopping) return;
    const held = this.o.held?.() ?? false;
    for (const { id, log } of await this.repo.upkeep()) this.o.log.info({ announcement: id }, log);
    // Twenty at a time, and again while there were twenty: an install wave queues one
    // welcome per person, thousands within a minute, and starting only twenty a second
    // would send them slower than the tenant's pace allows. Bounded, so a tick still ends.
    for (let round = 0; round < START_ROUNDS; round++) {
      const due = await this.repo.due(START_BATCH, held);
      for (const id of due) {
        const recipients = await this.repo.start(id);
        if (recipients !== undefined) this.o.log.info({ announcement: id, recipients }, 'announcement started');
      }
      if (due.length < START_BATCH || this.stopping) break;
      // More to start: let the tenants' senders begin with what has started meanwhile (during
      // an install wave each start waits for a database connection behind the installs).
      if (round === 0) await this.lead();
    }
    for (const id of await this.repo.finish()) this.o.log.info({ announcement: id }, 'announcement done');
    await this.lead();
  }

  /** Resolves when no tenant sender of this process is running (tests). */
  async idle(): Promise<void> {
    while (this.senders.size > 0) await Promise.allSettled([...this.senders.values()]);
  }

  private async lead(): Promise<void> {
    const tenants = await this.repo.tenantsWithWork(this.o.held?.() ?? false);
    if (tenants.every((t) => this.senders.has(t))) return;
    if (!this.locks?.alive) {
      if (this.locks) this.o.log.warn('leader lock session lost; taking the locks again');
      this.locks = await this.o.db.leaderLocks();
    }
    for (const tenant of tenants) {
      if (this.senders.has(tenant) || this.stopping) continue;
      if (!(await this.locks.tryTake(LOCK_PREFIX + tenant))) continue;
      const locks = this.locks;
      const sender = this.sendTenant(tenant, locks)
        .catch((err: unknown) => this.o.log.error({ err }, 'tenant sender failed; the next tick restarts it'))
        .finally(async () => {
          this.senders.delete(tenant);
          // Let another process lead this tenant next time (and re-take cleanly here).
          await locks.release(LOCK_PREFIX + tenant).catch(() => undefined);
        });
      this.senders.set(tenant, sender);
    }
  }

  /** The tenant's sender: claim due rows, send each on the tenant's pace, settle it. */
  private async sendTenant(tenant: string, locks: LeaderLocks): Promise<void> {
    const released = await this.repo.releaseInHand(tenant);
    if (released > 0) this.o.log.warn({ released }, 'took over deliveries a previous sender held; those may repeat');
    const pacer = new TenantPacer(this.o.rps, () => performance.now());
    const inFlight = new Set<Promise<void>>();
    const active = () => !this.stopping && locks.alive;
    const cancels = cancelWatch(this.repo, this.o.log);

    // Cards are rendered ahead (database work), so a send leaves the moment its slot comes:
    // the pace Teams sees is the pace we keep. The next batch is claimed and rendered while
    // this one goes out, so the pace never waits for the database either.
    type Batch = { batch: ClaimedDelivery[]; prepared: Array<Promise<Prepared>> };
    const fetchBatch = (): Promise<Batch> => {
      const fetched = this.repo.claim(tenant, this.batchSize, this.o.held?.() ?? false).then(async (batch) => {
        // Batch-wide database work first (share tokens in one statement); on failure each
        // card does its own.
        if (batch.length > 0) await this.o.render.prepare?.(batch).catch((err: unknown) => this.o.log.warn({ err }, 'preparing a batch failed'));
        return {
          batch,
          prepared: batch.map((d) => this.o.render(d).then((r): Prepared => ({ rendered: r }), (error: unknown): Prepared => ({ error }))),
        };
      });
      fetched.catch(() => undefined); // handled where it is awaited; never an unhandled rejection
      return fetched;
    };
    let next: Promise<Batch> | undefined;
    let current: ClaimedDelivery[] = [];
    /** Cancelled while in hand and not sent: let go so follow-ups waiting on them can start. */
    const letGo: ClaimedDelivery[] = [];
    let position = 0;
    try {
      next = fetchBatch();
      while (active() && next) {
        const { batch, prepared } = await next;
        next = undefined;
        current = batch;
        position = 0;
        if (batch.length === 0) {
          if (inFlight.size === 0) {
            if (!(await this.repo.hasWork(tenant, this.o.held?.() ?? false))) break;
            // Nothing due, nothing in hand, yet rows wait: claimed by a sender that failed
            // midway (it put back what it could). Free them rather than wait forever.
            await this.repo.releaseInHand(tenant);
          }
          await this.sleeper.sleep(this.idleMs);
          if (!(await locks.check())) break;
          next = fetchBatch();
          continue;
        }
        next = fetchBatch();
        for (; position < batch.length && active(); position++) {
          const delivery = batch[position] as ClaimedDelivery;
          const ready = await (prepared[position] as Promise<Prepared>);
          if ('error' in ready) {
            this.o.log.error({ err: ready.error }, 'rendering a card failed');
            await this.cards.giveUpOrRetry(delivery, 'rendering failed');
            continue;
          }
          if ('skip' in ready.rendered) {
            await this.repo.settle(delivery, 'skipped', ready.rendered.skip);
            continue;
          }
          while (inFlight.size >= this.concurrency) await Promise.race(inFlight);
          // Wait for a slot; a 429 that arrives meanwhile voids it, and we queue again.
          if (!(await slotTaken(pacer, (ms) => this.sleeper.sleep(ms), active))) break;
          // Crisis mode came on while this batch was in hand: ordinary cards go back, untouched.
          if (delivery.priority === 0 && this.o.held?.()) break;
          if (cancels.has(batch, delivery.announcementId)) {
            letGo.push(delivery); // the cancel already marked it skipped; it only needs letting go
            continue;
          }
          pacer.sent();
          const sending: Promise<void> = this.cards.send(delivery, ready.rendered, pacer)
            .catch((err: unknown) => this.o.log.error({ err }, 'a delivery could not be settled; the next sender frees it'))
            .finally(() => inFlight.delete(sending));
          inFlight.add(sending);
        }
        if (letGo.length > 0) await this.repo.unclaim(letGo.splice(0));
        if (position < batch.length) break; // stopping, or the lock is gone
        if (!(await locks.check())) break;
      }
    } finally {
      // Whatever happened: wait for the sends on their way (their rows must not be freed
      // for another sender while they are), then put back what was claimed and not sent.
      await Promise.allSettled(inFlight);
      const unsent = current.slice(position);
      const ahead = next ? await next.then((b) => b.batch, () => []) : [];
      await this.repo.unclaim([...unsent, ...ahead, ...letGo]).catch((err: unknown) => this.o.log.warn({ err }, 'could not put back claimed deliveries'));
    }
  }
}
