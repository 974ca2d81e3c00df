import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import { backoffMs, type RetryPolicy } from '../domain/delivery/send-outcome.js';
import { slotTaken, TenantPacer } from '../domain/delivery/tenant-pacer.js';
import type { Db, LeaderLocks } from '../storage/db.js';
import { appInstallsRepo, type ClaimedInstall } from '../storage/repos/app-installs.js';
import type { Config } from '../config.js';
import type { GraphClient } from '../services/graph/graph.js';
import { appInstaller, type AppInstaller } from '../services/installs/app-installer.js';
import { welcomeIn } from '../services/welcome.js';
import { GraphStopping } from '../services/graph/graph.js';
import { Sleeper } from './sleeper.js';

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
  /** Aborted when Chorus stops: no install starts any more (before stop() is called). */
  signal?: AbortSignal;
  retry?: RetryPolicy;
  /** Greets someone Chorus was installed for (services/welcome.ts; it sends once per person). */
  welcome?: (personId: string) => Promise<unknown>;
  /** How long the cards of someone just installed wait, so their welcome goes first (5 s). */
  welcomeFirstMs?: number;
}

const LOCK = 'chorus.install:';
/** Tries before an install Graph keeps failing is given up (with backoff up to a minute); 429s do not count. */
const INSTALL_RETRY: RetryPolicy = { maxAttempts: 8, baseMs: 1000, maxMs: 60_000 };
const HINTS: Record<string, string> = {
  install_forbidden: ' (is the application permission TeamsAppInstallation.ReadWriteSelfForUser.All granted with admin consent?)',
  install_not_found: " (is TEAMS_APP_CATALOG_ID the app's id in the org catalog, and has the person used Teams?)",
};

/**
 * Installs Chorus for the people announcements wait for (issue 14 §3), one process per
 * tenant at a time (a leader lock, like the card senders), at Graph's pace: every request
 * takes a slot of one TenantPacer, in turn, and a 429 holds the whole tenant back for its
 * Retry-After. The app_installs table is the queue, so a restart resumes where it stopped.
 */
