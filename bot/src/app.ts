import path from 'node:path';
import type { Server } from 'restify';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { itemsService } from './domain/items/items-service.js';
import { devAuthenticator } from './http/auth/dev-identity.js';
import { entraAuthenticator } from './http/auth/entra-identity.js';
import type { Authenticator } from './http/auth/identity.js';
import type { HttpContext } from './http/context.js';
import { adminItemRoutes } from './http/routes/admin-items.js';
import { devRoutes } from './http/routes/dev.js';
import { feedRoutes } from './http/routes/feed.js';
import { benchBaselineRoutes } from './http/bench-baseline.js';
import { healthRoutes } from './http/routes/health.js';
import { linkRoutes } from './http/routes/links.js';
import { meRoutes } from './http/routes/me.js';
import { messageRoutes } from './http/routes/messages.js';
import { sharePageRoutes } from './http/routes/share-page.js';
import { tabRoutes } from './http/routes/tab.js';
import { createRestify, guardRequests } from './http/server.js';
import { endpointRouter } from './http/serve.js';
import { projectRoot } from './paths.js';
import type { Db, Queryable } from './storage/db.js';
import type { EventProcessor } from './domain/events/domain-event.js';
import { eventProcessingJob } from './jobs/event-processing.js';
import { openDatabase } from './storage/open-database.js';
import { migrate, pendingMigrations } from './storage/migrate.js';
import { ClickRecorder, linksRepo } from './storage/repos/clicks.js';
import { ReaderKeys } from './storage/repos/readers.js';
import { impactRepo } from './storage/repos/impact.js';
import { impactRoutes } from './http/routes/impact.js';
import { systemClock, type Clock } from './domain/time/clock.js';
import { itemsRepo } from './storage/repos/items.js';
import { audienceDirectory, peopleRepo } from './storage/repos/people.js';
import { sharingRepo } from './storage/repos/sharing.js';
import { topicsRepo } from './storage/repos/topics.js';
import { seedDemo } from './storage/seed-demo.js';
import { createAdapter } from './teams/adapter.js';
import { botReplies } from './teams/bot-replies.js';
import { ChorusBot } from './teams/chorus-bot.js';
import { conversationsRepo } from './storage/repos/conversations.js';
import { announcementsRepo } from './storage/repos/announcements.js';
import { adminAnnouncementRoutes } from './http/routes/admin-announcements.js';
import { DeliveryWorker, type DeliveryWorkerOptions } from './jobs/delivery-worker.js';
import { deliveryRenderer } from './jobs/render-delivery.js';
import { botTokenSource, connectorClient } from './teams/connector-client.js';
import { CrisisWatch } from './jobs/crisis-watch.js';
import { crisisRepo } from './storage/repos/crisis.js';
import { crisisRoutes } from './http/routes/crisis.js';
import { guidelineRoutes } from './http/routes/guidelines.js';
import { thanksRoutes } from './http/routes/thanks.js';
import { trainingRoutes } from './http/routes/trainings.js';
import { trainingsRepo } from './storage/repos/trainings.js';
import { trainingsServiceFor } from './services/trainings.js';
import { announcementsServiceFor } from './services/announcements.js';
import { onboardingRoutes } from './http/routes/onboarding.js';
import { campaignRoutes } from './http/routes/campaigns.js';
import { campaignsServiceFor } from './services/campaigns.js';
import { campaignsRepo } from './storage/repos/campaigns.js';
import { tabLinks } from './domain/tab-links.js';
import { guidelinesService } from './domain/guidelines/guidelines-service.js';
import { guidelinesRepo } from './storage/repos/guidelines.js';
import { crisisServiceFor } from './services/crisis.js';
import { onboardingServiceFor } from './services/onboarding.js';
import { welcomesFor } from './services/welcome.js';
import { crisisInstructions } from './http/pages/crisis-page.js';
import { JobRunner, type JobRunnerOptions } from './jobs/job-runner.js';
import { chorusJobs, type PlannerOptions } from './jobs/planners.js';
import { jobsRepo } from './storage/repos/jobs.js';
import { adminJobRoutes } from './http/routes/admin-jobs.js';
import { adminDirectoryRoutes } from './http/routes/admin-directory.js';
import { directorySync } from './services/directory/directory-sync.js';
import { graphFor } from './services/graph/graph-for.js';
import { directoryRepo } from './storage/repos/directory.js';
import { installWorkerFor, type InstallWorker, type InstallWorkerOptions } from './jobs/install-worker.js';
import { chorusKinds, type KindRegistry } from './notifications/registry.js';
import { pointsRoutes } from './http/routes/points.js';
import { analyticsRoutes } from './http/routes/analytics.js';
import { AnalyticsCache } from './services/analytics-cache.js';
import { analyticsService } from './services/analytics.js';
import { analyticsProcessor } from './storage/repos/analytics-rollup.js';
import { readReceiptsRepo } from './storage/repos/read-receipts.js';
import type { CampaignWindows } from './domain/points/my-settings.js';
import { campaignWindows } from './storage/repos/campaigns.js';
import { pointsRepo } from './storage/repos/points.js';
import { boardCacheFor } from './storage/repos/board-cache.js';
import { pointsProcessor, recomputePoints } from './storage/repos/points-ledger.js';
import { settingsRepo } from './storage/repos/settings.js';
import { conversionRoutes } from './http/routes/conversions.js';
import { conversionsServiceFor } from './services/conversions.js';

