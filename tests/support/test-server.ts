// The real Chorus server for integration and browser tests. Its database starts empty:
// a test creates the people and content it needs with ./factories.ts. Tests that are about
// the demo company itself (browser flows and screenshots of it) ask for it explicitly:
// `startTestServer(env, { demo: true })`.
import { createServer } from 'node:net';
import pino from 'pino';
import { createApp, type App, type AppOptions } from '../../bot/src/app.js';
import { loadConfig, type Config } from '../../bot/src/config.js';
import type { Db } from '../../bot/src/storage/db.js';
import { createTestDb } from './test-db.js';

export interface TestServer {
  url: string;
  app: App;
  db: Db;
  config: Config;
  /** Bearer header for dev sign-in by dev key: a factory person's `devKey`, or clara, jonas, aylin, mia with `demo: true`. */
  as(person: string): Record<string, string>;
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface TestServerOptions extends AppOptions {
  /**
   * Seed the demo company (clara, jonas, aylin, mia and their content) into the fresh
   * database. Off by default: a test creates what it needs with tests/support/factories.ts,
   * so changing the demo changes no unrelated test. Only tests about the demo itself (its
   * seeding, the browser tests and screenshots that show it) ask for it.
   */
  demo?: boolean;
}

/**
 * The real Chorus server on loopback with a fresh, empty database (PGlite, or Postgres
 * when DATABASE_URL is set), or the one in `options.db`. `env` is the configuration on top
 * of the test defaults; `options.demo` seeds the demo company (not SEED_DEMO in `env`).
 */
export async function startTestServer(env: Record<string, string> = {}, options: TestServerOptions = {}): Promise<TestServer> {
  if ('SEED_DEMO' in env) throw new Error('startTestServer: ask for the demo company with { demo: true }, not SEED_DEMO');
  const { demo = false, ...appOptions } = options;
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://localhost:${port}`,
    LOG_LEVEL: 'silent',
    // Digests only where a test asks for them: a Monday morning must not change other tests.
    DIGEST_SCHEDULE: 'off',
    RESULTS_SCHEDULE: 'off',
    // A test that gives points reads the board right after; the refresh time has its own tests.
    LEADERBOARD_REFRESH_SECONDS: '0',
    ANALYTICS_REFRESH_SECONDS: '0',
    // No directory rounds on a schedule: a test with an app id and secret would otherwise ask Graph.
    DIRECTORY_SYNC_MINUTES: '0',
    ...env,
    SEED_DEMO: String(demo),
  });
  const owned = appOptions.db ? undefined : await createTestDb();
  const db = appOptions.db ?? (owned as { db: Db }).db;
  const app = await createApp(config, pino({ level: process.env.TEST_SERVER_LOG ?? 'silent' }), { ...appOptions, db });
  await app.listen();
  const url = `http://localhost:${port}`;
  return {
    url,
    app,
    db,
    config,
    as: (person) => ({ authorization: `Bearer dev.${person}` }),
    async close() {
      await app.close();
      if (owned) await owned.drop();
    },
  };
}
