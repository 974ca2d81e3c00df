// The only reader of process.env. Every setting is parsed once at start-up; every problem
// is reported on its own line, and start-up stops when there is any.
import { z } from 'zod';
import { checkDigestSchedule, type DigestSchedule } from './domain/jobs/digest-schedule.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const csv = z
  .string()
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean));

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  MicrosoftAppId: z.string().default(''),
  MicrosoftAppPassword: z.string().default(''),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  MicrosoftAppTenantId: z.string().default(''),
  // Where botbuilder reads the Bot Framework's signing keys for channel tokens (its OpenID
  // metadata document). Production keeps botbuilder's default; tests point it at a fake on
  // loopback.
  BOT_OPENID_METADATA_URL: z.url({ protocol: /^https?$/ }).optional(),
  AUTH_MODE: z.enum(['dev', 'entra']).optional(),
  ENTRA_CLIENT_ID: z.string().default(''),
  ENTRA_TENANT_IDS: csv.default([]),
  // Not in Entra's own config vocabulary: lets tests point token validation at a fake
  // Entra on loopback. Production keeps the default.
  ENTRA_AUTHORITY_HOST: z.url({ protocol: /^https?$/ }).default('https://login.microsoftonline.com'),
  ADMIN_ROLE: z.string().min(1).default('Chorus.Admin'),
  ADMIN_GROUP_ID: z.string().default(''),
  // Entra app roles for the editor (content) and analyst (aggregates) roles; see domain/permissions.
  EDITOR_ROLE: z.string().min(1).default('Chorus.Editor'),
  ANALYST_ROLE: z.string().min(1).default('Chorus.Analyst'),
  TEAMS_RATE_LIMIT_RPS: z.coerce.number().positive().max(1000).default(50),
  // This process also sends cards (the delivery worker); false: a web-only instance.
  WORKER: bool.default(true),
  // Cron pattern (minute hour day month weekday) in TENANT_TIME_ZONE; "off": no digests.
  DIGEST_SCHEDULE: z.string().trim().min(1).default('0 9 * * 1'),
  TENANT_TIME_ZONE: z.string().trim().min(1).default('Europe/Berlin'),
  // Personal results cards: a cron pattern in TENANT_TIME_ZONE (default: the 1st of each
  // month, 09:00, covering the month before); "off": none.
  RESULTS_SCHEDULE: z.string().trim().min(1).default('0 9 1 * *'),
  // Crisis switch: cards delivered within this many days are updated in place; 0: none.
  CRISIS_UPDATE_DAYS: z.coerce.number().int().min(0).max(90).default(14),
  // The Teams app id (the manifest's id): card buttons open tab pages inside Teams.
  TEAMS_APP_ID: z.string().trim().regex(/^[0-9a-f-]{36}$/i, 'must be the Teams app id (a GUID)').optional(),
  // A person counts as a new hire this many days after joining (or first contact).
  ONBOARDING_DAYS: z.coerce.number().int().min(1).max(365).default(60),
  // Proxies in front of Chorus that append to X-Forwarded-For (Azure App Service: 1); 0: none.
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  // The leaderboard is ranked once and read by many: new points show within this many
  // seconds (0: with the next request). Opting in or out and new names always show at once.
  LEADERBOARD_REFRESH_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  // The analytics dashboard's answers are computed once and served for this many seconds
  // (then served while one recomputation runs); 0: computed on every request.
  ANALYTICS_REFRESH_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  // Directory sync from Microsoft Graph (issue 14): every this many minutes (0: off); only
  // this group's members when a group id is given. Needs MicrosoftAppId with a secret or the
  // App Service managed identity, and the Graph application permission User.Read.All.
  DIRECTORY_SYNC_MINUTES: z.coerce.number().int().min(0).max(1440).default(30),
  DIRECTORY_GROUP_ID: z.string().regex(/^[0-9a-fA-F-]{36}$/, 'must be a group object id').optional(),
  // Graph's address (tests: a fake on loopback). Links Graph returns to any other host are refused.
  GRAPH_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://graph.microsoft.com/v1.0'),
  // Issue 14 §3: install Chorus through Graph for people of an item's or a session's audience
  // who never opened it, then deliver (needs what the directory sync needs, the application
  // permission TeamsAppInstallation.ReadWriteSelfForUser.All, and the app's id in the org
  // catalog — not the manifest id).
  PROACTIVE_INSTALL: bool.default(false),
  TEAMS_APP_CATALOG_ID: z.string().trim().regex(/^[0-9A-Za-z-]{1,100}$/, "must be the app's id in the Teams app catalog").optional(),
  IDENTITY_ENDPOINT: z.url().optional(),
  IDENTITY_HEADER: z.string().optional(),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  SEED_DEMO: bool.optional(),
  // Benchmarks only (npm run bench -- feed): serves GET /api/v1/bench/fixed-feed, a fixed
  // feed page through the same server. Refused when NODE_ENV=production.
  BENCH_BASELINE: bool.default(false),
});