export interface App {
  server: Server;
  db: Db;
  /** The delivery worker, when this process runs one (config WORKER). */
  worker: DeliveryWorker | undefined;
  /** Installs Chorus for people announcements wait for (PROACTIVE_INSTALL), in worker processes. */
  installs: InstallWorker | undefined;
  /** The job runner (planners and other background work), in worker processes too. */
  jobs: JobRunner | undefined;
  /** Where the server listens, once listen() resolved. */
  url: string;
  listen(): Promise<string>;
  /** Graceful: stop accepting, finish in-flight requests and sends, flush clicks, close the database. */
  close(): Promise<void>;
}

/** The composition root. `db` may be passed in (tests); otherwise it is opened from config. */
export interface AppOptions {
  db?: Db;
  /** Tests: a faster tick, another connector. */
  worker?: Partial<Omit<DeliveryWorkerOptions, 'db' | 'log'>>;
  installs?: Partial<Pick<InstallWorkerOptions, 'tickMs' | 'idleMs' | 'retry' | 'concurrency' | 'rps'>>;
  /** More processors of domain events than Chorus's own (points), run by worker processes. */
  eventProcessors?: ReadonlyArray<EventProcessor<Queryable>>;
  /** Where campaigns' time windows come from (the leaderboard's `period=campaign`); campaigns wire it. */
  campaigns?: CampaignWindows;
  /** Tests: more notification kinds than Chorus's own (a kind added by a test). */
  kinds?: KindRegistry;
  /** Tests: a faster poll, faster planners, another clock. */
  jobs?: Partial<Pick<JobRunnerOptions, 'pollMs' | 'clock' | 'leaseMs'>> & Pick<PlannerOptions, 'everyMs'>;
  /** Tests: the time clicks are counted at and My impact's "today" (default: the jobs' clock, else the system's). */
  clock?: Clock;
}

