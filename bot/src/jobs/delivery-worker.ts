import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import { classifyAnswer, DEFAULT_RETRY, type RetryPolicy } from '../domain/delivery/send-outcome.js';
import { TenantPacer } from '../domain/delivery/tenant-pacer.js';
import type { Db, LeaderLocks } from '../storage/db.js';
import { conversationsRepo } from '../storage/repos/conversations.js';
import { deliveriesRepo, type ClaimedDelivery } from '../storage/repos/deliveries.js';
import type { ConnectorClient } from '../teams/connector-client.js';
import { dueDigestRun, type DigestSchedule } from './digest-schedule.js';
import type { Renderer } from './render-delivery.js';

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
  /** null: no digests. */
  digest: DigestSchedule | null;
  retry?: RetryPolicy;
  now?: () => Date;
}

type Prepared = { rendered: Awaited<ReturnType<Renderer>> } | { error: unknown };

const LOCK_PREFIX = 'chorus.delivery:';
/** How stale the sender's knowledge of cancels may be. */
const CANCEL_CHECK_MS = 100;

/**
 * Starts due announcements, sends their cards, finishes them. Any number of processes may
 * run it: starting is one conditional statement, and a tenant's cards are sent only by the
 * process holding that tenant's leader lock (a standby takes over within a tick when the
 * holder dies). The deliveries table is the queue, so a restart resumes where it stopped.
 */
export class DeliveryWorker {
  private readonly repo;
  private readonly conversations;
  private readonly senders = new Map<string, Promise<void>>();
  private locks: LeaderLocks | undefined;
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private stopping = false;
  private wake: Array<() => void> = [];
  private readonly concurrency: number;
  private readonly batchSize: number;
  private readonly tickMs: number;
  private readonly idleMs: number;
  private readonly retry: RetryPolicy;
  private readonly now: () => Date;

  constructor(private readonly o: DeliveryWorkerOptions) {
    this.repo = deliveriesRepo(o.db);
    this.conversations = conversationsRepo(o.db);
    this.concurrency = o.concurrency ?? 16;
    this.batchSize = o.batchSize ?? 32;
    this.tickMs = o.tickMs ?? 1_000;
    this.idleMs = o.idleMs ?? 250;
    this.retry = o.retry ?? DEFAULT_RETRY;
    this.now = o.now ?? (() => new Date());
  }

  start(): void {
    if (this.timer || this.stopping) return;
    const loop = () => {
      this.ticking = this.tick()
        .catch((err: unknown) => this.o.log.error({ err }, 'delivery tick failed; trying again'))
        .finally(() => {
          if (!this.stopping) this.timer = setTimeout(loop, this.tickMs);
        });
    };
    loop();
  }

  /** Finish what is in flight, put back what was claimed, let go of the leader locks. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    for (const wake of this.wake.splice(0)) wake();
    await this.ticking;
    await Promise.allSettled(this.senders.values());
    await this.locks?.close();
  }

  /** One round of bookkeeping; tests call it to move things along without waiting. */
  async tick(): Promise<void> {
    if (this.stopping) return;
    if (this.o.digest) await this.planDigest(this.o.digest);
    for (const id of await this.repo.due()) {
      const recipients = await this.repo.start(id);
      if (recipients !== undefined) this.o.log.info({ announcement: id, recipients }, 'announcement started');
    }
    for (const id of await this.repo.finish()) this.o.log.info({ announcement: id }, 'announcement done');
    await this.lead();
  }

  /** Resolves when no tenant sender of this process is running (tests). */
  async idle(): Promise<void> {
    while (this.senders.size > 0) await Promise.allSettled([...this.senders.values()]);
  }

  private async planDigest(schedule: DigestSchedule): Promise<void> {
    const run = dueDigestRun(schedule, this.now());
    if (!run) return;
    const rows = await this.o.db.query(
      `insert into announcements (subject, period, covers_from, send_at) values ('digest', $1, $2, $3)
       on conflict (period) where subject = 'digest' do nothing returning id`,
      [run.period, run.coversFrom, run.runAt],
    );
    if (rows.length > 0) this.o.log.info({ period: run.period }, 'digest planned');
  }

