import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { ItemsService } from '../domain/items/items-service.js';
import type { Db } from '../storage/db.js';
import type { AnnouncementsRepo } from '../storage/repos/announcements.js';
import type { AnnouncementsService } from '../domain/announcements/announcements-service.js';
import type { TrainingsRepo } from '../storage/repos/trainings.js';
import type { TrainingsService } from '../domain/trainings/trainings-service.js';
import type { CrisisService } from '../domain/crisis/crisis-service.js';
import type { GuidelinesService } from '../domain/guidelines/guidelines-service.js';
import type { OnboardingService } from '../domain/onboarding/onboarding-service.js';
import type { CampaignsService } from '../domain/campaigns/campaigns-service.js';
import type { CampaignsRepo } from '../storage/repos/campaigns.js';
import type { JobsRepo } from '../storage/repos/jobs.js';
import type { CrisisWatch } from '../jobs/crisis-watch.js';
import type { ClickRecorder, linksRepo } from '../storage/repos/clicks.js';
import type { ItemsRepo } from '../storage/repos/items.js';
import type { PeopleRepo } from '../storage/repos/people.js';
import type { SharingRepo } from '../storage/repos/sharing.js';
import type { TopicsRepo } from '../storage/repos/topics.js';
import type { Authenticator } from './auth/identity.js';
import type { CampaignWindows } from '../domain/points/my-settings.js';
import type { PointsRepo } from '../storage/repos/points.js';
import type { SettingsRepo } from '../storage/repos/settings.js';
import type { Clock } from '../domain/time/clock.js';
import type { ImpactRepo } from '../storage/repos/impact.js';
import type { AnalyticsService } from '../services/analytics.js';
import type { DirectorySync } from '../services/directory/directory-sync.js';
import type { DirectoryRepo } from '../storage/repos/directory.js';
import type { ConversionsService } from '../services/conversions.js';

/** Everything a route may use; built once in app.ts. */
export interface HttpContext {
  config: Config;
  log: Logger;
  db: Db;
  auth: Authenticator;
  people: PeopleRepo;
  topics: TopicsRepo;
  items: ItemsRepo;
  itemsService: ItemsService;
  sharing: SharingRepo;
  links: ReturnType<typeof linksRepo>;
  clicks: ClickRecorder;
  /** My impact: one person's shares, clicks and readers over a period. */
  impact: ImpactRepo;
  /** What time it is (tests: a manual clock); the tracked link and My impact read it. */
  clock: Clock;
  announcements: AnnouncementsRepo;
  announcementsService: AnnouncementsService;
  trainings: TrainingsRepo;
  trainingsService: TrainingsService;
  /** The background jobs' state (every instance reads it; worker processes run them). */
  jobs: JobsRepo;
  /** This instance's view of the crisis switch (refreshed 4× a second). */
  crisisWatch: CrisisWatch;
  /** The rules of the crisis switch, guidelines and onboarding (domain services, bound in services/). */
  crisisService: CrisisService;
  guidelinesService: GuidelinesService;
  onboardingService: OnboardingService;
  campaignsService: CampaignsService;
  /** Running campaigns covering an item (the share page's banner). */
  campaigns: CampaignsRepo;
  /** This process's delivery worker, if it runs one: told when urgent cards were queued. */
  nudgeWorker?: () => void;
  /** Points and the leaderboard: rules, ledgers, the board, recomputing; campaigns' windows; the time. */
  points: { repo: PointsRepo; recompute: () => Promise<{ events: number; entries: number }>; campaigns: CampaignWindows; now: () => Date };
  /** Conversions reported by signed sources, and the sources and their secrets. */
  conversions: ConversionsService;
  /** My settings (the preferences the bot's settings card writes too). */
  settings: SettingsRepo;
  /** The content team's dashboard: aggregates over groups of at least the minimum group. */
  analytics: AnalyticsService;
  /** Directory sync from Graph: undefined `sync` when it is not set up. */
  directory: { sync: DirectorySync | undefined; repo: DirectoryRepo; everyMinutes: number; groupId: string | undefined; now: () => Date };
  ready: () => Promise<boolean>;
  paths: { tab: string; public: string };
}