export async function createApp(config: Config, log: Logger, options: AppOptions = {}): Promise<App> {
  const db = options.db ?? (await openDatabase(config));
  const { applied, fresh } = await migrate(db);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const seed = config.seedDemo ?? (fresh && config.auth.mode === 'dev');
  if (seed && fresh) {
    await seedDemo(db, config.publicUrl, new Date(), config.timeZone);
    log.info('demo content seeded');
  }

  const people = peopleRepo(db);
  const topics = topicsRepo(db);
  const items = itemsRepo(db);
  const auth: Authenticator =
    config.auth.mode === 'dev'
      ? devAuthenticator(people)
      : entraAuthenticator(people, {
          ...config.auth.entra,
          adminRole: config.auth.adminRole,
          adminGroupId: config.auth.adminGroupId,
          editorRole: config.auth.editorRole,
          analystRole: config.auth.analystRole,
          publicHost: new URL(config.publicUrl).host,
        });
  const clock = options.clock ?? options.jobs?.clock ?? systemClock;
  // Directory sync from Graph (issue 14 §1), when the bot's app can reach it.
  const stopping = new AbortController();
  const graph = graphFor(config.directory, { clock, signal: stopping.signal });
  const directory = config.directory && graph
    ? directorySync({
        db,
        log,
        now: () => new Date(clock.now()),
        tenantId: config.directory.tenantId,
        ...(config.directory.groupId ? { groupId: config.directory.groupId } : {}),
        graph,
      })
    : undefined;
  // Installing Chorus for people announcements would not reach otherwise (issue 14 §3).
  const installTenant = config.proactiveInstall && config.directory ? config.directory.tenantId : null;
  // The leaderboard: ranked once per period and reused (new points show within the refresh time).
  boardCacheFor(db, { refreshMs: config.leaderboardRefreshSeconds * 1000, now: () => clock.now() });
  // Unique readers: the day keys live in memory, so a redirect never waits for them.
  const readerKeys = new ReaderKeys(db, {
    timeZone: config.timeZone,
    clock,
    onError: (err) => log.warn({ err }, 'loading the day keys for unique readers failed; readers are not counted until it works'),
  });
  await readerKeys.start();
  const clicks = new ClickRecorder(db, {
    intervalMs: 100,
    onError: (err) => log.error({ err }, 'storing clicks failed; will retry'),
    readers: readerKeys,
  });
  const kinds = options.kinds ?? chorusKinds;
  const crisis = crisisRepo(db);
  // The rules of onboarding, guidelines and the crisis switch, bound to storage and the send queue.
  const urlPolicy = { allowHttpLocalhost: config.env !== 'production' };
  const onboardingService = onboardingServiceFor(db, { newHireDays: config.onboardingDays, urlPolicy });
  const crisisService = crisisServiceFor(db, { updateDays: config.crisisUpdateDays, urlPolicy, kinds });
  const tabLink = tabLinks(config.publicUrl, config.teamsAppId);
  const announcements = announcementsRepo(db, { paceRps: config.teamsRateLimitRps, explain: (kind, payload) => kinds.view(kind, payload) });
  const crisisWatch = new CrisisWatch(crisis, log);
  await crisisWatch.start();
  let draining = false;
  const root = projectRoot();
  const ctx: HttpContext = {
    config,
    log,
    db,
    auth,
    people,
    topics,
    items,
    itemsService: itemsService({
      items,
      topics,
      audiences: audienceDirectory(people),
      urlPolicy: { allowHttpLocalhost: config.env !== 'production' },
      now: () => new Date(),
    }),
    sharing: sharingRepo(db),
    crisisService,
    guidelinesService: guidelinesService({ store: guidelinesRepo(db) }),
    onboardingService,
    // Disclosure applies while points are on (or a running campaign has a prize).
    campaignsService: campaignsServiceFor(db, { points: { pointsOn: async () => (await pointsRepo(db).rules()).enabled } }),
    campaigns: campaignsRepo(db),
    links: linksRepo(db),
    clicks,
    impact: impactRepo(db, config.timeZone),
    clock,
    announcements,
    announcementsService: announcementsServiceFor(db, announcements),
    crisisWatch,
    trainings: trainingsRepo(db),
    trainingsService: trainingsServiceFor(db, { urlPolicy: { allowHttpLocalhost: config.env !== 'production' } }),
    jobs: jobsRepo(db),
    points: {
      repo: pointsRepo(db),
      recompute: () => recomputePoints(db),
      campaigns: options.campaigns ?? campaignWindows(db),
      now: () => new Date(clock.now()),
    },
    settings: settingsRepo(db),
    analytics: analyticsService(db, {
      timeZone: config.timeZone,
      now: () => clock.now(),
      cache: new AnalyticsCache({
        refreshMs: config.analyticsRefreshSeconds * 1000,
        now: () => clock.now(),
        onRefreshError: (err) => log.warn({ err }, 'refreshing an analytics answer failed; the older one is still shown'),
      }),
    }),
    conversions: conversionsServiceFor(db, { timeZone: config.timeZone }),
    directory: {
      sync: directory,
      repo: directoryRepo(db),
      everyMinutes: config.directory?.everyMinutes ?? 0,
      groupId: config.directory?.groupId,
      now: () => new Date(clock.now()),
    },
    ready: async () => !draining && (await db.query('select 1')).length === 1 && (await pendingMigrations(db)).length === 0,
    paths: { tab: path.join(root, 'dist', 'tab'), public: path.join(root, 'bot', 'public') },
  };

  const server = createRestify(log);
  healthRoutes(server, ctx);
  const bot = new ChorusBot({
    people,
    conversations: conversationsRepo(db),
    replies: botReplies(db, config.publicUrl, ctx.trainingsService, (lang) => {
      const state = crisisWatch.current();
      return state?.active
        ? { instructions: crisisInstructions(state, lang), statementUrl: state.statementUrl, spokesperson: state.spokesperson, crisisPageUrl: tabLink('crisis') }
        : undefined;
    }, tabLink),
    welcome: welcomesFor(db).welcome,
    botAppId: config.bot.appId,
    tenantIds: [...new Set([...config.auth.entra.tenantIds, ...(config.bot.tenantId ? [config.bot.tenantId] : [])])],
    readReceipts: readReceiptsRepo(db),
    log,
  });
  messageRoutes(server, createAdapter(config, log), bot, { appId: config.bot.appId });
  // JSON endpoints are registered from their declarations (http/contract/endpoints).
  const route = endpointRouter(server, ctx);
  devRoutes(route, ctx);
  meRoutes(route, ctx);
  feedRoutes(route, ctx);
  adminItemRoutes(route, ctx);
  adminAnnouncementRoutes(route, ctx);
  adminJobRoutes(route, ctx);
  adminDirectoryRoutes(route, ctx);
  crisisRoutes(route, ctx);
  guidelineRoutes(route, ctx);
  thanksRoutes(route, ctx);
  trainingRoutes(route, ctx);
  onboardingRoutes(route, ctx);
  pointsRoutes(route, ctx);
  analyticsRoutes(route, ctx);
  campaignRoutes(route, ctx);
  impactRoutes(route, ctx);
  conversionRoutes(route, ctx);
  benchBaselineRoutes(route, ctx);
  route.checkAllServed();
  sharePageRoutes(server, ctx);
  guardRequests(server, log, linkRoutes(server, ctx).fastPath);
  tabRoutes(server, ctx);

  const worker = config.worker
    ? new DeliveryWorker({
        db,
        log,
        connector: connectorClient(botTokenSource(config)),
        render: deliveryRenderer(db, config.publicUrl, { crisis: () => crisis.state(), tabLink, kinds, newHireDays: config.onboardingDays }),
        kinds,
        rps: config.teamsRateLimitRps,
        held: () => crisisWatch.active,
        installTenant,
        ...options.worker,
      })
    : undefined;
  if (worker) ctx.nudgeWorker = () => worker.nudge();
  const installs = config.worker
    ? await installWorkerFor(config, { db, log, graph, held: () => crisisWatch.active, signal: stopping.signal, ...options.installs })
    : undefined;
  // Background work runs where cards are sent (the worker role), apart from the sender.
  const { everyMs, ...runnerOptions } = options.jobs ?? {};
  const jobs = config.worker
    ? new JobRunner({
        db,
        log,
        jobs: [
          ...chorusJobs({ db, digest: config.digest, results: config.results, held: () => crisisWatch.active, onboardingDays: config.onboardingDays, timeZone: config.timeZone, everyMs }),
          eventProcessingJob(db, [pointsProcessor, analyticsProcessor(config.timeZone), ...(options.eventProcessors ?? [])]),
          {
            // One round at a time across processes (a lease); a round that failed is tried again next time.
            name: 'directory-sync',
            schedule: directory && config.directory && config.directory.everyMinutes > 0 ? { everyMs: config.directory.everyMinutes * 60_000 } : null,
            async run() {
              await directory?.round();
            },
          },
        ],
        ...runnerOptions,
      })
    : undefined;

  const app: App = {
    server,
    db,
    worker,
    installs,
    jobs,
    url: '',
    listen: () =>
      new Promise((resolve, reject) => {
        // Only for the listen itself: restify also emits 'error' for handler errors
        // named "error" (database errors are), and a stale listener would swallow them.
        const failed = (err: Error) => reject(err);
        server.once('error', failed);
        server.listen(config.port, config.host, () => {
          server.removeListener('error', failed);
          const address = server.address();
          app.url = `http://127.0.0.1:${address.port}`;
          worker?.start();
          installs?.start();
          (jobs?.start() ?? Promise.resolve()).then(() => resolve(app.url), reject);
        });
      }),
    async close() {
      draining = true;
      // A directory round waiting for Graph (throttled, unreachable) ends now, not in 15 minutes.
      stopping.abort();
      const http = server.server;
      if (http.listening) {
        // Stop accepting; let requests in flight finish (idle keep-alive sockets close at
        // once, busy ones after their response); cut off stragglers after 10 s.
        const closed = new Promise<void>((resolve) => http.close(() => resolve()));
        http.closeIdleConnections();
        const force = setTimeout(() => http.closeAllConnections(), 10_000);
        await closed;
        clearTimeout(force);
      }
      crisisWatch.stop();
      readerKeys.stop();
      try {
        await jobs?.stop();
        await installs?.stop();
        await worker?.stop();
        await clicks.close();
        if (clicks.readersUncounted > 0) log.warn({ clicks: clicks.readersUncounted }, 'clicks whose unique reader was not counted (no day key was loaded)');
      } finally {
        await db.close();
      }
    },
  };
  return app;
}
