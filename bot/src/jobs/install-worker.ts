import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import { backoffMs, type RetryPolicy } from '../domain/delivery/send-outcome.js';
import { TenantPacer } from '../domain/delivery/tenant-pacer.js';
import type { Db, LeaderLocks } from '../storage/db.js';
import { appInstallsRepo, type ClaimedInstall } from '../storage/repos/app-installs.js';
import type { AppInstaller } from '../services/installs/app-installer.js';
import { GraphStopping } from '../services/graph/graph.js';

export interface InstallWorkerOptions {
  db: Db;
  log: Logger;
  /** The tenant whose people Chorus installs the app for (the Graph tenant). */
  tenantId: string;
  /** The bot's app id: the `from` of its cards in the chats it opens. */
  botAppId: string;
  /** Builds the installer for one run, with the run's pace (Graph's limit per app and tenant). */
  installer: (pace: { pace: () => Promise<void>; throttled: (ms: number) => void }) => AppInstaller;
  /** Graph's limit on these endpoints per app and tenant (30 requests/s). */
  rps: number;
  /** People installed at once (each does three requests in a row, each on the pace). */
  concurrency?: number;
  tickMs?: number;
  idleMs?: number;
  /** Crisis mode: nothing new starts in anyone's Teams. */
  held?: () => boolean;
  retry?: RetryPolicy;
  /** Greets someone Chorus was installed for (services/welcome.ts; it sends once per person). */
  welcome?: (personId: string) => Promise<unknown>;
}

const LOCK = 'chorus.install:';
/** Tries before an install that Graph keeps throttling or failing is given up (with backoff up to a minute). */
const INSTALL_RETRY: RetryPolicy = { maxAttempts: 8, baseMs: 1000, maxMs: 60_000 };

/**
 * Installs Chorus for the people announcements wait for (issue 14 §3), one process per
 * tenant at a time (a leader lock, like the card senders), at Graph's pace: every request
 * takes a slot of one TenantPacer, and a 429 holds the whole tenant back for its Retry-After.
 * The app_installs table is the queue, so a restart resumes where it stopped.
 */
export class InstallWorker {
  private readonly repo;
  private running: Promise<void> | undefined;
  private locks: LeaderLocks | undefined;
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private stopping = false;
  private wake: Array<() => void> = [];
  private readonly retry: RetryPolicy;

  constructor(private readonly o: InstallWorkerOptions) {
    this.repo = appInstallsRepo(o.db);
    this.retry = o.retry ?? INSTALL_RETRY;
  }

  start(): void {
    if (this.timer || this.stopping) return;
    const loop = () => {
      this.ticking = this.tick()
        .catch((err: unknown) => this.o.log.error({ err }, 'install tick failed; trying again'))
        .finally(() => {
          if (!this.stopping) this.timer = setTimeout(loop, this.o.tickMs ?? 1_000);
        });
    };
    loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    for (const wake of this.wake.splice(0)) wake();
    await this.ticking;
    await this.running;
    await this.locks?.close();
  }

  /** Leads the tenant's installs when there are any and nobody else does (tests call it). */
  async tick(): Promise<void> {
    if (this.stopping || this.running || this.o.held?.()) return;
    if (!(await this.repo.hasWork(this.o.tenantId))) return;
    if (!this.locks?.alive) this.locks = await this.o.db.leaderLocks();
    const locks = this.locks;
    if (!(await locks.tryTake(LOCK + this.o.tenantId))) return;
    this.running = this.run(locks)
      .catch((err: unknown) => this.o.log.error({ err }, 'installing Chorus for people failed; the next tick goes on'))
      .finally(async () => {
        this.running = undefined;
        await locks.release(LOCK + this.o.tenantId).catch(() => undefined);
      });
  }

