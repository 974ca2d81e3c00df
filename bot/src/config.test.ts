import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('config', () => {
  it('runs a laptop demo with no settings at all', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3978);
    expect(c.publicUrl).toBe('http://localhost:3978');
    expect(c.database).toEqual({ kind: 'pglite', dataDir: '.data' });
    expect(c.auth.mode).toBe('dev');
    expect(c.teamsRateLimitRps).toBe(50);
    expect(c.worker).toBe(true);
    expect(c.digest).toEqual({ cron: '0 9 * * 1', timeZone: 'Europe/Berlin' });
    expect(c.onboardingDays).toBe(60);
    expect(c.teamsAppId).toBeUndefined();
  });

  it('schedules digests in the tenant time zone, or not at all', () => {
    expect(loadConfig({ DIGEST_SCHEDULE: '30 8 * * 5', TENANT_TIME_ZONE: 'Europe/London' }).digest).toEqual({ cron: '30 8 * * 5', timeZone: 'Europe/London' });
    expect(loadConfig({ DIGEST_SCHEDULE: 'off' }).digest).toBeNull();
    expect(problems({ DIGEST_SCHEDULE: 'mondays' }).join('\n')).toMatch(/DIGEST_SCHEDULE/);
    expect(problems({ TENANT_TIME_ZONE: 'Europe/Atlantis' }).join('\n')).toMatch(/TENANT_TIME_ZONE/);
    expect(loadConfig({ WORKER: 'false' }).worker).toBe(false);
  });

  it('uses Postgres when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/chorus' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://localhost/chorus',
    });
  });

  it('lists every bad value, one line each', () => {
    const p = problems({ PORT: 'eighty', TEAMS_RATE_LIMIT_RPS: '-1', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
    expect(p).toHaveLength(4);
    expect(p.join('\n')).toMatch(/PORT/);
    expect(p.join('\n')).toMatch(/TEAMS_RATE_LIMIT_RPS/);
    expect(p.join('\n')).toMatch(/LOG_LEVEL/);
    expect(p.join('\n')).toMatch(/DATABASE_URL/);
  });

  it('refuses dev sign-in and a missing app id in production', () => {
    const p = problems({ NODE_ENV: 'production', AUTH_MODE: 'dev', PUBLIC_URL: 'https://chorus.contoso.com' });
    expect(p).toContain('AUTH_MODE: dev identity is refused when NODE_ENV=production');
    expect(p).toContain('MicrosoftAppId: required when NODE_ENV=production');
  });

  it('defaults production to Entra and requires its settings', () => {
    const p = problems({ NODE_ENV: 'production', PUBLIC_URL: 'https://chorus.contoso.com', MicrosoftAppId: 'a', MicrosoftAppPassword: 'b', MicrosoftAppTenantId: 't' });
    expect(p).toEqual([
      'ENTRA_CLIENT_ID: required when AUTH_MODE=entra',
      'ENTRA_TENANT_IDS: required when NODE_ENV=production (comma-separated ids of the tenants allowed to sign in)',
    ]);
  });

  describe('the production checklist', () => {
    // Everything a production start needs, so each case below removes exactly one item.
    const complete = {
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://chorus.contoso.com',
      MicrosoftAppId: '00000000-0000-4000-8000-0000000000b0',
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: '11111111-2222-3333-4444-555555555555',
      ENTRA_CLIENT_ID: '00000000-0000-4000-8000-00000000c11e',
      ENTRA_TENANT_IDS: '11111111-2222-3333-4444-555555555555',
      DATABASE_URL: 'postgres://chorus@chorus-pg.postgres.database.azure.com:5432/chorus?sslmode=verify-full',
    };
    const without = (name: keyof typeof complete, value = '') => problems({ ...complete, [name]: value });

    it('passes with every item in place', () => {
      expect(problems(complete)).toEqual([]);
    });

    it('wants an https PUBLIC_URL, and says so when it is missing rather than judging the localhost default', () => {
      expect(without('PUBLIC_URL')).toEqual(['PUBLIC_URL: required when NODE_ENV=production (the https address Teams and readers reach Chorus at)']);
      expect(without('PUBLIC_URL', 'http://chorus.contoso.com')).toEqual(['PUBLIC_URL: must be https when NODE_ENV=production']);
    });

    it('wants the bot app id', () => {
      expect(without('MicrosoftAppId')).toEqual(['MicrosoftAppId: required when NODE_ENV=production']);
    });

    it('wants the allowed tenants, also when dev sign-in was asked for (refused on its own line)', () => {
      expect(without('ENTRA_TENANT_IDS')).toEqual(['ENTRA_TENANT_IDS: required when NODE_ENV=production (comma-separated ids of the tenants allowed to sign in)']);
      // Only commas and spaces: no tenant at all.
      expect(without('ENTRA_TENANT_IDS', ' , ')).toHaveLength(1);
      expect(problems({ ...complete, AUTH_MODE: 'dev', ENTRA_TENANT_IDS: '' })).toEqual([
        'AUTH_MODE: dev identity is refused when NODE_ENV=production',
        'AUTH_MODE: dev identity is only allowed when PUBLIC_URL is on localhost (got chorus.contoso.com)',
        'ENTRA_TENANT_IDS: required when NODE_ENV=production (comma-separated ids of the tenants allowed to sign in)',
      ]);
    });

    it('lists every missing item at once, one line each', () => {
      expect(problems({ NODE_ENV: 'production' })).toEqual([
        'MicrosoftAppId: required when NODE_ENV=production',
        'PUBLIC_URL: required when NODE_ENV=production (the https address Teams and readers reach Chorus at)',
        'ENTRA_CLIENT_ID: required when AUTH_MODE=entra',
        'ENTRA_TENANT_IDS: required when NODE_ENV=production (comma-separated ids of the tenants allowed to sign in)',
      ]);
    });

    it('leaves development open to any tenant with dev sign-in', () => {
      expect(loadConfig({}).auth.entra.tenantIds).toEqual([]);
      expect(problems({ AUTH_MODE: 'entra', ENTRA_CLIENT_ID: 'c' })).toEqual(['ENTRA_TENANT_IDS: required when AUTH_MODE=entra (comma-separated ids of the tenants allowed to sign in)']);
    });
  });

  it('refuses dev sign-in on a public address even outside production', () => {
    expect(problems({ PUBLIC_URL: 'https://chorus.contoso.com' })[0]).toMatch(/only allowed when PUBLIC_URL is on localhost/);
  });

  it('accepts a complete production setup', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://chorus.contoso.com/',
      MicrosoftAppId: 'app',
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: 'tenant',
      ENTRA_CLIENT_ID: 'client',
      ENTRA_TENANT_IDS: 'a, b',
      DATABASE_URL: 'postgresql://db/chorus',
    });
    expect(c.auth.mode).toBe('entra');
    expect(c.auth.entra.tenantIds).toEqual(['a', 'b']);
    expect(c.publicUrl).toBe('https://chorus.contoso.com');
  });
  it('takes the Teams app id for deep links and refuses anything that is not one', () => {
    expect(loadConfig({ TEAMS_APP_ID: '00000000-0000-0000-0000-000000000011' }).teamsAppId).toBe('00000000-0000-0000-0000-000000000011');
    expect(() => loadConfig({ TEAMS_APP_ID: 'chorus' })).toThrow(/TEAMS_APP_ID/);
    expect(() => loadConfig({ ONBOARDING_DAYS: '0' })).toThrow(/ONBOARDING_DAYS/);
  });

  it('serves the benchmark baseline only when asked, and never in production', () => {
    expect(loadConfig({}).benchBaseline).toBe(false);
    expect(loadConfig({ BENCH_BASELINE: 'true' }).benchBaseline).toBe(true);
    const p = problems({ NODE_ENV: 'production', BENCH_BASELINE: 'true', PUBLIC_URL: 'https://chorus.contoso.com', MicrosoftAppId: 'a', MicrosoftAppPassword: 'b', MicrosoftAppTenantId: 't', ENTRA_CLIENT_ID: 'c', ENTRA_TENANT_IDS: 't' });
    expect(p).toEqual(['BENCH_BASELINE: the benchmark baseline is refused when NODE_ENV=production']);
  });

  it('installs the app for people only when asked, with Graph access and the catalog id, or says what is missing', () => {
    expect(loadConfig({}).proactiveInstall).toBeNull();
    const graph = { MicrosoftAppId: 'a', MicrosoftAppPassword: 'b', MicrosoftAppTenantId: 't' };
    expect(loadConfig({ ...graph, PROACTIVE_INSTALL: 'true', TEAMS_APP_CATALOG_ID: 'f00d-1' }).proactiveInstall).toEqual({ catalogId: 'f00d-1' });
    expect(loadConfig({ ...graph, TEAMS_APP_CATALOG_ID: 'f00d-1' }).proactiveInstall).toBeNull();
    expect(problems({ ...graph, PROACTIVE_INSTALL: 'true' })).toEqual(["PROACTIVE_INSTALL: needs TEAMS_APP_CATALOG_ID, the app's id in the Teams app catalog"]);
    expect(problems({ PROACTIVE_INSTALL: 'true', TEAMS_APP_CATALOG_ID: 'f00d-1' })).toEqual([
      'PROACTIVE_INSTALL: needs Graph access: MicrosoftAppId with MicrosoftAppPassword (or the managed identity) and MicrosoftAppTenantId',
    ]);
    expect(problems({ ...graph, PROACTIVE_INSTALL: 'true', TEAMS_APP_CATALOG_ID: "x' or 1=1" })[0]).toMatch(/TEAMS_APP_CATALOG_ID/);
  });

  it('trusts no proxy for the reader address unless told how many there are', () => {
    expect(loadConfig({}).trustProxyHops).toBe(0);
    expect(loadConfig({ TRUST_PROXY_HOPS: '1' }).trustProxyHops).toBe(1);
    expect(() => loadConfig({ TRUST_PROXY_HOPS: '-1' })).toThrow(/TRUST_PROXY_HOPS/);
    expect(() => loadConfig({ TRUST_PROXY_HOPS: 'yes' })).toThrow(/TRUST_PROXY_HOPS/);
  });
});
