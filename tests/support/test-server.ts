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
  /** Bearer header for a demo person (dev sign-in): clara (admin), jonas, aylin, mia. */
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

/**
 * The real Chorus server on loopback with a fresh database (PGlite, or Postgres when
 * DATABASE_URL is set) and, unless SEED_DEMO=false, the demo company.
 */
export async function startTestServer(env: Record<string, string> = {}, options: AppOptions = {}): Promise<TestServer> {
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://localhost:${port}`,
    LOG_LEVEL: 'silent',
    // Digests only where a test asks for them: a Monday morning must not change other tests.
    DIGEST_SCHEDULE: 'off',
    ...env,
  });
  const owned = options.db ? undefined : await createTestDb();
  const db = options.db ?? (owned as { db: Db }).db;
  const app = await createApp(config, pino({ level: 'silent' }), { ...options, db });
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
