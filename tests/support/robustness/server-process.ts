// The robustness test's server in a process of its own (`node --import tsx`): a crash is
// then a dead child with an exit code and its stderr, not a dead test run. It tells its
// parent its URL over the IPC channel, then answers database fingerprints on request.
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { createApp } from '../../../bot/src/app.js';
import { loadConfig } from '../../../bot/src/config.js';
import { openPglite, type Db } from '../../../bot/src/storage/db.js';
import { migrate } from '../../../bot/src/storage/migrate.js';
import { seedDemo } from '../../../bot/src/storage/seed-demo.js';
import { createTestDb } from '../test-db.js';
import { freePort } from '../test-server.js';

/**
 * Not fingerprinted: clicks and their readers are counted asynchronously (and /l/ GETs
 * legitimately count), day keys for readers are made ahead by every process on its own
 * clock, and the migrations table is not data.
 */
const UNFINGERPRINTED = new Set(['clicks', 'reader_marks', 'link_readers', 'reader_day_keys', 'schema_migrations']);

export type ParentMessage = { id: number; op: 'fingerprint' | 'snapshot' };
export type ChildMessage =
  | { op: 'ready'; url: string; database: string | null }
  | { op: 'result'; id: number; value: unknown }
  | { op: 'failed'; id: number; message: string };

/**
 * Outbound traffic only to loopback (and the test Postgres): generated bot activities
 * carry service URLs, and botbuilder acts on them. Any other address is turned into a
 * closed port on loopback, so the caller sees what it would see if the network were down
 * (ECONNREFUSED, asynchronously), and the attempt is logged for the parent to report.
 */
function blockOutbound(allowed: Set<string>): void {
  const connect = net.Socket.prototype.connect as (...args: unknown[]) => net.Socket;
  net.Socket.prototype.connect = function guarded(this: net.Socket, ...args: unknown[]) {
    const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
    if (typeof first === 'object' && first !== null) {
      const options = first as { host?: string; path?: string };
      const host = options.host ?? 'localhost';
      if (options.path || allowed.has(host) || host.startsWith('127.')) return connect.apply(this, args);
      process.stderr.write(`${JSON.stringify({ level: 40, msg: 'robustness: outbound connection blocked', host })}\n`);
      const closed = { ...options, host: '127.0.0.1', port: 1 };
      return connect.apply(this, Array.isArray(args[0]) ? [[closed, ...(args[0] as unknown[]).slice(1)], ...args.slice(1)] : [closed, ...args.slice(1)]);
    }
    const host = typeof args[1] === 'string' ? args[1] : 'localhost';
    if (typeof first === 'string' || allowed.has(host) || host.startsWith('127.')) return connect.apply(this, args); // a Unix socket, or loopback
    process.stderr.write(`${JSON.stringify({ level: 40, msg: 'robustness: outbound connection blocked', host })}\n`);
    return connect.apply(this, [1, '127.0.0.1', ...args.slice(2)]);
  } as typeof net.Socket.prototype.connect;
}

/** One md5 per table over every row, in a stable order. */
async function fingerprint(db: Db): Promise<Record<string, string>> {
  const tables = (await db.query<{ name: string }>(`select tablename as name from pg_tables where schemaname = 'public' order by 1`))
    .map((t) => t.name)
    .filter((t) => !UNFINGERPRINTED.has(t));
  const sql = tables
    .map((t) => `select '${t}' as name, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as hash from "${t}" x`)
    .join(' union all ');
  const rows = await db.query<{ name: string; hash: string }>(sql);
  return Object.fromEntries(rows.map((r) => [r.name, r.hash]));
}

/**
 * PGlite: the demo company is set up once per run in `template` (initdb is the slow part
 * of a start) and copied for every server, so a restart after a crash takes seconds and
 * starts from the same state. Postgres: a fresh database per server.
 */
async function openDb(publicUrl: string): Promise<{ db: Db; database: string | null }> {
  const template = process.env.ROBUSTNESS_TEMPLATE_DIR;
  const dataDir = process.env.ROBUSTNESS_DATA_DIR;
  if (process.env.DATABASE_URL || !template || !dataDir) {
    const { db, url } = await createTestDb();
    return { db, database: url ?? null };
  }
  const done = path.join(template, 'seeded');
  if (!existsSync(done)) {
    const db = await openPglite(template);
    await migrate(db);
    // Stays on the demo company: generated requests sign in as its people, and a seed replays only against the same data.
    await seedDemo(db, publicUrl);
    await db.close();
    writeFileSync(done, '');
  }
  cpSync(template, dataDir, { recursive: true });
  return { db: await openPglite(dataDir), database: null };
}

async function main(): Promise<void> {
  const dbHost = process.env.DATABASE_URL ? new URL(process.env.DATABASE_URL).hostname : 'localhost';
  blockOutbound(new Set(['localhost', '::1', dbHost]));
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: url,
    LOG_LEVEL: 'warn',
    DIGEST_SCHEDULE: 'off',
    // No delivery: announcements may be queued, never sent anywhere.
    WORKER: 'false',
  });
  const { db, database } = await openDb(url);
  // JSON lines on stderr, written synchronously so the last words before a crash survive.
  const app = await createApp(config, pino({ level: 'warn' }, pino.destination({ dest: 2, sync: true })), { db });
  await app.listen();

  process.on('message', (raw) => {
    const msg = raw as ParentMessage;
    const work =
      msg.op === 'fingerprint'
        ? fingerprint(db)
        : // Grows only when a transaction got an id, i.e. wrote (or tried to): a cheap "anything written?".
          db.query<{ s: string }>('select pg_current_snapshot()::text as s').then((r) => r[0]?.s);
    work.then(
      (value) => process.send?.({ op: 'result', id: msg.id, value } satisfies ChildMessage),
      (err: unknown) => process.send?.({ op: 'failed', id: msg.id, message: String(err) } satisfies ChildMessage),
    );
  });
  process.on('disconnect', () => process.exit(0)); // the parent went away
  process.send?.({ op: 'ready', url, database } satisfies ChildMessage);
}

main().catch((err: unknown) => {
  console.error('robustness server failed to start:', err);
  process.exit(70);
});
