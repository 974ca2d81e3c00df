import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type Db } from '../../bot/src/storage/db.js';
import { migrate } from '../../bot/src/storage/migrate.js';
import { eventually } from '../support/eventually.js';
import { anAdmin, aTopic } from '../support/factories.js';
import { FakeBotConnector } from '../support/fake-bot-connector.js';
import { api, validItem } from '../support/http.js';
import { addReachablePeople, type ReachablePerson } from '../support/reachable.js';
import { createTestDb, usingPostgres } from '../support/test-db.js';
import { freePort } from '../support/test-server.js';

// Delivery survives `kill -9`: the real entry point in child processes (through tsx),
// killed mid-send and started again, against the fake Bot Connector in this process.
const MAIN = path.resolve('bot/src/main.ts');
const RECIPIENTS = 400;
const RPS = 100;
/** The worker's default concurrency: the most sends that can be on their way at a kill. */
const IN_FLIGHT = 32;

interface Proc {
  child: ChildProcess;
  url: string;
  exit: Promise<number | null>;
  output: () => string;
}

async function start(env: Record<string, string>): Promise<Proc> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), PUBLIC_URL: url, LOG_LEVEL: 'warn',
      SEED_DEMO: 'false', DIGEST_SCHEDULE: 'off', TEAMS_RATE_LIMIT_RPS: String(RPS), ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  for (let i = 0; i < 200; i++) {
    if (await fetch(`${url}/readyz`).then((r) => r.ok, () => false)) return { child, url, exit, output: () => out };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become ready:\n${out}`);
}

let admin: Record<string, string>;
let connector: FakeBotConnector;
let dbEnv: Record<string, string>;
let cleanup: () => Promise<void>;
let people: ReachablePerson[];
const running: Proc[] = [];

beforeAll(async () => {
  connector = await new FakeBotConnector({ globalRps: RPS }).start();
  let db: Db;
  if (usingPostgres()) {
    const test = await createTestDb();
    db = test.db;
    dbEnv = { DATABASE_URL: test.url as string };
    cleanup = test.drop;
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), 'chorus-crash-'));
    db = await openPglite(dir);
    dbEnv = { DATA_DIR: dir };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  await migrate(db);
  admin = (await anAdmin(db)).headers;
  await aTopic(db, { id: 'culture' }); // validItem's topic
  people = await addReachablePeople(db, RECIPIENTS, { serviceUrl: connector.url, department: 'Crash' });
  // PGlite allows one process per data directory: let go before the children start.
  if (!usingPostgres()) await db.close();
}, 60_000);

afterAll(async () => {
  for (const p of running) p.child.kill('SIGKILL');
  await Promise.all(running.map((p) => p.exit));
  await connector?.stop();
  await cleanup?.();
});

async function announceNewItem(url: string): Promise<string> {
  const created = await api(url, 'POST', '/api/v1/admin/items', { headers: admin, body: validItem({ audience: { departments: ['Crash'], locations: [] } }) });
  expect(created.status).toBe(201);
  expect((await api(url, 'POST', `/api/v1/admin/items/${created.body.item.id}/publish`, { headers: admin, body: {} })).status).toBe(200);
  const announced = await api(url, 'POST', `/api/v1/admin/items/${created.body.item.id}/announce`, { headers: admin, body: {} });
  expect(announced.status).toBe(201);
  return announced.body.id as string;
}

/** Pids of Chorus processes holding an advisory lock (a tenant's sender). */
async function leaderPids(): Promise<number[]> {
  const client = new pg.Client({ connectionString: dbEnv.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `select distinct a.application_name as name from pg_locks l join pg_stat_activity a on a.pid = l.pid
       where l.locktype = 'advisory' and a.application_name like 'chorus leader %' and a.datname = current_database()`,
    );
    return rows.map((r) => Number(r.name.split(' ').pop()));
  } finally {
    await client.end();
  }
}

function perPerson(): number[] {
  const counts = new Map<string, number>();
  for (const r of connector.received) counts.set(r.conversationId, (counts.get(r.conversationId) ?? 0) + 1);
  return people.map((p) => counts.get(p.conversationId) ?? 0);
}

describe('a delivery worker killed with SIGKILL', () => {
  it('resumes after a restart: nobody is lost, and only sends in flight at the kill can repeat', async () => {
    connector.reset();
    const first = await start(dbEnv);
    running.push(first);
    const id = await announceNewItem(first.url);
    await eventually(async () => connector.received.length, (n) => n >= RECIPIENTS / 2, 20_000, 5);
    first.child.kill('SIGKILL');
    expect(await first.exit).toBeNull(); // killed, not exited
    const atKill = connector.received.length;
    expect(atKill).toBeLessThan(RECIPIENTS);

    const second = await start(dbEnv);
    running.push(second);
    const done = await eventually(
      async () => (await api(second.url, 'GET', `/api/v1/admin/announcements/${id}`, { headers: admin })).body,
      (a) => a.status === 'done',
      30_000,
    );
    expect(done.counts).toMatchObject({ total: RECIPIENTS, sent: RECIPIENTS, pending: 0, failed: 0 });
    const counts = perPerson();
    expect(counts.filter((n) => n === 0)).toHaveLength(0); // lost: none
    const duplicates = counts.reduce((sum, n) => sum + n - 1, 0);
    expect(duplicates).toBeLessThanOrEqual(IN_FLIGHT);
    second.child.kill('SIGTERM');
    expect(await second.exit).toBe(0);
  }, 90_000);

  // PGlite allows one process per data directory, so there is no standby to take over
  // there; the test runs in CI's Postgres pass.
  it.runIf(usingPostgres())('with two processes on one Postgres, one sends and the other takes over within seconds when it dies', async () => {
    connector.reset();
    const a = await start(dbEnv);
    const b = await start(dbEnv);
    running.push(a, b);
    const id = await announceNewItem(a.url);
    await eventually(async () => connector.received.length, (n) => n >= RECIPIENTS / 2, 20_000, 5);
    // Whoever holds the tenant's lock is the sender (its lock connection carries its pid).
    const holders = await leaderPids();
    expect(holders).toHaveLength(1);
    const leader = [a, b].find((p) => p.child.pid === holders[0])!;
    const standby = leader === a ? b : a;
    expect(leader).toBeDefined();
    leader.child.kill('SIGKILL');
    await leader.exit;
    const killedAt = performance.timeOrigin + performance.now(); // the fake connector's clock
    const done = await eventually(
      async () => (await api(standby.url, 'GET', `/api/v1/admin/announcements/${id}`, { headers: admin })).body,
      (x) => x.status === 'done',
      30_000,
    );
    expect(done.counts).toMatchObject({ total: RECIPIENTS, sent: RECIPIENTS });
    const resumedAt = Math.min(...connector.timeline.map((t) => t.at).filter((t) => t > killedAt));
    expect(resumedAt - killedAt).toBeLessThan(3_000);
    // Done: the standby lets go of the tenant's lock on its next tick after the last card
    // (the status turns done in the statement that records that card, just before).
    expect(await eventually(leaderPids, (pids) => pids.length === 0, 5_000)).toEqual([]);
    const counts = perPerson();
    expect(counts.filter((n) => n === 0)).toHaveLength(0);
    expect(counts.reduce((sum, n) => sum + n - 1, 0)).toBeLessThanOrEqual(IN_FLIGHT);
    // Never two senders at once: two would each keep the full pace and run into the limit.
    expect(connector.stats().throttled).toBeLessThanOrEqual(2);
    standby.child.kill('SIGTERM');
    expect(await standby.exit).toBe(0);
  }, 90_000);
});