export class InstallWorker {
  private readonly repo;
  private running: Promise<void> | undefined;
  private locks: LeaderLocks | undefined;
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private stopping = false;
  private readonly sleeper = new Sleeper();
  private readonly retry: RetryPolicy;
  /** Reasons already explained in the log with their hint (once per process, not per person). */
  private readonly hinted = new Set<string>();

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
    this.sleeper.wakeAll();
    await this.ticking;
    await this.running;
    await this.locks?.close();
  }

  /** Leads the tenant's installs when there are any and nobody else does (tests call it). */
  async tick(): Promise<void> {
    if (!this.active() || this.running) return;
    const rested = await this.repo.rest(this.o.tenantId);
    if (rested > 0) this.o.log.info({ installs: rested }, 'installs nobody waits for any more were set aside');
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

  private active(): boolean {
    return !this.stopping && !this.o.signal?.aborted && !this.o.held?.();
  }

  private async run(locks: LeaderLocks): Promise<void> {
    const tenant = this.o.tenantId;
    await this.repo.releaseInHand(tenant);
    // Teams gives the address of a tenant's chats only in its activities: someone in the
    // tenant must have used Chorus once (the admin who rolls it out has). Until then nothing
    // can be delivered there: the waiting deliveries fail with that reason, said once.
    const serviceUrl = await this.repo.serviceUrl(tenant);
    if (!serviceUrl) {
      const failed = await this.repo.failAll('install_no_teams_address', tenant);
      this.o.log.warn({ deliveries: failed }, 'no Teams address known for the tenant yet (nobody in it has used Chorus): deliveries that waited for an install failed');
      return;
    }
    const pacer = new TenantPacer(this.o.rps, () => performance.now());
    const active = () => this.active() && locks.alive;
    // One request takes its slot at a time, as a card sender does: slots reserved ahead by
    // several installs at once would be planned against a window that has not happened yet,
    // and could put 30 requests into one second.
    let queue: Promise<void> = Promise.resolve();
    const nextSlot = async () => {
      // Stopping: nothing leaves unpaced; the install goes back.
      if (!(await slotTaken(pacer, (ms) => this.sleeper.sleep(ms), active))) throw new GraphStopping();
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
          // Nothing due, nothing in hand, yet installs wait: some may be held by a try that
          // could not be settled (the database went away meanwhile). Free them.
          await this.repo.releaseInHand(tenant);
          await this.sleeper.sleep(this.o.idleMs ?? 500);
          if (!(await locks.check())) break;
          continue;
        }
        while (claimed.length > 0 && active()) {
          while (inFlight.size >= concurrency) await Promise.race(inFlight);
          const install = claimed.shift() as ClaimedInstall;
          const doing: Promise<void> = this.installOne(install, installer, serviceUrl)
            .catch(async (err: unknown) => {
              if (!this.active() || err instanceof GraphStopping) return this.repo.unclaim([install.personId]);
              this.o.log.error({ err }, 'an install could not be settled; it is tried again');
              return this.repo.retryLater(install.personId, backoffMs(install.attempts, this.retry, Math.random), 'install_error');
            })
            // Not even that could be written: the row stays claimed until the next pass frees it.
            .catch((err: unknown) => this.o.log.warn({ err }, 'could not put an install back; it is freed on the next pass'))
            .finally(() => inFlight.delete(doing));
          inFlight.add(doing);
        }
      }
    } finally {
      await Promise.allSettled(inFlight);
      await this.repo.unclaim(claimed.map((c) => c.personId)).catch((err: unknown) => this.o.log.warn({ err }, 'could not put back claimed installs'));
    }
  }

  private async installOne(i: ClaimedInstall, installer: AppInstaller, serviceUrl: string): Promise<void> {
    if (i.left) return this.repo.failed(i.personId, 'left', 'skipped');
    if (!i.aadObjectId) return this.repo.failed(i.personId, 'install_not_found');
    const outcome = await installer.install(i.aadObjectId);
    switch (outcome.kind) {
      case 'installed': {
        const moved = await this.repo.installed({
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
          holdMs: this.o.welcome ? (this.o.welcomeFirstMs ?? 5_000) : 0,
        });
        if (typeof moved === 'object') {
          // A chat Chorus knows as someone else's, or one the person blocked or left.
          this.o.log.warn({ reason: moved.refused }, 'Graph named a chat Chorus may not use for this person');
          return this.repo.failed(i.personId, moved.refused, moved.refused === 'install_bad_answer' ? 'failed' : 'skipped');
        }
        // Someone Chorus reaches for the first time is greeted before their cards come (Teams
        // also tells the bot about the install; a person gets one welcome, ever).
        await this.o.welcome?.(i.personId);
        return;
      }
      case 'retry': {
        const throttled = outcome.reason === 'install_throttled';
        if (!throttled && i.attempts >= this.retry.maxAttempts) {
          this.o.log.warn({ reason: outcome.reason, attempts: i.attempts }, 'installing Chorus for a person failed: Graph kept failing');
          return this.repo.failed(i.personId, 'install_unavailable');
        }
        return this.repo.retryLater(i.personId, outcome.afterMs ?? backoffMs(i.attempts, this.retry, Math.random), outcome.reason, !throttled);
      }
      case 'failed': {
        const first = !this.hinted.has(outcome.reason);
        this.hinted.add(outcome.reason);
        this.o.log.warn({ reason: outcome.reason, status: outcome.status }, `installing Chorus for a person failed${first ? (HINTS[outcome.reason] ?? '') : ''}`);
        return this.repo.failed(i.personId, outcome.reason);
      }
    }
  }
}

/** Graph's limit for the app-install endpoints: 30 requests/s per app and tenant (teams-platform.md). */
const GRAPH_INSTALL_RPS = 30;

/**
 * The install worker of a worker process with PROACTIVE_INSTALL on (and Graph access). Off,
 * there is none — and deliveries still waiting for an install (the feature was on before this
 * start) fail with `install_off`, or their announcements would stay sending forever.
 */
export async function installWorkerFor(
  config: Pick<Config, 'proactiveInstall' | 'directory' | 'bot'>,
  o: Pick<InstallWorkerOptions, 'db' | 'log' | 'held' | 'signal'> & Partial<InstallWorkerOptions> & { graph: GraphClient | undefined },
): Promise<InstallWorker | undefined> {
  const { graph, ...options } = o;
  const catalogId = config.proactiveInstall?.catalogId;
  if (!graph || !config.directory || !catalogId) {
    const abandoned = await appInstallsRepo(o.db).failAll('install_off', null);
    if (abandoned > 0) o.log.warn({ deliveries: abandoned }, 'PROACTIVE_INSTALL is off: deliveries that waited for an install failed');
    return undefined;
  }
  return new InstallWorker({
    tenantId: config.directory.tenantId,
    botAppId: config.bot.appId,
    installer: (pace) => appInstaller({ graph, catalogId, ...pace }),
    rps: GRAPH_INSTALL_RPS,
    welcome: (personId) => welcomeIn(o.db, personId, 'install'),
    ...options,
  });
}