export type AuthMode = 'dev' | 'entra';

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  bot: { appId: string; appPassword: string; appType: string; tenantId: string; openIdMetadataUrl: string | undefined };
  auth: {
    mode: AuthMode;
    entra: { clientId: string; tenantIds: string[]; authorityHost: string };
    adminRole: string;
    adminGroupId: string;
    editorRole: string;
    analystRole: string;
  };
  teamsRateLimitRps: number;
  /** Whether this process runs the delivery worker. */
  worker: boolean;
  /** null: digests are off. */
  digest: DigestSchedule | null;
  /** null: results cards are off. */
  results: DigestSchedule | null;
  timeZone: string;
  /** Cards delivered within this many days are updated in place on a crisis switch. */
  crisisUpdateDays: number;
  /** A person counts as a new hire this many days after joining (or first contact). */
  onboardingDays: number;
  /** The Teams app id, for deep links into the tab; undefined: plain web links. */
  teamsAppId: string | undefined;
  /** Proxies in front that append to X-Forwarded-For: the reader's address is the one the outermost saw. */
  trustProxyHops: number;
  /** New points show on the leaderboard within this many seconds; membership changes at once. */
  leaderboardRefreshSeconds: number;
  /** The analytics dashboard's numbers are at most this many seconds (plus one computation) old. */
  analyticsRefreshSeconds: number;
  logLevel: (typeof logLevels)[number];
  /**
   * Directory sync, when the bot's app can reach Graph: every `everyMinutes` (0: only when an
   * admin asks), the tenant's users or one group's. null: not configured.
   */
  directory: {
    everyMinutes: number;
    groupId: string | undefined;
    graphBaseUrl: string;
    tenantId: string;
    credential: { kind: 'secret'; clientId: string; secret: string; authorityHost: string } | { kind: 'managedIdentity'; clientId: string; endpoint: string; header: string };
  } | null;
  /**
   * Installing the app for people an announcement would not reach otherwise (PROACTIVE_INSTALL),
   * through the directory's Graph access; null: off.
   */
  proactiveInstall: { catalogId: string } | null;
  /** undefined: decide at start-up (seed when the database is new and auth is dev). */
  seedDemo: boolean | undefined;
  /** Benchmarks only: serve the fixed-page baseline next to the feed (never in production). */
  benchBaseline: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const isLoopbackHost = (host: string) =>
  host === 'localhost' || host === '127.0.0.1' || host === '[::1]' || host.endsWith('.localhost');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings from .env files mean "not set".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const production = e.NODE_ENV === 'production';
  const authMode: AuthMode = e.AUTH_MODE ?? (production ? 'entra' : 'dev');
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT || 3978}`).replace(/\/+$/, '');
  const publicHost = new URL(publicUrl).hostname;

  if (production && authMode === 'dev') problems.push('AUTH_MODE: dev identity is refused when NODE_ENV=production');
  if (production && !e.MicrosoftAppId) problems.push('MicrosoftAppId: required when NODE_ENV=production');
  if (production && !e.PUBLIC_URL) problems.push('PUBLIC_URL: required when NODE_ENV=production (the https address Teams and readers reach Chorus at)');
  else if (production && !publicUrl.startsWith('https://')) problems.push('PUBLIC_URL: must be https when NODE_ENV=production');
  if (production && e.BOT_OPENID_METADATA_URL && !e.BOT_OPENID_METADATA_URL.startsWith('https://')) problems.push('BOT_OPENID_METADATA_URL: must be https when NODE_ENV=production');
  if (production && e.BENCH_BASELINE) problems.push('BENCH_BASELINE: the benchmark baseline is refused when NODE_ENV=production');
  if (authMode === 'dev' && !isLoopbackHost(publicHost)) {
    problems.push(`AUTH_MODE: dev identity is only allowed when PUBLIC_URL is on localhost (got ${publicHost})`);
  }
  if (authMode === 'entra' && !e.ENTRA_CLIENT_ID) problems.push('ENTRA_CLIENT_ID: required when AUTH_MODE=entra');
  // The allowed tenants are the production checklist's too: the bot also drops activities
  // from any other tenant, so production never runs open to every tenant, whatever AUTH_MODE says.
  if ((authMode === 'entra' || production) && e.ENTRA_TENANT_IDS.length === 0) {
    problems.push(`ENTRA_TENANT_IDS: required when ${production ? 'NODE_ENV=production' : 'AUTH_MODE=entra'} (comma-separated ids of the tenants allowed to sign in)`);
  }
  if (e.MicrosoftAppId && e.MicrosoftAppType !== 'UserAssignedMSI' && !e.MicrosoftAppPassword) {
    problems.push('MicrosoftAppPassword: required when MicrosoftAppId is set (unless MicrosoftAppType=UserAssignedMSI)');
  }
  if (e.MicrosoftAppId && e.MicrosoftAppType !== 'MultiTenant' && !e.MicrosoftAppTenantId) {
    problems.push(`MicrosoftAppTenantId: required when MicrosoftAppType=${e.MicrosoftAppType}`);
  }
  const digest = e.DIGEST_SCHEDULE.toLowerCase() === 'off' ? null : { cron: e.DIGEST_SCHEDULE, timeZone: e.TENANT_TIME_ZONE };
  try {
    checkDigestSchedule(digest ?? { cron: '0 9 * * 1', timeZone: e.TENANT_TIME_ZONE });
  } catch (err) {
    problems.push(`${digest ? 'DIGEST_SCHEDULE/TENANT_TIME_ZONE' : 'TENANT_TIME_ZONE'}: ${(err as Error).message}`);
  }
  const results = e.RESULTS_SCHEDULE.toLowerCase() === 'off' ? null : { cron: e.RESULTS_SCHEDULE, timeZone: e.TENANT_TIME_ZONE };
  if (results) {
    try {
      checkDigestSchedule(results);
    } catch (err) {
      problems.push(`RESULTS_SCHEDULE: ${(err as Error).message}`);
    }
  }
  if (production && !e.GRAPH_BASE_URL.startsWith('https://')) problems.push('GRAPH_BASE_URL: must be https when NODE_ENV=production');
  const directoryTenant = e.MicrosoftAppTenantId || e.ENTRA_TENANT_IDS[0] || '';
  const credential = !e.MicrosoftAppId
    ? null
    : e.MicrosoftAppType === 'UserAssignedMSI'
      ? e.IDENTITY_ENDPOINT && e.IDENTITY_HEADER
        ? ({ kind: 'managedIdentity', clientId: e.MicrosoftAppId, endpoint: e.IDENTITY_ENDPOINT, header: e.IDENTITY_HEADER } as const)
        : null
      : e.MicrosoftAppPassword
        ? ({ kind: 'secret', clientId: e.MicrosoftAppId, secret: e.MicrosoftAppPassword, authorityHost: e.ENTRA_AUTHORITY_HOST } as const)
        : null;
  const directory = credential && directoryTenant
    ? { everyMinutes: e.DIRECTORY_SYNC_MINUTES, groupId: e.DIRECTORY_GROUP_ID?.toLowerCase(), graphBaseUrl: e.GRAPH_BASE_URL, tenantId: directoryTenant, credential }
    : null;
  if (e.PROACTIVE_INSTALL && !directory) {
    problems.push('PROACTIVE_INSTALL: needs Graph access: MicrosoftAppId with MicrosoftAppPassword (or the managed identity) and MicrosoftAppTenantId');
  }
  if (e.PROACTIVE_INSTALL && !e.TEAMS_APP_CATALOG_ID) problems.push("PROACTIVE_INSTALL: needs TEAMS_APP_CATALOG_ID, the app's id in the Teams app catalog");
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    env: e.NODE_ENV,
    port: e.PORT,
    // Dev sign-in is for this computer: listen on loopback unless told otherwise.
    host: e.HOST ?? (authMode === 'dev' ? '127.0.0.1' : '0.0.0.0'),
    publicUrl,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'pglite', dataDir: e.DATA_DIR },
    bot: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId,
      openIdMetadataUrl: e.BOT_OPENID_METADATA_URL,
    },
    auth: {
      mode: authMode,
      entra: {
        clientId: e.ENTRA_CLIENT_ID,
        tenantIds: e.ENTRA_TENANT_IDS,
        authorityHost: e.ENTRA_AUTHORITY_HOST.replace(/\/+$/, ''),
      },
      adminRole: e.ADMIN_ROLE,
      adminGroupId: e.ADMIN_GROUP_ID,
      editorRole: e.EDITOR_ROLE,
      analystRole: e.ANALYST_ROLE,
    },
    teamsRateLimitRps: e.TEAMS_RATE_LIMIT_RPS,
    worker: e.WORKER,
    digest,
    results,
    timeZone: e.TENANT_TIME_ZONE,
    crisisUpdateDays: e.CRISIS_UPDATE_DAYS,
    onboardingDays: e.ONBOARDING_DAYS,
    teamsAppId: e.TEAMS_APP_ID,
    trustProxyHops: e.TRUST_PROXY_HOPS,
    leaderboardRefreshSeconds: e.LEADERBOARD_REFRESH_SECONDS,
    analyticsRefreshSeconds: e.ANALYTICS_REFRESH_SECONDS,
    logLevel: e.LOG_LEVEL,
    directory,
    proactiveInstall: e.PROACTIVE_INSTALL && e.TEAMS_APP_CATALOG_ID ? { catalogId: e.TEAMS_APP_CATALOG_ID } : null,
    seedDemo: e.SEED_DEMO,
    benchBaseline: e.BENCH_BASELINE,
  };
}