  /** Resolves when this process is not installing (tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async run(locks: LeaderLocks): Promise<void> {
    const tenant = this.o.tenantId;
    await this.repo.releaseInHand(tenant);
    const pacer = new TenantPacer(this.o.rps, () => performance.now());
    const active = () => !this.stopping && locks.alive && !this.o.held?.();
    // One request takes its slot at a time, as a card sender does: slots reserved ahead by
    // several installs at once would be planned against a window that has not happened yet,
    // and could put 30 requests into one second.
    let queue: Promise<void> = Promise.resolve();
    const nextSlot = async () => {
      for (let generation = -1; generation !== pacer.generation; ) {
        generation = pacer.generation;
        const wait = pacer.reserve();
        if (wait > 0) await this.sleep(wait);
        // Stopping wakes every sleeper: nothing leaves unpaced, the install goes back.
        if (this.stopping) throw new GraphStopping();
      }
      pacer.sent();
    };
    const installer = this.o.installer({
      pace: () => {
        const slot = queue.then(nextSlot);
        queue = slot.catch(() => undefined);
        return slot;
      },
      throttled: (ms) => pacer.throttle(ms),
    });
    const concurrency = this.o.concurrency ?? 12;
    const inFlight = new Set<Promise<void>>();
    let claimed: ClaimedInstall[] = [];
    try {
      while (active()) {
        claimed = await this.repo.claim(tenant, concurrency);
        if (claimed.length === 0) {
          if (inFlight.size > 0) {
            await Promise.race(inFlight);
            continue;
          }
          if (!(await this.repo.hasWork(tenant))) break;
          await this.sleep(this.o.idleMs ?? 500);
          if (!(await locks.check())) break;
          continue;
        }
        const serviceUrl = await this.repo.serviceUrl(tenant);
        while (claimed.length > 0 && active()) {
          while (inFlight.size >= concurrency) await Promise.race(inFlight);
          const install = claimed.shift() as ClaimedInstall;
          const doing: Promise<void> = this.installOne(install, installer, serviceUrl)
            .catch(async (err: unknown) => {
              if (this.stopping || err instanceof GraphStopping) return this.repo.unclaim([install.personId]);
              this.o.log.error({ err }, 'an install could not be settled; it is tried again');
              return this.repo.retryLater(install.personId, backoffMs(install.attempts, this.retry, Math.random), 'install_error');
            })
            .catch(() => undefined)
            .finally(() => inFlight.delete(doing));
          inFlight.add(doing);
        }
      }
    } finally {
      await Promise.allSettled(inFlight);
      await this.repo.unclaim(claimed.map((c) => c.personId)).catch((err: unknown) => this.o.log.warn({ err }, 'could not put back claimed installs'));
    }
  }

  private async installOne(i: ClaimedInstall, installer: AppInstaller, serviceUrl: string | undefined): Promise<void> {
    if (i.left) return this.repo.failed(i.personId, 'left', 'skipped');
    if (!i.aadObjectId) return this.repo.failed(i.personId, 'install_not_found');
    // Teams gives the address of a tenant's chats only in its activities: someone in the
    // tenant must have used Chorus once (the admin who installs it has).
    if (!serviceUrl) {
      this.o.log.warn('no Teams address known for the tenant yet: installs wait until someone in it opens Chorus');
      return this.repo.failed(i.personId, 'install_no_teams_address');
    }
    const outcome = await installer.install(i.aadObjectId);
    switch (outcome.kind) {
      case 'installed': {
        await this.repo.installed({
          personId: i.personId,
          tenantId: this.o.tenantId,
          chatId: outcome.chatId,
          serviceUrl,
          reference: {
            channelId: 'msteams',
            serviceUrl,
            conversation: { id: outcome.chatId, conversationType: 'personal', tenantId: this.o.tenantId },
            user: { aadObjectId: i.aadObjectId },
            bot: { id: `28:${this.o.botAppId}` },
          },
        });
        // Someone Chorus reaches for the first time is greeted (Teams also tells the bot about
        // the install; a person gets one welcome, ever, however often it is asked for).
        await this.o.welcome?.(i.personId);
        return;
      }
      case 'retry':
        if (i.attempts >= this.retry.maxAttempts) {
          this.o.log.warn({ reason: outcome.reason, attempts: i.attempts }, 'installing Chorus for a person failed: Graph kept refusing for now');
          return this.repo.failed(i.personId, 'install_unavailable');
        }
        return this.repo.retryLater(i.personId, outcome.afterMs ?? backoffMs(i.attempts, this.retry, Math.random), outcome.reason);
      case 'failed': {
        const hint =
          outcome.reason === 'install_forbidden'
            ? ' (is the application permission TeamsAppInstallation.ReadWriteSelfForUser.All granted with admin consent?)'
            : outcome.reason === 'install_not_found'
              ? ' (is TEAMS_APP_CATALOG_ID the app\'s id in the org catalog, and has the person used Teams?)'
              : '';
        this.o.log.warn({ reason: outcome.reason, status: outcome.status }, `installing Chorus for a person failed${hint}`);
        return this.repo.failed(i.personId, outcome.reason);
      }
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