  private async lead(): Promise<void> {
    const tenants = await this.repo.tenantsWithWork();
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
    // A cancel should stop cards already claimed too, not only those still queued.
    let cancelled = new Set<string>();
    let cancelCheckedAt = 0;
    const isCancelled = async (batch: ClaimedDelivery[], id: string) => {
      if (performance.now() - cancelCheckedAt > CANCEL_CHECK_MS) {
        cancelCheckedAt = performance.now();
        cancelled = await this.repo.cancelledAmong([...new Set(batch.map((d) => d.announcementId))]);
      }
      return cancelled.has(id);
    };

    while (active()) {
      const batch = await this.repo.claim(tenant, this.batchSize);
      if (batch.length === 0) {
        if (inFlight.size === 0 && !(await this.repo.hasWork(tenant))) break;
        await this.sleep(this.idleMs);
        continue;
      }
      // Cards are rendered ahead (database work), so a send leaves the moment its slot
      // comes: the pace Teams sees is the pace we keep.
      const prepared = batch.map((d) => this.o.render(d).then((r): Prepared => ({ rendered: r }), (error: unknown): Prepared => ({ error })));
      for (let i = 0; i < batch.length; i++) {
        const delivery = batch[i] as ClaimedDelivery;
        const ready = await (prepared[i] as Promise<Prepared>);
        if ('error' in ready) {
          this.o.log.error({ err: ready.error }, 'rendering a card failed; retrying later');
          await this.repo.retryLater(delivery, this.retry.baseMs, 'error');
          continue;
        }
        if ('skip' in ready.rendered) {
          await this.repo.settle(delivery, 'skipped', ready.rendered.skip);
          continue;
        }
        if (await isCancelled(batch, delivery.announcementId)) continue; // the cancel already marked it skipped
        while (inFlight.size >= this.concurrency) await Promise.race(inFlight);
        // Wait for a slot; a 429 that arrives meanwhile voids it, and we queue again.
        for (let generation = -1; generation !== pacer.generation && active(); ) {
          generation = pacer.generation;
          const wait = pacer.reserve();
          if (wait > 0) await this.sleep(wait);
        }
        if (!active()) {
          await this.repo.unclaim(batch.slice(i));
          break;
        }
        const activity = ready.rendered.activity;
        pacer.sent();
        const sending: Promise<void> = this.send(delivery, activity, pacer)
          .catch(async (err: unknown) => {
            this.o.log.error({ err }, 'settling a delivery failed; retrying later');
            await this.repo.retryLater(delivery, this.retry.baseMs, 'error').catch(() => undefined);
          })
          .finally(() => inFlight.delete(sending));
        inFlight.add(sending);
      }
    }
    await Promise.allSettled(inFlight);
  }

  private async send(d: ClaimedDelivery, activity: Record<string, unknown>, pacer: TenantPacer): Promise<void> {
    const target = { serviceUrl: d.conversation.serviceUrl, conversationId: d.conversation.id };
    const answer = await this.o.connector.send(target, activity);
    const outcome = classifyAnswer(answer, d.attempts, this.retry);
    switch (outcome.kind) {
      case 'sent':
        return this.repo.sent(d, answer.activityId);
      case 'retry':
        // A 429 is about the tenant, not this card: everybody waits.
        if (outcome.throttled) pacer.throttle(outcome.afterMs);
        return this.repo.retryLater(d, outcome.afterMs, outcome.reason);
      case 'blocked':
      case 'gone':
        await this.conversations.setStatus(d.conversation.id, outcome.kind);
        return this.repo.settle(d, 'skipped', outcome.kind);
      case 'failed':
        this.o.log.warn({ reason: outcome.reason }, 'card could not be delivered');
        return this.repo.settle(d, 'failed', outcome.reason);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = this.wake.filter((w) => w !== done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake.push(done);
    });
  }
}
